/**
 * Numbered instruments recognised by pattern, and their normalised identifiers.
 *
 * Normalised identifier forms
 * - EU legal acts: the CELEX number. `Richtlijn 2011/36/EU` -> `32011L0036`,
 *   `Verordening (EU) 2019/1240` -> `32019R1240`, `Verordening (EU) nr. 604/2013` -> `32013R0604`,
 *   `Kaderbesluit 2002/946/JBZ` -> `32002F0946`, `Besluit (GBVB) 2020/1999` -> `32020D1999`.
 * - Commission documents: `COM(2021) 591 final` -> `52021DC0591`, `SWD(2020) 226 final` ->
 *   `52020SC0226`, `JOIN(2021) 3 final` -> `52021JC0003`. A printed COM number does not say
 *   whether the document is a communication (DC) or a legislative proposal (PC); the DC form
 *   is the default and a registry entry for a proposal lists its PC CELEX, which the matcher
 *   also indexes under the DC form (see {@link lookupKeys}).
 * - `C(2020) 6470 final` -> `C(2020) 6470`: C documents get their CELEX only when published
 *   in the Official Journal, so it cannot be derived from the number; the printed number is
 *   the identifier (a registry entry may list a CELEX as a second identifier).
 * - Dutch parliamentary papers: `Kamerstuk 22 112, nr. 2955` -> `kst-22112-2955` (the form of
 *   officielebekendmakingen.nl); an annex ("bijlage bij Kamerstuk 35 788, nr. 77") is cited by
 *   the paper it is attached to.
 * - Dutch Criminal Code articles: `artikel 197a Wetboek van Strafrecht` -> `wvsr-197a`.
 */

export interface NumberedReference {
  start: number;
  end: number;
  /** normalised identifiers, most likely first (a bare `2002/946/JBZ` may be F or D) */
  identifiers: string[];
}

const ACT_TYPE: Record<string, string> = {
  richtlijn: 'L',
  verordening: 'R',
  uitvoeringsverordening: 'R',
  'gedelegeerde verordening': 'R',
  besluit: 'D',
  uitvoeringsbesluit: 'D',
  kaderbesluit: 'F',
};
const COM_TYPE: Record<string, string> = { COM: 'DC', SWD: 'SC', SEC: 'SC', JOIN: 'JC' };

const ACT_WORD = String.raw`(?:EU-)?(?:gedelegeerde\s+verordening|uitvoeringsverordening|uitvoeringsbesluit|kaderbesluit|verordening|richtlijn|besluit)(?:en)?`;
const ACT_ORIGIN = String.raw`\((?:EU|EG|EEG|GBVB|JBZ|Euratom)\)`;
const ACT_SUFFIX = String.raw`EU|EG|EEG|JBZ|GBVB|Euratom`;

/** Each alternative is one named group set; the order is the priority at the same start. */
const REFERENCE = new RegExp(
  [
    // Richtlijn 2011/36/EU, Verordening (EU) 2019/1240, Verordening (EU) nr. 604/2013, Kaderbesluit 2002/946
    String.raw`(?<act>\b${ACT_WORD})\s+(?:${ACT_ORIGIN}\s+)?(?<nr>nr\.\s*)?(?<a1>\d{2,4})\/(?<a2>\d{1,4})(?:\/(?<asuf>${ACT_SUFFIX}))?(?![\/\d])`,
    // bare 2011/36/EU
    String.raw`(?<![\w\/])(?<b1>\d{4}|\d{2})\/(?<b2>\d{1,4})\/(?<bsuf>EU|EG|EEG|JBZ)\b`,
    // COM(2021) 591 final, SWD(2020) 226 final, JOIN(2021) 3 final, COM/2021/591
    String.raw`\b(?<series>COM|SWD|SEC|JOIN)\s*[(\/]\s*(?<cy>\d{4})\s*[)\/]\s*(?<cn>\d{1,4})(?![\d\/])(?:\s+final)?`,
    // C(2020) 6470 final, C/2017/4234
    String.raw`\bC\s*(?:\(\s*(?<dy>\d{4})\s*\)\s*|\/(?<dy2>\d{4})\/)(?<dn>\d{1,5})(?![\d\/])(?:\s+final)?`,
    // (bijlage bij) Kamerstuk 22 112, nr. 2955; Kamerstukken II 2020/21, 22 112, nr. 2955
    String.raw`(?:\bbijlage\s+bij\s+)?\bKamerstuk(?:ken)?(?:\s+I{1,2})?(?:\s+\d{4}\/\d{2,4},?)?\s+(?<kst>\d{1,3}(?:[ \u00a0\u2009\u202f]?\d{3})?(?:-[A-Z]{1,4})?)\s*,?\s*nr\.?\s*(?<ksn>\d+)`,
    // artikel 197a Wetboek van Strafrecht (WvSr), artikel 197a van het WvSr, art. 197b Sr
    String.raw`\b(?:artikel|art\.)\s+(?<art>\d+[a-z]?)\s+(?:van\s+het\s+)?(?:Wetboek\s+van\s+Strafrecht(?:\s+\(WvSr\))?|WvSr|Sr\b)(?!\s+BES)`,
  ].join('|'),
  'gi',
);
/** Cheap test: every reference has a slash, a closing bracket, "Kamerstuk" or "artikel". */
const MAY_HAVE_REFERENCE = /[/)]|amerstuk|rtikel|art\./i;

const pad4 = (digits: string) => digits.padStart(4, '0');
const fullYear = (year: string) => (year.length === 4 ? year : (Number(year) > 50 ? '19' : '20') + year);

function actIdentifiers(groups: Record<string, string | undefined>): string[] {
  const word = (groups.act ?? '').toLowerCase().replace(/^eu-/, '').replace(/\s+/g, ' ').replace(/en$/, '');
  const type = ACT_TYPE[word] ?? 'L';
  const [first, second] = [groups.a1!, groups.a2!];
  // after "nr." (pre-2015 regulations) the number comes first and the year second
  const numberFirst = groups.nr !== undefined || (type === 'R' && first.length < 4 && second.length === 4);
  const [year, number] = numberFirst ? [second, first] : [first, second];
  return [`3${fullYear(year)}${type}${pad4(number)}`];
}

function bareIdentifiers(groups: Record<string, string | undefined>): string[] {
  const year = fullYear(groups.b1!);
  const number = pad4(groups.b2!);
  // "/EU" is a directive or a decision, "/JBZ" a framework decision or a decision
  const types = groups.bsuf!.toUpperCase() === 'JBZ' ? ['F', 'D'] : ['L', 'D'];
  return types.map((type) => `3${year}${type}${number}`);
}

function identifiersOf(groups: Record<string, string | undefined>): string[] {
  if (groups.act !== undefined) return actIdentifiers(groups);
  if (groups.b1 !== undefined) return bareIdentifiers(groups);
  if (groups.series !== undefined) {
    return [`5${groups.cy}${COM_TYPE[groups.series.toUpperCase()]}${pad4(groups.cn!)}`];
  }
  if (groups.dn !== undefined) return [`C(${groups.dy ?? groups.dy2}) ${groups.dn}`];
  if (groups.ksn !== undefined) return [`kst-${groups.kst!.replace(/\D+(?=\d)/g, '')}-${groups.ksn}`];
  return [`wvsr-${groups.art!.toLowerCase()}`];
}

/** All numbered references in `text`, sorted by start, non-overlapping (longest first). */
export function findNumberedReferences(text: string): NumberedReference[] {
  const found: NumberedReference[] = [];
  if (!MAY_HAVE_REFERENCE.test(text)) return found;
  REFERENCE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REFERENCE.exec(text)) !== null) {
    found.push({ start: m.index, end: m.index + m[0].length, identifiers: identifiersOf(m.groups ?? {}) });
  }
  return found;
}

const CELEX = /^(?:celex:)?([0-9CE]\d{4}[A-Z]{1,2}\d{4}(?:\(\d{2}\))?)$/i;
const NORMALISED = /^(?:kst-\d+(?:-[A-Z]{1,4})?-\d+|wvsr-\d+[a-z]?|C\(\d{4}\) \d+)$/;

/**
 * The normalised identifier of a printed reference ("COM(2021) 591 final", "Kamerstuk 28 638,
 * nr. 235", "Richtlijn 2011/36/EU", "2011/36/EU") or of an identifier in normalised form
 * ("32011L0036", "celex:32011L0036", "kst-22112-2955"); null when `text` is not one reference.
 */
export function normalizeReference(text: string): string | null {
  const trimmed = text.trim().replace(/[.;,]$/, '');
  const celex = CELEX.exec(trimmed);
  if (celex) return celex[1]!.toUpperCase();
  if (NORMALISED.test(trimmed)) return trimmed;
  const references = findNumberedReferences(trimmed);
  const only = references[0];
  if (references.length !== 1 || !only || only.start !== 0 || only.end !== trimmed.length) return null;
  return only.identifiers[0] ?? null;
}

/**
 * The keys under which a registry identifier is indexed: the identifier itself and, for a
 * legislative proposal (PC), the communication (DC) form that its printed COM number yields.
 */
export function lookupKeys(identifier: string): string[] {
  const proposal = /^5(\d{4})PC(\d{4})$/.exec(identifier);
  return proposal ? [identifier, `5${proposal[1]}DC${proposal[2]}`] : [identifier];
}

/** The entity id of a numbered instrument the registry does not know. */
export function derivedInstrumentId(identifier: string): string {
  const document = /^C\((\d{4})\) (\d+)$/.exec(identifier);
  if (document) return `c-${document[1]}-${document[2]}`;
  return /^(kst|wvsr)-/.test(identifier) ? identifier : `celex:${identifier}`;
}
