/**
 * What each content block is: a heading (numbered, lettered, unnumbered, question, key-action
 * title), a paragraph, a bullet, the lead-in of a key-action group. The decisions look at the
 * block, its neighbours and the document as a whole (is it numbered, is it a Q&A page), never at
 * a file name or a particular sentence.
 */
import type { HeadingKind, Paragraph } from '../document/model.js';
import type { LayoutLexicon } from '../layout/lexicon.js';
import { endsStronglyOpen, endsTerminal, startsUpper, stripTrailing } from '../layout/text-shape.js';
import type { Draft } from './text.js';

export interface HeadingItem {
  t: 'heading';
  kind: HeadingKind;
  number: string | null;
  title: string;
  level: number;
  evidence: string[];
  draft: Draft;
}
export interface ParagraphItem {
  t: 'paragraph';
  role: Paragraph['role'];
  draft: Draft;
}
export interface BulletDraft {
  draft: Draft;
  marker: string;
}
export interface ListItemGroup {
  t: 'list';
  items: BulletDraft[];
}
export interface KeyActionGroupDraft {
  leadIn: Draft | null;
  actions: BulletDraft[];
}
export interface KeyActionListItem {
  t: 'key-actions';
  heading: HeadingItem;
  topics: { heading: HeadingItem | null; groups: KeyActionGroupDraft[] }[];
}
export type Item = HeadingItem | ParagraphItem | ListItemGroup | KeyActionListItem;

export interface Problem {
  rule: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
  draft: Draft;
}

const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,5})(\.?)\s+(.+)$/u;
const LETTERED = /^\(?([a-z])\)\s+(.+)$/u;
const DATE_LIKE = /\b\d{1,2}[.\-/]\d{1,2}[.\-/]\d{2,4}\b|\b\d{1,2}\s+\p{L}+\s+\d{4}\b/u;
const REFERENCE_LIKE = /^(?:COM|SWD|JOIN|C)\s*\(\d{4}\)|^Nr\.\s*\d|^\d{2}\s?\d{3}\b|^Aan\s/u;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

export function classify(drafts: { draft: Draft; marker?: string }[], lexicon: LayoutLexicon): { items: Item[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const text = (i: number) => drafts[i]?.draft.text.text ?? '';
  const kindOf = (i: number) => drafts[i]?.draft.block.kind;

  const isQuestion = (i: number) => {
    const t = stripTrailing(text(i));
    return kindOf(i) === 'text' && t.endsWith('?') && t.length <= 300;
  };
  const questionCount = drafts.filter((_, i) => isQuestion(i) && !isQuestion(i + 1) && i + 1 < drafts.length).length;
  const qaPage = questionCount >= 2;
  const hasNumbering = drafts.some((d) => d.draft.block.kind === 'numbered' && NUMBERED.exec(d.draft.text.text)?.[2] === '.');

  const isKeyActionTitle = (i: number) => kindOf(i) === 'text' && text(i).length <= 250 && lexicon.keyActionTitle.test(text(i).replace(/^[*_]+/, ''));
  const headingLike = (i: number) => {
    const t = text(i);
    const bare = stripTrailing(t);
    return (
      kindOf(i) === 'text' &&
      bare.length > 0 &&
      bare.length <= 150 &&
      words(bare) <= 18 &&
      !endsTerminal(t) &&
      !bare.endsWith('?') &&
      startsUpper(t) &&
      !endsStronglyOpen(t, lexicon) &&
      !/^<?https?:/u.test(bare)
    );
  };
  // A sub-heading inside a key-action list may be longer than a section heading.
  const topicLike = (i: number) =>
    kindOf(i) === 'text' && text(i).length <= 250 && words(text(i)) <= 35 && !endsTerminal(text(i)) && startsUpper(text(i));
  const isLeadIn = (i: number) => kindOf(i) === 'text' && stripTrailing(text(i)).endsWith(':') && text(i).length <= 400;
  const isLongParagraph = (i: number) => kindOf(i) === 'text' && (text(i).length >= 200 || (endsTerminal(text(i)) && words(text(i)) >= 12));

  // The front matter: what precedes the first heading, question, list or long paragraph.
  let bodyStart = drafts.findIndex(
    (d, i) => kindOf(i) === 'numbered' || kindOf(i) === 'lettered' || kindOf(i) === 'bullet' || isQuestion(i) || isKeyActionTitle(i) || isLongParagraph(i),
  );
  if (bodyStart < 0) bodyStart = drafts.length;

  const items: Item[] = [];
  const numbering: number[] = [];
  let numberedDepth = 0;
  let statementSeen = false;

  const heading = (i: number, kind: HeadingKind, number: string | null, title: string, level: number, evidence: string[]): HeadingItem => ({
    t: 'heading',
    kind,
    number,
    title,
    level,
    evidence,
    draft: drafts[i]!.draft,
  });
  const belowNumbered = () => (hasNumbering ? numberedDepth + 1 : 1);

  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const t = text(i);
    const kind = kindOf(i);

    if (i < bodyStart) {
      const next = i + 1;
      const metadataLike = DATE_LIKE.test(t) || REFERENCE_LIKE.test(t) || t === t.toUpperCase();
      if (next === bodyStart && isLongParagraph(next) && headingLike(i) && !metadataLike) {
        items.push(heading(i, 'unnumbered', null, t, 1, ['unnumbered', 'position: the last short line before the first paragraph']));
        statementSeen = true;
      } else {
        items.push({ t: 'paragraph', role: 'front-matter', draft: d.draft });
      }
      continue;
    }

    if (kind === 'numbered') {
      const m = NUMBERED.exec(t);
      const parts = m ? m[1]!.split('.').map(Number) : [];
      const fits = m ? numberingFits(numbering, parts) : 'no';
      const title = m?.[3] ?? t;
      const looksLikeTitle = title.length <= 200 && words(title) <= 30 && !(endsTerminal(title) && words(title) > 12);
      if (m && looksLikeTitle && (fits !== 'no' || m[2] === '.')) {
        if (fits === 'no' || fits === 'gap') {
          problems.push({
            rule: 'structure/numbering-sequence',
            severity: 'warning',
            message: `heading number ${m[1]} does not follow ${numbering.join('.') || 'the start of the document'}`,
            draft: d.draft,
          });
        }
        numbering.splice(0, numbering.length, ...parts);
        numberedDepth = parts.length;
        items.push(heading(i, 'numbered', m[1]!, title, parts.length, [`numbering: ${m[1]} (depth ${parts.length})`]));
        continue;
      }
      items.push({ t: 'paragraph', role: 'body', draft: d.draft });
      continue;
    }

    if (kind === 'lettered') {
      const m = LETTERED.exec(t);
      if (m && m[2]!.length <= 160 && !endsTerminal(m[2]!)) {
        items.push(heading(i, 'lettered', m[1]!, m[2]!, belowNumbered(), [`lettered: ${m[1]})`, `one level below ${numbering.join('.') || 'the document'}`]));
        continue;
      }
      items.push({ t: 'paragraph', role: 'body', draft: d.draft });
      continue;
    }

    if (kind === 'bullet') {
      const list: ListItemGroup = { t: 'list', items: [] };
      while (i < drafts.length && kindOf(i) === 'bullet') list.items.push({ draft: drafts[i]!.draft, marker: drafts[i++]!.marker ?? '-' });
      i--;
      items.push(list);
      continue;
    }

    if (isKeyActionTitle(i)) {
      const level = hasNumbering ? numberedDepth + 1 : 1;
      const title = heading(i, 'key-actions', null, t, level, ['key-action list title', hasNumbering ? `inside ${numbering.join('.')}` : 'top level']);
      const list: KeyActionListItem = { t: 'key-actions', heading: title, topics: [{ heading: null, groups: [] }] };
      let j = i + 1;
      for (; j < drafts.length; j++) {
        const topic = list.topics[list.topics.length - 1]!;
        if (kindOf(j) === 'bullet') {
          if (topic.groups.length === 0) topic.groups.push({ leadIn: null, actions: [] });
          topic.groups[topic.groups.length - 1]!.actions.push({ draft: drafts[j]!.draft, marker: drafts[j]!.marker ?? '-' });
        } else if (isKeyActionTitle(j) || isQuestion(j)) {
          break;
        } else if (isLeadIn(j)) {
          topic.groups.push({ leadIn: drafts[j]!.draft, actions: [] });
        } else if (topicLike(j) && (isLeadIn(j + 1) || kindOf(j + 1) === 'bullet')) {
          list.topics.push({
            heading: heading(j, 'topic', null, text(j), level + 1, ['topic inside a key-action list']),
            groups: [],
          });
        } else break;
      }
      if (list.topics[0]!.heading === null && list.topics[0]!.groups.length === 0 && list.topics.length > 1) list.topics.shift();
      for (const topic of list.topics) {
        for (const g of topic.groups) {
          if (g.leadIn && g.actions.length === 0) {
            problems.push({ rule: 'key-actions/empty-lead-in', severity: 'warning', message: 'a key-action lead-in with no items under it', draft: g.leadIn });
          }
        }
      }
      if (list.topics.every((tp) => tp.groups.every((g) => g.actions.length === 0))) {
        problems.push({ rule: 'key-actions/empty-list', severity: 'warning', message: 'a key-action list title with no key actions under it', draft: d.draft });
      }
      items.push(list);
      i = j - 1;
      continue;
    }

    if (qaPage && isQuestion(i) && i + 1 < drafts.length && !isQuestion(i + 1)) {
      const level = hasNumbering ? numberedDepth + 1 : statementSeen ? 2 : 1;
      items.push(heading(i, 'question', null, t, level, ['question: ends with "?" and is followed by its answer', statementSeen ? 'below the statement heading before it' : 'top level']));
      continue;
    }

    const isLast = i === drafts.length - 1;
    const previous = items[items.length - 1];
    // The value under a lettered field heading of a fiche ("b) Datum ontvangst" / "29 september 2021").
    if (previous?.t === 'heading' && previous.kind === 'lettered' && t.length <= 200 && words(t) <= 30) {
      items.push({ t: 'paragraph', role: 'field-value', draft: d.draft });
      continue;
    }
    if (headingLike(i) && !isLast && !isLeadIn(i)) {
      const level = belowNumbered();
      if (!hasNumbering) statementSeen = true;
      items.push(heading(i, 'unnumbered', null, t, level, ['unnumbered: a short line without final punctuation', hasNumbering ? `one level below ${numbering.join('.') || 'the document'}` : 'top level']));
      continue;
    }

    const role: Paragraph['role'] = isLast && !endsTerminal(t) && t.length <= 150 ? 'signature' : 'body';
    items.push({ t: 'paragraph', role, draft: d.draft });
  }
  // A signature may open with a short line ending in a comma ("De Minister van ...,").
  const last = items[items.length - 1];
  const before = items[items.length - 2];
  if (last?.t === 'paragraph' && last.role === 'signature' && before?.t === 'paragraph' && before.role === 'body') {
    const t = before.draft.text.text;
    if (t.length <= 120 && t.trimEnd().endsWith(',')) before.role = 'signature';
  }
  return { items, problems };
}

/** Does number `parts` continue the outline after `current`: next sibling, first child, or next of an ancestor? */
export function numberingFits(current: readonly number[], parts: readonly number[]): 'yes' | 'gap' | 'no' {
  if (current.length === 0) return parts.length === 1 && parts[0]! <= 1 ? 'yes' : parts.length === 1 && parts[0]! <= 3 ? 'gap' : 'no';
  if (parts.length > current.length + 1) return 'no';
  for (let k = 0; k < parts.length - 1; k++) if (parts[k] !== current[k]) return 'no';
  const last = parts[parts.length - 1]!;
  const expected = (current[parts.length - 1] ?? 0) + 1;
  if (last === expected) return 'yes';
  if (last > expected && last <= expected + 2) return 'gap';
  return 'no';
}
