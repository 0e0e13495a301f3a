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

export function parseInline(text: string): Inline {
  if (!MARKUP.test(text)) return { remove: [], marks: [] };
  // A leading block marker would make the paragraph a list, heading or quote: escape it,
  // and count the escape out of every offset.
  const escaped = /^(?:[-+*]\s|>|#{1,6}\s|\d{1,9}[.)]\s)/.test(text);
  const tree = processor.parse(escaped ? `\\${text}` : text) as MdNode;
  const paragraph = tree.children?.length === 1 && tree.children[0]!.type === 'paragraph' ? tree.children[0]! : null;
  if (!paragraph) return { remove: [], marks: [] };
  const out: Inline = { remove: [], marks: [] };
  walk(paragraph, escaped ? ` ${text}` : text, out);
  if (escaped) {
    for (const r of out.remove) (r.start -= 1), (r.end -= 1);
    for (const m of out.marks) (m.start -= 1), (m.end -= 1);
  }
  out.remove.sort((a, b) => a.start - b.start);
  return out;
}

const MARK_TYPES: Record<string, Mark['type']> = { strong: 'strong', emphasis: 'emphasis', link: 'link', inlineCode: 'code' };

function walk(node: MdNode, text: string, out: Inline): void {
  for (const child of node.children ?? []) {
    const type = MARK_TYPES[child.type];
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (type && start !== undefined && end !== undefined) {
      if (type === 'code') {
        const ticks = /^`+/.exec(text.slice(start))?.[0].length ?? 1;
        out.remove.push({ start, end: start + ticks }, { start: end - ticks, end });
        out.marks.push({ type, start: start + ticks, end: end - ticks });
        continue;
      }
      const kids = child.children ?? [];
      const innerStart = kids[0]?.position?.start.offset ?? start;
      const innerEnd = kids[kids.length - 1]?.position?.end.offset ?? end;
      if (innerStart > start) out.remove.push({ start, end: innerStart });
      if (end > innerEnd) out.remove.push({ start: innerEnd, end });
      const mark: Mark = { type, start: innerStart, end: innerEnd };
      if (type === 'link' && child.url) mark.url = child.url;
      out.marks.push(mark);
    }
    walk(child, text, out);
  }
}
