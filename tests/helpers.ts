/** Shared test helpers: parse the shipped corpus or a fixture with the real parse context. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../src/document/build.js';
import { createParseContext, type LoadedContext } from '../src/document/context.js';
import { loadManifest } from '../src/document/manifest.js';
import type { Block, Document, KeyAction, Section } from '../src/document/model.js';
import { walkSections, walkTextNodes, type TextElement } from '../src/document/walk.js';
import { loadLayoutLexicon } from '../src/layout/lexicon.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CORPUS = join(ROOT, 'corpus');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

export const IDS = {
  plan: 'com-2021-591',
  fiche: 'bnc-fiche-com-2021-591',
  letter: 'kst-28638-235',
  qa: 'qa-2021-04-14-organised-crime-trafficking',
  strategy: 'com-2021-171',
} as const;

const manifest = loadManifest(CORPUS).manifest;
let context: LoadedContext | null = null;
const cache = new Map<string, Document>();

export function fullContext(): LoadedContext {
  context ??= createParseContext({
    registryPaths: [join(CORPUS, 'registry')],
    documents: manifest.entries.map((e) => ({ id: e.id, reference: e.reference })),
  });
  return context;
}

/** A corpus document, parsed once per test file with entities. */
export function corpusDoc(id: string): Document {
  let doc = cache.get(id);
  if (!doc) {
    const entry = manifest.entries.find((e) => e.id === id);
    if (!entry) throw new Error(`no corpus document ${id}`);
    const path = `corpus/${entry.file}`;
    doc = parseDocument({ bytes: readFileSync(join(CORPUS, entry.file)), path, id, manifest: entry }, fullContext());
    cache.set(id, doc);
  }
  return doc;
}

export function rawOf(id: string): string {
  const entry = manifest.entries.find((e) => e.id === id)!;
  return readFileSync(join(CORPUS, entry.file), 'utf8');
}

/** Parse text or bytes that are not in the corpus; without entities unless asked. */
export function parseText(text: string | Uint8Array, options: { id?: string; entities?: boolean; path?: string } = {}): Document {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const ctx = options.entities ? fullContext() : { lexicon: loadLayoutLexicon() };
  return parseDocument({ bytes, path: options.path ?? 'fixture.txt', id: options.id ?? 'fixture' }, ctx);
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, 'documents', name), 'utf8');
}

export function sections(doc: Document): Section[] {
  const out: Section[] = [];
  walkSections(doc.body, (s) => out.push(s));
  return out;
}

export function textNodes(doc: Document): TextElement[] {
  const out: TextElement[] = [];
  walkTextNodes(doc, (n) => out.push(n));
  return out;
}

export function keyActions(doc: Document): KeyAction[] {
  return textNodes(doc).filter((n): n is KeyAction => n.type === 'key-action');
}

export function find<T extends TextElement>(doc: Document, predicate: (n: TextElement) => boolean): T {
  const found = textNodes(doc).find(predicate);
  if (!found) throw new Error('no element matches');
  return found as T;
}

export function keyActionLists(doc: Document) {
  const out: Extract<Block, { type: 'key-action-list' }>[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'section') visit(b.children);
      else if (b.type === 'key-action-list') out.push(b);
    }
  };
  visit(doc.body);
  return out;
}

/** The text of a span in the raw file: what `sed -n` and a code point slice show. */
export function spanText(raw: string, span: { start: number; end: number }): string {
  return Array.from(raw).slice(span.start, span.end).join('');
}
