/**
 * Suggestions for the registry: names of organisations in a text that it does not know.
 * Two precise signals only:
 * - an acronym in parentheses that is no registry form ("Mobiel Toezicht Veiligheid (MTV)"),
 *   with the capitalised name before it when there is one;
 * - a run of two or more capitalised words (lower-case connectors such as "van de" allowed)
 *   that contains an organisation word ("Bureau", "Agentschap", "-dienst", "-centrum", ...).
 * Text covered by a registry mention or ignore phrase is never suggested.
 */
import type { TextMention } from './scan.js';
import { scanText } from './blocked.js';
import { ALL_CAPS, NEWLINE_BEFORE, UPPER_INITIAL, WORD, type Tokens } from './tokenize.js';

export interface UnknownOrganisation {
  /** the capitalised name, or null when only the acronym was found */
  name: string | null;
  acronym: string | null;
  /** when the name before an unknown acronym is a registry entity: its id (a missing acronym) */
  entity: string | null;
  /** UTF-16 offsets of the whole suggestion (name and acronym) */
  start: number;
  end: number;
}

const CONNECTORS = new Set([
  'van', 'voor', 'de', 'het', 'der', 'den', 'tegen', 'inzake', 'op', 'en', 'in', 'bij', 'tot', 'over',
  'of', 'the', 'for', 'on', 'and', 'against',
]);
const ORGANISATION_WORDS = [
  'agentschap', 'autoriteit', 'bureau', 'centrum', 'comite', 'commissie', 'dienst', 'directoraat', 'eenheid',
  'groep', 'hof', 'inspectie', 'instituut', 'marechaussee', 'ministerie', 'netwerk', 'organisatie', 'parlement',
  'platform', 'politie', 'raad', 'secretariaat', 'stichting', 'taskforce', 'team', 'tribunaal', 'unie',
  'vereniging', 'agency', 'authority', 'centre', 'center', 'committee', 'council', 'court', 'group', 'institute',
  'network', 'office', 'organisation', 'organization', 'service', 'unit',
];
const ROMAN_NUMERAL = /^[IVXLC]+$/;
const MAX_ACRONYM_TOKENS = 3;
const MAX_NAME_TOKENS = 12;

function isOrganisationWord(key: string): boolean {
  return ORGANISATION_WORDS.some((word) => key.endsWith(word));
}

class Suggester {
  private readonly tokens: Tokens;
  private readonly covered: Uint8Array;
  private readonly entityAt: Array<string | undefined>;
  readonly found: UnknownOrganisation[] = [];

  constructor(
    private readonly text: string,
    mentions: readonly TextMention[],
    private readonly isKnownForm: (keys: string[]) => boolean,
  ) {
    this.tokens = scanText(text).tokens;
    this.covered = new Uint8Array(this.tokens.count);
    this.entityAt = new Array<string | undefined>(this.tokens.count);
    let m = 0;
    for (let i = 0; i < this.tokens.count; i++) {
      while (m < mentions.length && mentions[m]!.end <= this.tokens.start[i]!) m++;
      const mention = mentions[m];
      if (mention && mention.start < this.tokens.end[i]!) {
        this.covered[i] = 1;
        this.entityAt[i] = mention.entity;
      }
    }
  }

  private keysOf(from: number, to: number): string[] {
    return Array.from({ length: to - from }, (_, k) => this.tokens.keyAt(from + k));
  }

  private isCapitalisedWord(i: number): boolean {
    const flags = this.tokens.flags[i]!;
    return (flags & WORD) !== 0 && (flags & UPPER_INITIAL) !== 0 && !this.covered[i];
  }

  private isNameToken(i: number): boolean {
    return this.isCapitalisedWord(i) || (CONNECTORS.has(this.tokens.keyAt(i)) && !this.covered[i]);
  }

  /** `( ACRONYM )` at token `open`: records a suggestion when it is unknown; the index after it. */
  acronymAt(open: number): number {
    const { count, start, end, flags } = this.tokens;
    let close = open + 1;
    while (close < count && close <= open + MAX_ACRONYM_TOKENS && this.tokens.keyAt(close) !== ')') close++;
    if (close >= count || this.tokens.keyAt(close) !== ')' || close === open + 1) return open + 1;
    const inner = this.text.slice(start[open + 1], end[close - 1]);
    const innerKeys = this.keysOf(open + 1, close);
    const upper = inner.replace(/[^\p{Lu}]/gu, '').length;
    const looksLikeAcronym =
      flags[open + 1]! & WORD &&
      /\p{Lu}\p{Lu}/u.test(inner) &&
      upper >= 2 &&
      !ROMAN_NUMERAL.test(inner) &&
      !/\d/.test(inner) &&
      !/['’]s$/.test(inner) && // a plural ("ILO's") names people or things, not one organisation
      inner.length <= 24;
    const before = open - 1;
    const attached = before >= 0 && flags[before]! & WORD && /\p{L}/u.test(this.tokens.keyAt(before));
    if (!looksLikeAcronym || !attached || this.covered[open + 1] || this.isKnownForm(innerKeys)) return close + 1;
    let first = open;
    for (let i = before; i >= 0 && open - i <= MAX_NAME_TOKENS && this.isNameToken(i) && !(flags[i + 1]! & NEWLINE_BEFORE); i--) {
      first = i;
    }
    while (first < open && CONNECTORS.has(this.tokens.keyAt(first))) first++;
    const hasName = first < open && this.isCapitalisedWord(first);
    this.found.push({
      name: hasName ? this.text.slice(start[first], end[before]) : null,
      acronym: inner,
      entity: this.entityAt[before] ?? null,
      start: hasName ? start[first]! : start[open]!,
      end: end[close]!,
    });
    return close + 1;
  }

  /** A run of capitalised words with an organisation word starting at `i`: the index after it. */
  nameAt(i: number): number {
    const { count, flags, start, end } = this.tokens;
    if (!this.isCapitalisedWord(i) || CONNECTORS.has(this.tokens.keyAt(i))) return i + 1;
    let last = i;
    let capitalised = 0;
    let shouting = 0;
    let organisation = false;
    for (let j = i; j < count && this.isNameToken(j) && !(j > i && flags[j]! & NEWLINE_BEFORE) && j - i < MAX_NAME_TOKENS; j++) {
      if (!this.isCapitalisedWord(j)) continue;
      last = j;
      capitalised++;
      if (flags[j]! & ALL_CAPS) shouting++;
      if (isOrganisationWord(this.tokens.keyAt(j))) organisation = true;
    }
    const followedByAcronym = last + 1 < count && this.tokens.keyAt(last + 1) === '(';
    const known = this.isKnownForm(this.keysOf(i, last + 1));
    if (capitalised >= 2 && organisation && shouting < capitalised && !followedByAcronym && !known) {
      this.found.push({ name: this.text.slice(start[i], end[last]), acronym: null, entity: null, start: start[i]!, end: end[last]! });
    }
    return last + 1;
  }

  run(): UnknownOrganisation[] {
    const { count } = this.tokens;
    for (let i = 0; i < count; ) i = this.tokens.keyAt(i) === '(' ? this.acronymAt(i) : this.nameAt(i);
    return this.found.sort((a, b) => a.start - b.start);
  }
}

/**
 * Organisation names and parenthesised acronyms in `text` that the registry does not know.
 * `mentions` are the matcher's mentions of the same text; `isKnownForm` tells whether token
 * keys are a registry form.
 */
export function findUnknownOrganisations(
  text: string,
  mentions: readonly TextMention[],
  isKnownForm: (keys: string[]) => boolean,
): UnknownOrganisation[] {
  return new Suggester(text, mentions, isKnownForm).run();
}
