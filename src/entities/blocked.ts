/**
 * Regions of a text in which no entity may be matched: URLs, e-mail addresses, bare domain
 * names and long slash-separated paths (a URL broken over lines loses its scheme).
 */
import { tokenize, type Tokens } from './tokenize.js';

const BLOCKED_REGION = new RegExp(
  [
    String.raw`\b(?:https?|ftp)://[^\s<>"'\])]+`,
    String.raw`\bwww\.[^\s<>"'\])]+`,
    String.raw`(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    String.raw`(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:eu|nl|be|de|fr|uk|int|org|com|net|gov|edu|info|io|pdf|html?)\b(?:/[^\s<>"'\])]*)?`,
    String.raw`(?<![\w.-])[\w.-]+(?:/[\w.-]+){3,}/?`,
  ].join('|'),
  'g',
);

/** Cheap test: a text without these characters has no blocked region. */
const MAY_HAVE_REGION = /[@/]|\.[a-z]/;

/** Sorted, non-overlapping `[start, end)` ranges of URLs and e-mail addresses in `text`. */
export function findBlockedRegions(text: string): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  if (!MAY_HAVE_REGION.test(text)) return regions;
  BLOCKED_REGION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BLOCKED_REGION.exec(text)) !== null) {
    regions.push([m.index, m.index + m[0].length]);
  }
  return regions;
}

/** The tokens of a text with its blocked regions, as the matcher and the unknown-name finder see it. */
export interface ScannedText {
  text: string;
  blocked: Array<[number, number]>;
  tokens: Tokens;
}

let last: ScannedText | null = null;

/**
 * Tokenises `text` around its blocked regions. The matcher and then the unknown-organisation
 * finder read the same text one after the other, so the last result is kept for the second.
 */
export function scanText(text: string): ScannedText {
  if (last !== null && last.text === text) return last;
  const blocked = findBlockedRegions(text);
  last = { text, blocked, tokens: tokenize(text, blocked) };
  return last;
}
