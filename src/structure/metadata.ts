/**
 * Metadata found in the document itself: title, date, official reference, the document a fiche
 * is about, and the kind of document. Each value keeps the span it was read from; the document
 * stage compares it with the manifest.
 */
import type { DocumentKind, Paragraph, Span } from '../document/model.js';
import { normalizeReference } from '../entities/references.js';
import type { LayoutLexicon } from '../layout/lexicon.js';
import type { StructureResult } from './index.js';

export interface Found<T = string> {
  value: T;
  span: Span;
}

export interface DetectedMetadata {
  title?: Found;
  date?: Found;
  reference?: Found;
  subject?: Found;
  kind?: Found<DocumentKind>;
  /** CELEX numbers of EUR-Lex links in the front matter and fields. */
  celexLinks: Found[];
}

interface Candidate {
  text: string;
  span: Span;
}

const COMMISSION_DOC = /\b(?:COM|SWD|JOIN)\s*\(\d{4}\)\s*\d{1,4}(?:\s+final)?/u;
const CELEX_LINK = /CELEX[:%3A]+(\d{5}[A-Z]{1,2}\d{4})/giu;

export function detectMetadata(s: StructureResult, lexicon: LayoutLexicon): DetectedMetadata {
  const front: Candidate[] = s.frontMatter.map(toCandidate);
  const furniture: Candidate[] = s.furniture
    .filter((f) => f.kind === 'republish-notice' || f.kind === 'letterhead')
    .map((f) => ({ text: f.text, span: f.span }));
  const fields = s.fields.map((f) => ({ label: f.label.title, value: toCandidate(f.value) }));
  const found: DetectedMetadata = { celexLinks: [] };

  // Kind: the first cue of a kind in the front matter, the fiche fields or the page chrome.
  const kindTexts = [...front, ...furniture, ...fields.map((f) => ({ text: f.label, span: f.value.span }))];
  for (const c of kindTexts) {
    const lower = c.text.toLowerCase();
    const kind = (Object.entries(lexicon.file.kinds) as [DocumentKind, string[]][]).find(([, cues]) => cues.some((cue) => lower.includes(cue)));
    if (kind) {
      found.kind = { value: kind[0], span: c.span };
      break;
    }
  }

  // Date: "Brussel, 29.9.2021", "Den Haag, 19 oktober 2023", "gepubliceerd op woensdag 14 april 2021",
  // or the receipt date field of a fiche.
  for (const c of [...front, ...furniture, ...fields.filter((f) => /datum/i.test(f.label)).map((f) => f.value)]) {
    const date = findDate(c.text, lexicon);
    if (date) {
      found.date = { value: date, span: c.span };
      break;
    }
  }

  // Reference: a Commission document number or a Kamerstuk dossier and number in the front matter;
  // in a fiche the number field names the document the fiche is about.
  for (const f of fields) {
    const m = COMMISSION_DOC.exec(f.value.text);
    if (m && /nr\.|nummer|commissiedocument/i.test(f.label)) found.subject = { value: m[0], span: f.value.span };
  }
  for (const c of front) {
    const m = COMMISSION_DOC.exec(c.text);
    if (m && !found.reference && c.text.trim().length <= m[0].length + 12) found.reference = { value: m[0], span: c.span };
  }
  if (!found.reference) {
    const dossier = front.find((c) => /^\d{2}\s\d{3}\b/u.test(c.text));
    const number = front.find((c) => /^Nr\.\s*\d+/u.test(c.text));
    if (dossier && number) {
      const value = `Kamerstuk ${/^\d{2}\s\d{3}/u.exec(dossier.text)![0]}, nr. ${/\d+/u.exec(number.text)![0]}`;
      found.reference = { value, span: dossier.span };
    }
  }

  for (const c of [...front, ...fields.map((f) => f.value)]) {
    for (const m of c.text.matchAll(CELEX_LINK)) found.celexLinks.push({ value: m[1]!.toUpperCase(), span: c.span });
  }

  // A letter's subject line ("Onderwerp Voortgang aanpak mensenhandel") is its title.
  let subject: Found | undefined;
  for (const c of furniture) {
    const label = lexicon.subjectLine.exec(c.text);
    if (label) {
      subject = { value: c.text.slice(label[0].length), span: c.span };
      break;
    }
  }
  found.title = subject ?? findTitle(front, lexicon);
  return found;
}

function toCandidate(p: Paragraph): Candidate {
  return { text: p.text, span: p.span };
}

/** The first front-matter text that is not a date, a reference, an addressee or the kind banner. */
function findTitle(front: Candidate[], lexicon: LayoutLexicon): Found | undefined {
  const banners = Object.values(lexicon.file.kinds).flat();
  for (const c of front) {
    let text = c.text.trim();
    if (findDate(text, lexicon) || COMMISSION_DOC.test(text) || /^Nr\.\s*\d|^\d{2}\s\d{3}\b|^Aan\s/u.test(text)) continue;
    // A banner ("MEDEDELING VAN DE COMMISSIE AAN ... VAN DE REGIO'S") may carry the title after it.
    if (text === text.toUpperCase() || banners.some((b) => text.toLowerCase().startsWith(b) && text.length < b.length + 200 && /^[^a-z]*$/u.test(text.slice(0, b.length)))) {
      const rest = text.replace(/^[^a-zà-ÿ]*(?=\b\p{Ll})/u, '').trim();
      if (rest === text || rest.length === 0) continue;
      text = rest;
    }
    if (/^\d{4}([-–]\d{4})?$/u.test(text)) continue;
    return { value: text.replace(/^over\s+/u, ''), span: c.span };
  }
  return undefined;
}

/** An ISO date from "29.9.2021", "19 oktober 2023" (with an optional weekday before it). */
export function findDate(text: string, lexicon: LayoutLexicon): string | null {
  const numeric = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/u.exec(text);
  if (numeric) return iso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const written = /\b(\d{1,2})\s+(\p{L}+)\s+(\d{4})\b/gu;
  for (const m of text.matchAll(written)) {
    const month = lexicon.monthIndex.get(m[2]!.toLowerCase());
    if (month) return iso(Number(m[3]), month, Number(m[1]));
  }
  return null;
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The normalised identifier of a printed reference, for comparisons (COM(2021) 591 = 52021DC0591). */
export function referenceKey(text: string | null | undefined): string | null {
  if (!text) return null;
  return normalizeReference(text) ?? text.trim().toLowerCase();
}
