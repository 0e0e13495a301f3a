/**
 * Nothing lost, nothing invented: every non-white-space character of the source belongs to
 * exactly one element of exactly one layer, and every character of an element's text comes from
 * the source it cites.
 *
 * - gone: source characters no element owns;
 * - phantom: characters owned twice, and text characters not found (in order) in the element's
 *   own source segments.
 */
import type { Document, Span } from './model.js';
import { walkTextNodes } from './walk.js';

export interface Conservation {
  gone: number;
  phantom: number;
  /** The first few places, for messages: raw offsets. */
  goneAt: number[];
  phantomAt: { element: string; offset: number }[];
}

/** White space and the invisible characters normalisation removes. */
function ignored(code: number): boolean {
  return (
    code <= 0x20 ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0xad ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export function checkConservation(doc: Pick<Document, 'body' | 'notes' | 'boxes' | 'captions' | 'furniture'>, raw: string): Conservation {
  // Spans count code points; without astral characters they are UTF-16 offsets as they are.
  const chars = /[\uD800-\uDFFF]/.test(raw) ? Array.from(raw) : null;
  const length = chars ? chars.length : raw.length;
  const codeAt = (i: number) => (chars ? chars[i]!.codePointAt(0)! : raw.charCodeAt(i));
  const slice = (s: number, e: number) => (chars ? chars.slice(s, e).join('') : raw.slice(s, e));
  const owners = new Uint8Array(length);
  const result: Conservation = { gone: 0, phantom: 0, goneAt: [], phantomAt: [] };

  const own = (id: string, spans: readonly Span[], text: string | null) => {
    for (const s of spans) for (let i = s.start; i < s.end && i < length; i++) if (owners[i]! < 255) owners[i]!++;
    if (text !== null && !isSubsequence(text, spans.map((s) => slice(s.start, s.end)).join(' '))) {
      result.phantom++;
      if (result.phantomAt.length < 5) result.phantomAt.push({ element: id, offset: spans[0]?.start ?? 0 });
    }
  };
  walkTextNodes(doc, (node) => own(node.id, node.segments ?? [node.span], node.text));
  for (const f of doc.furniture) own(f.id, f.segments ?? [f.span], null);

  for (let i = 0; i < length; i++) {
    const n = owners[i]!;
    if (n === 1 || ignored(codeAt(i))) continue;
    if (n === 0) {
      result.gone++;
      if (result.goneAt.length < 5) result.goneAt.push(i);
    } else {
      result.phantom++;
      if (result.phantomAt.length < 5) result.phantomAt.push({ element: '(owned twice)', offset: i });
    }
  }
  return result;
}

/**
 * Are the non-space characters of `text` a subsequence of those of `source`? Compared
 * decomposed (NFD), so a letter and its accent count whether or not something stood between them.
 */
function isSubsequence(text: string, source: string): boolean {
  const t = text.normalize('NFD');
  const s = source.normalize('NFD');
  let j = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (ignored(c)) continue;
    while (j < s.length && s.charCodeAt(j) !== c) j++;
    if (j === s.length) return false;
    j++;
  }
  return true;
}
