/**
 * The elements of a document as units of comparison: a reference for the output, the key that
 * decides identical wording, and the terms that decide similarity.
 */
import type { Document, Section } from '../document/model.js';
import { walkBlocks, walkSections, walkTextNodes, type TextElement } from '../document/walk.js';
import type { ElementRef, SectionInfo, SectionRef } from './result.js';
import { termBag, type TermBag } from './terms.js';

export interface Unit {
  ref: ElementRef;
  /** The normalised text: two units with the same key have the same wording. */
  key: string;
  terms: TermBag;
  /** The source element, for passages and entity spans. */
  node: TextElement;
}

/**
 * Text compared for identical wording: Unicode NFC, whitespace collapsed (re-wrapping does not
 * count) and the punctuation that closes a list item ("; en", ";", ".") left out.
 */
export function comparisonKey(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/(?:[;,]\s*(?:en|of))?[\s;,.:]*$/u, '');
}

function sectionRef(section: Section | null): SectionRef | null {
  return section ? { id: section.id, number: section.heading.number, title: section.heading.title } : null;
}

// A document's elements take part in several comparisons (document frequencies, sections,
// elements, key actions): each is made a unit, and its terms counted, once.
const units = new WeakMap<TextElement, Unit>();
const bags = new WeakMap<TextElement, TermBag>();

function termsOf(node: TextElement): TermBag {
  let terms = bags.get(node);
  if (!terms) bags.set(node, (terms = termBag(node.text, node.mentions)));
  return terms;
}

function unit(node: TextElement, section: Section | null): Unit {
  let u = units.get(node);
  if (!u) {
    u = {
      ref: { id: node.id, type: node.type, span: node.span, section: sectionRef(section), text: node.text },
      key: comparisonKey(node.text),
      terms: termsOf(node),
      node,
    };
    units.set(node, u);
  }
  return u;
}

/** Every text element of the body in reading order, except section headings (sections are compared on their own). */
export function bodyUnits(doc: Document): Unit[] {
  const out: Unit[] = [];
  walkBlocks(doc.body, null, (node, section) => {
    if (node.type === 'heading' && section?.heading === node) return;
    out.push(unit(node, section));
  });
  for (const box of doc.boxes) out.push(unit(box, null));
  for (const caption of doc.captions) out.push(unit(caption, null));
  return out;
}

export function keyActionUnits(doc: Document): Unit[] {
  return bodyUnits(doc).filter((u) => u.ref.type === 'key-action');
}

/** The footnotes, compared on their text: their numbers are left out, so renumbering is no change. */
export function noteUnits(doc: Document): Unit[] {
  return doc.notes.map((note) => unit(note, null));
}

/** Every text element of every layer, for the document frequencies of the terms. */
export function allTermBags(doc: Document): TermBag[] {
  const out: TermBag[] = [];
  walkTextNodes(doc, (node) => out.push(termsOf(node)));
  return out;
}

export interface SectionUnit {
  info: SectionInfo;
  parent: string | null;
  /** The normalised title, without its number. */
  key: string;
  /** The terms of the title and of the section's own elements (not those of its subsections). */
  terms: TermBag;
}

export function sectionUnits(doc: Document): SectionUnit[] {
  const out: SectionUnit[] = [];
  const parents: string[] = [];
  walkSections(doc.body, (section, depth) => {
    parents.length = depth;
    const h = section.heading;
    const terms = new Map<string, number>();
    const add = (node: TextElement) => {
      for (const [term, n] of termsOf(node)) terms.set(term, (terms.get(term) ?? 0) + n);
    };
    add(h);
    walkBlocks(section.children.filter((b) => b.type !== 'section'), section, add);
    out.push({
      info: { id: section.id, number: h.number, title: h.title, level: h.level, span: section.span },
      parent: parents[depth - 1] ?? null,
      key: comparisonKey(h.title),
      terms,
    });
    parents.push(section.id);
  });
  return out;
}
