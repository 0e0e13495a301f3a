/**
 * Inline markup (bold, italics, links, code) parsed with unified/remark-parse and kept as marks
 * on the plain text: the delimiters are removed from the text, the ranges they marked are kept.
 *
 * Only texts that contain a markup character go through the parser; the texts here are single
 * paragraphs, so block syntax (a leading "1." or "-") is neutralised before parsing.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Mark } from '../document/model.js';
import type { Range } from '../layout/mapped-text.js';
import { lastAtOrBefore } from '../util/search.js';

export interface Inline {
  /** Delimiter ranges to remove from the text. */
  remove: Range[];
  /** Marks, in offsets of the text before removal. */
  marks: Mark[];
}

const MARKUP = /[*_`[<]/;
const processor = unified().use(remarkParse);

interface MdNode {
  type: string;
  url?: string;
  children?: MdNode[];
  value?: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/**
 * A leading block marker would make a paragraph a list, heading or quote, or open a fence or an
 * HTML block that runs on into the next texts of the batch; such a start is escaped.
 */
const BLOCK_START = /^(?:[-+*]\s|>|#{1,6}\s|\d{1,9}[.)]\s|`{3,}|~{3,}|<(?:!--|\?|![A-Za-z]|!\[CDATA\[|\/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$))|\[[^\]]*\]:)/;

export function parseInline(text: string): Inline {
  return parseInlineBatch([text])[0]!;
}

/**
 * Inline markup of many single-paragraph texts with one parse: the texts that contain a markup
 * character become the paragraphs of one markdown document (block markers escaped), so the
 * parser's setup is paid once per document rather than once per paragraph.
 */
export function parseInlineBatch(texts: readonly string[]): Inline[] {
  const result: Inline[] = texts.map(() => ({ remove: [], marks: [] }));
  const parts: string[] = [];
  const starts: number[] = []; // where each paragraph (escape included) starts in the document
  const bases: number[] = []; // where each text itself starts
  const owners: number[] = [];
  let length = 0;
  texts.forEach((text, i) => {
    if (!MARKUP.test(text) || text.includes('\n')) return;
    const escape = BLOCK_START.test(text) ? '\\' : '';
    starts.push(length);
    bases.push(length + escape.length);
    owners.push(i);
    parts.push(escape, text, '\n\n');
    length += escape.length + text.length + 2;
  });
  if (owners.length === 0) return result;
  const tree = processor.parse(parts.join('')) as MdNode;
  for (const child of tree.children ?? []) {
    const at = child.position?.start.offset;
    if (child.type !== 'paragraph' || at === undefined) continue;
    const k = lastAtOrBefore(starts, at);
    if (k < 0 || at !== starts[k]) continue;
    const inline = result[owners[k]!]!;
    walk(child, bases[k]!, parts[3 * k + 1]!, inline);
    inline.remove.sort((a, b) => a.start - b.start);
  }
  return result;
}

const MARK_TYPES: Record<string, Mark['type']> = { strong: 'strong', emphasis: 'emphasis', link: 'link', inlineCode: 'code' };

/** Marks and delimiters of a paragraph node, in offsets of its own text (which starts at `base`). */
function walk(node: MdNode, base: number, text: string, out: Inline): void {
  for (const child of node.children ?? []) {
    const type = MARK_TYPES[child.type];
    const start = child.position?.start.offset === undefined ? undefined : child.position.start.offset - base;
    const end = child.position?.end.offset === undefined ? undefined : child.position.end.offset - base;
    if (type && start !== undefined && end !== undefined) {
      if (type === 'code') {
        const ticks = /^`+/.exec(text.slice(start))?.[0].length ?? 1;
        out.remove.push({ start, end: start + ticks }, { start: end - ticks, end });
        out.marks.push({ type, start: start + ticks, end: end - ticks });
        continue;
      }
      const kids = child.children ?? [];
      const first = kids[0]?.position?.start.offset;
      const last = kids[kids.length - 1]?.position?.end.offset;
      const innerStart = first === undefined ? start : first - base;
      const innerEnd = last === undefined ? end : last - base;
      if (innerStart > start) out.remove.push({ start, end: innerStart });
      if (end > innerEnd) out.remove.push({ start: innerEnd, end });
      const mark: Mark = { type, start: innerStart, end: innerEnd };
      if (type === 'link' && child.url) mark.url = child.url;
      out.marks.push(mark);
    }
    walk(child, base, text, out);
  }
}
