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
const IGNORED = /[\s\u00AD\u200B-\u200D\u2060\uFEFF]/u;

export function checkConservation(doc: Pick<Document, 'body' | 'notes' | 'boxes' | 'captions' | 'furniture'>, raw: string): Conservation {
  const chars = Array.from(raw);
  const owners = new Uint16Array(chars.length);
  const result: Conservation = { gone: 0, phantom: 0, goneAt: [], phantomAt: [] };

  const own = (id: string, spans: readonly Span[], text: string | null) => {
    for (const s of spans) for (let i = s.start; i < s.end && i < chars.length; i++) owners[i] = Math.min(owners[i]! + 1, 65535);
    if (text !== null && !isSubsequence(text, spans.map((s) => chars.slice(s.start, s.end).join('')).join(' '))) {
      result.phantom++;
      if (result.phantomAt.length < 5) result.phantomAt.push({ element: id, offset: spans[0]?.start ?? 0 });
    }
  };
  walkTextNodes(doc, (node) => own(node.id, node.segments ?? [node.span], node.text));
  for (const f of doc.furniture) own(f.id, f.segments ?? [f.span], null);

  for (let i = 0; i < chars.length; i++) {
    if (IGNORED.test(chars[i]!)) continue;
    if (owners[i] === 0) {
      result.gone++;
      if (result.goneAt.length < 5) result.goneAt.push(i);
    } else if (owners[i]! > 1) {
      result.phantom++;
      if (result.phantomAt.length < 5) result.phantomAt.push({ element: '(owned twice)', offset: i });
    }
  }
  return result;
}

/** Are the non-space characters of `text` a subsequence of those of `source` (NFC)? */
function isSubsequence(text: string, source: string): boolean {
  const t = text.normalize('NFC').replace(/\s+/gu, '');
  const s = source.normalize('NFC').replace(/[\s\u00AD\u200B-\u200D\u2060\uFEFF]+/gu, '');
  let j = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    while (j < s.length && s[j] !== c) j++;
    if (j === s.length) return false;
    j++;
  }
  return true;
}
