/**
 * Printed deadlines, normalised to calendar periods. Pure: the lexicon is an argument.
 *
 * Grammar (words from the lexicon):
 *   deadline := qualifier? period | "(" qualifier? period ")"
 *   qualifier := (by | in) (by | in | filler)*        "uiterlijk tegen", "in de", "tegen het einde van"
 *   period := ordinal unit filler* year               "eerste helft van 2022", "4e kwartaal 2021"
 *           | day? month filler* year                 "juni 2021", "1 december 2021"
 *           | year                                    "2023"
 * A day, month or year needs a qualifier or the parentheses; a half or quarter stands on its own.
 * Not deadlines: year ranges ("2021-2025"), citations ("COM(2021) 591", "2011/36/EU", "6.8.2004"),
 * numbers that the lexicon's number context marks as amounts or references ("in 2000 gevallen",
 * "artikel 2021"), relative dates ("dit jaar").
 */
import type { Deadline } from '../../document/model.js';
import type { KeyActionLexicon } from './lexicon-schema.js';
import { anyPhraseSource, FLAGS, memoizePerLexicon, WORD_END, WORD_START } from './patterns.js';

type Period = Pick<Deadline, 'precision' | 'year' | 'half' | 'quarter' | 'month' | 'day'>;

const YEAR = '(?:19|20)\\d{2}';
const ANY_YEAR = new RegExp(YEAR);
/** A year that continues into a range or a number: "2021-2025", "2004/81/EG", "2020.5". */
const CONTINUED_AFTER = /^(?:\s*[-–—]\s*\d|[/.,]\d)/;
/** A year that ends a range or a number: "2021-2025", "604/2013", "6.8.2004". */
const CONTINUED_BEFORE = /(?:\d\s*[-–—]\s*|[/.,])$/;

function phraseKey(phrase: string): string {
  return phrase.toLowerCase().replace(/\s+/g, ' ').trim();
}

function keyed<V>(entries: Iterable<[string, V]>): Map<string, V> {
  return new Map([...entries].map(([phrase, value]) => [phraseKey(phrase), value]));
}

const compileDeadlineGrammar = memoizePerLexicon(({ deadlines }: KeyActionLexicon) => {
  const qualifier = anyPhraseSource([...deadlines.qualifiers.by, ...deadlines.qualifiers.in]);
  const filler = anyPhraseSource(deadlines.fillers);
  const ordinal = anyPhraseSource(Object.keys(deadlines.ordinals));
  const unit = anyPhraseSource([...deadlines.units.half, ...deadlines.units.quarter]);
  const month = anyPhraseSource(Object.keys(deadlines.months));
  return {
    pattern: new RegExp(
      `(?<qualifier>${qualifier}(?:\\s+(?:${qualifier}|${filler}))*\\s+)?` +
        `(?:(?<ordinal>${ordinal})\\s+(?<unit>${unit})(?:\\s+${filler})*\\s+` +
        `|(?:${WORD_START}(?<day>\\d{1,2})\\s+)?(?<month>${month})(?:\\s+${filler})*\\s+)?` +
        `${WORD_START}(?<year>${YEAR})${WORD_END}`,
      `g${FLAGS}`,
    ),
    byQualifier: new RegExp(anyPhraseSource(deadlines.qualifiers.by), FLAGS),
    numberWordBefore: new RegExp(`${anyPhraseSource(deadlines.numberContext.before)}\\s*$`, FLAGS),
    numberWordAfter: new RegExp(`^\\s*${anyPhraseSource(deadlines.numberContext.after)}`, FLAGS),
    ordinals: keyed(Object.entries(deadlines.ordinals)),
    halfUnits: new Set(deadlines.units.half.map(phraseKey)),
    months: keyed(Object.entries(deadlines.months)),
  };
});
type DeadlineGrammar = ReturnType<typeof compileDeadlineGrammar>;

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function period(groups: Record<string, string | undefined>, grammar: DeadlineGrammar): Period | null {
  const year = Number(groups.year);
  if (groups.ordinal !== undefined && groups.unit !== undefined) {
    const ordinal = grammar.ordinals.get(phraseKey(groups.ordinal))!;
    if (!grammar.halfUnits.has(phraseKey(groups.unit))) return { precision: 'quarter', year, quarter: ordinal };
    return ordinal <= 2 ? { precision: 'half', year, half: ordinal } : null;
  }
  if (groups.month !== undefined) {
    const month = grammar.months.get(phraseKey(groups.month))!;
    if (groups.day === undefined) return { precision: 'month', year, month };
    const day = Number(groups.day);
    return day >= 1 && day <= daysInMonth(year, month) ? { precision: 'day', year, month, day } : null;
  }
  return { precision: 'year', year };
}

/** First and last month of the period. */
function monthRange(found: Period): [number, number] {
  if (found.half !== undefined) return [found.half * 6 - 5, found.half * 6];
  if (found.quarter !== undefined) return [found.quarter * 3 - 2, found.quarter * 3];
  if (found.month !== undefined) return [found.month, found.month];
  return [1, 12];
}

/** The number read as a year is part of a range, a reference, a numeric date or an amount. */
function isOtherNumber(text: string, periodStart: number, yearStart: number, end: number, grammar: DeadlineGrammar): boolean {
  const before = text.slice(0, periodStart);
  const after = text.slice(end);
  return (
    CONTINUED_BEFORE.test(text.slice(0, yearStart)) ||
    CONTINUED_AFTER.test(after) ||
    grammar.numberWordBefore.test(before) ||
    grammar.numberWordAfter.test(after)
  );
}

function isParenthesised(text: string, start: number, end: number): boolean {
  return text[start - 1] === '(' && text[end] === ')' && !/[\p{L}\p{N}]/u.test(text[start - 2] ?? '');
}

/**
 * The deadlines printed in a text, in text order; offsets are UTF-16 offsets into that text,
 * which is the key action's `source` text (its lead-in or the item itself).
 */
export function findDeadlines(text: string, lexicon: KeyActionLexicon, source: Deadline['source'] = 'item'): Deadline[] {
  // Every deadline ends in a year; most texts have none, and the full pattern is slow to reject.
  if (!ANY_YEAR.test(text)) return [];
  const grammar = compileDeadlineGrammar(lexicon);
  const deadlines: Deadline[] = [];
  for (const match of text.matchAll(grammar.pattern)) {
    const groups = match.groups ?? {};
    const start = match.index;
    const end = start + match[0].length;
    const yearStart = end - (groups.year?.length ?? 0);
    const periodStart = start + (groups.qualifier?.length ?? 0);
    if (isOtherNumber(text, periodStart, yearStart, end, grammar)) continue;
    const found = period(groups, grammar);
    if (found === null) continue;
    const standsAlone = found.precision === 'half' || found.precision === 'quarter';
    if (groups.qualifier === undefined && !standsAlone && !isParenthesised(text, start, end)) continue;
    const [firstMonth, lastMonth] = monthRange(found);
    deadlines.push({
      text: match[0],
      ...found,
      periodStart: isoDate(found.year, firstMonth, found.day ?? 1),
      periodEnd: isoDate(found.year, lastMonth, found.day ?? daysInMonth(found.year, lastMonth)),
      qualifier: groups.qualifier !== undefined && grammar.byQualifier.test(groups.qualifier) ? 'by' : 'in',
      source,
      start,
      end,
    });
  }
  return deadlines;
}

/** The deadline whose period ends first (the first printed one on a tie), or null. */
export function earliestDeadline(deadlines: readonly Deadline[]): Deadline | null {
  return deadlines.reduce<Deadline | null>(
    (earliest, deadline) => (earliest === null || deadline.periodEnd < earliest.periodEnd ? deadline : earliest),
    null,
  );
}
