/**
 * Generators for the robustness fuzzing of issue 7, and the invariants every parse must keep.
 *
 * - {@link policyDocument}: documents of the genre built from a small grammar (front matter,
 *   numbered, lettered, unnumbered and question headings, paragraphs with note references,
 *   footnote blocks, key-action lists, bullets, captions, boxes, web chrome, page furniture,
 *   hard wrapping, markdown) with surface noise (line ends, BOM, odd spaces, invisible,
 *   combining, astral and control characters).
 * - {@link tokenSoup}: arbitrary text made of the tokens the layout rules look at.
 * - {@link mutated}: a base text cut to a window of lines, then damaged: line ranges deleted, a
 *   footnote block duplicated, lines shuffled or joined, characters inserted, the text cut short.
 * - {@link properties}: the fuzzed properties, with their number of cases in `npm test`.
 * - {@link checkDocument}: parses a text and lists every broken invariant.
 *
 * This file imports only fast-check at run time (the parser is passed in as a {@link Parser}),
 * so scripts/fuzz.mjs can load it with the compiled modules of dist/.
 */
import fc from 'fast-check';
import type { checkConservation } from '../../src/document/conservation.js';
import type { Document, Span } from '../../src/document/model.js';
import type { TextElement } from '../../src/document/walk.js';
import type { parseInline } from '../../src/structure/inline.js';
import type { InputError } from '../../src/util/errors.js';

// ------------------------------------------------------------------ grammar

/** Placeholders that rendering turns into note numbers: a reference, and the marker of a note. */
const REF = '\uE000';
const NOTE = '\uE001';

const WORDS = [
  'de', 'het', 'een', 'van', 'en', 'in', 'op', 'voor', 'met', 'aan', 'door', 'om', 'die', 'dat', 'zal', 'worden',
  'Commissie', 'lidstaten', 'migrantensmokkel', 'mensenhandel', 'slachtoffers', 'samenwerking', 'netwerken',
  'criminele', 'operationele', 'rechtshandhavingsinstanties', 'partnerlanden', 'aanpak', 'richtlijn', 'evaluatie',
  'bescherming', 'grensoverschrijdende', 'uitbuiting', 'arbeidsinspecties', 'gegevens', 'versterken', 'ondersteunen',
  'geïntensiveerd', 'Italië', 'Comité', 'één', 'coördineren', 'Yeşilgöz', 'regio’s', 'asiel-', 'EU-niveau', 'vóór',
];
const NAMES = [
  'Europol', 'Eurojust', 'Frontex', 'de Europese Commissie', 'het Europees Parlement', 'de Raad', 'Interpol',
  'de Koninklijke Marechaussee', 'het Openbaar Ministerie (OM)', 'Richtlijn 2011/36/EU', 'COM(2021) 591 final',
  'Kamerstuk 28 638, nr. 235', 'EMSC',
];
const ODD_TOKENS = [
  '2021', '24-25 juni 2021', '14 000', '(2021-2025)', '3,5%', 'art. 5', 'nr. 12', '1)', '»citaat«', '“zo”',
  'https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:52021DC0591', 'www.rijksoverheid.nl',
];
/** Balanced and unbalanced markdown around a few words ("%" is where the words go). */
const MARKUP = ['**%**', '*%*', '_%_', '__%__', '***%***', '[%](https://ec.europa.eu)', '`%`', '**%', '%**', '*%', '[%]', '<%>', '\\*%\\*', '** % **'];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const word = fc.constantFrom(...WORDS);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((ws) => ws.join(' '));

const token = fc.oneof(
  { weight: 14, arbitrary: word },
  { weight: 2, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: fc.oneof(word, fc.constantFrom(...NAMES, ...ODD_TOKENS)).map((w) => w + REF) }, // "pact¹", "juni 20218"
  { weight: 1, arbitrary: fc.constantFrom(...ODD_TOKENS) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...MARKUP), words(1, 3)).map(([m, w]) => m.replace('%', w)) },
);
const sentence = fc
  .tuple(fc.array(token, { minLength: 2, maxLength: 14 }), fc.constantFrom('.', '.', '.', '?', ';', ':', `.${REF}`, ''))
  .map(([ts, end]) => capitalise(ts.join(' ')) + end);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));
const title = fc
  .tuple(words(1, 6), fc.constantFrom('', '', REF, ':'), fc.boolean())
  .map(([w, end, caps]) => (caps ? w.toUpperCase() : capitalise(w)) + end);

const numberedHeading = fc
  .tuple(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 7 }), fc.boolean(), title)
  .map(([n, dot, t]) => `${n.join('.')}${dot ? '.' : ''} ${t}`);
const letteredHeading = fc.tuple(fc.constantFrom(...'abcdefgz'), fc.boolean(), title).map(([l, paren, t]) => `${paren ? '(' : ''}${l}) ${t}`);
const questionHeading = fc
  .tuple(fc.constantFrom('Wat', 'Waarom', 'Hoe', 'Welke', 'Wie'), words(2, 10))
  .map(([q, w]) => `${q} ${w}?`);
const heading = fc.oneof(numberedHeading, letteredHeading, questionHeading, title, title.map((t) => `**${t}**`));

const noteText = fc.oneof(
  sentence,
  fc.constantFrom('Zie COM(2021) 171 final.', 'Kamerstuk 28 638, nr. 240.', 'PB L 101 van 15.4.2011, blz. 1.', 'https://www.europol.europa.eu/publications'),
);
const notes = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom(' ', ' ', '', '\t'), noteText), { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\n\n'))
  .map(([ns, sep]) => ns.map(([space, t]) => NOTE + space + t).join(sep));

const bullet = fc.constantFrom('- ', ' • ', '• ', '* ', '– ', 'o ', '');
const item = fc
  .tuple(words(2, 12), fc.constantFrom(';', '.', '', ' (2024);', ' uiterlijk in 2025;', `${REF};`))
  .map(([w, end]) => w + end);
const items = (min: number) =>
  fc
    .tuple(bullet, fc.array(item, { minLength: min, maxLength: 5 }), fc.constantFrom('\n', '\n\n'))
    .map(([b, is, sep]) => is.map((i) => b + i).join(sep));
const bulletList = fc.tuple(paragraph, items(1)).map(([intro, list]) => `${intro.replace(/[.?;:]?$/, ':')}\n${list}`);

const keyActions = fc
  .tuple(
    fc.constantFrom('Kernacties', 'Kernacties:', 'Belangrijkste acties', 'Belangrijkste acties in het kader van het voorstel:', 'KERNACTIES'),
    fc.option(title, { nil: undefined }),
    fc.array(
      fc.tuple(
        fc.option(fc.constantFrom('De Commissie zal:', 'De lidstaten worden aangespoord om:', 'Het kabinet zal:', 'De Commissie en de lidstaten zullen:'), { nil: undefined }),
        items(0),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([t, topic, groups]) => [t, topic, ...groups.flatMap(([lead, list]) => [lead, list])].filter((x) => x).join('\n\n'));

const caption = fc
  .tuple(fc.constantFrom('Figuur', 'Tabel', 'Grafiek', 'Figure'), fc.integer({ min: 1, max: 12 }), fc.constantFrom(' ', ': ', '. '), title)
  .map(([label, n, sep, t]) => `${label} ${n}${sep}${t}`);
const chrome = fc.oneof(
  fc.constantFrom(
    'Naar boven',
    'Terug naar boven',
    'facebook twitter linkedin whatsapp mail print',
    'r google-plus facebook twitter linkedin2 nujij M Monitor Nieuwsbrief pdclogo',
    'Met dank overgenomen van Europese Commissie (EC), gepubliceerd op dinsdag 5 maart 2024.',
  ),
  fc
    .array(fc.tuple(title, fc.constantFrom('', ' https://ec.europa.eu/commission/presscorner', ' (pdf, 2 MB)')), { minLength: 1, maxLength: 3 })
    .map((links) => `Meer informatie\n\n${links.map(([t, url]) => `Persbericht: ${t}${url}`).join('\n\n')}`),
);
const pageFurniture = fc
  .tuple(fc.constantFrom('Pagina %n van %m', '- %n -', '%n/%m', '%n', '\f', 'Pagina %n van %m\nNL', '\fPagina %n'), fc.integer({ min: 1, max: 40 }))
  .map(([f, n]) => f.replace('%n', String(n)).replace('%m', String(n + 3)));
/** Markdown block syntax a single paragraph must not turn into (fences, HTML, definitions ...). */
const blockSyntax = fc
  .tuple(fc.constantFrom('```', '~~~ **x**', '<!-- opmerking', '<pre>', '<div>', '[1]: https://example.org', '# Kop', '> citaat', '    ingesprongen', '***', '---', '| a | b |'), fc.option(paragraph, { nil: '' }))
  .map(([syntax, p]) => (p ? `${syntax}\n${p}` : syntax));
const frontMatter = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2015, max: 2025 }), fc.integer({ min: 1, max: 999 }), title, fc.boolean())
    .map(([d, m, y, n, t, bold]) => {
      const heading = 'MEDEDELING VAN DE COMMISSIE AAN HET EUROPEES PARLEMENT EN DE RAAD';
      return `Brussel, ${d}.${m}.${y}\nCOM(${y}) ${n} final\n\n${bold ? `**${heading}**` : heading}\n\n${t}`;
    }),
  title.map((t) => `> Retouradres Postbus 20301 2500 EH Den Haag\n\nAan de Voorzitter van de Tweede Kamer\nder Staten-Generaal\n\nDatum 3 maart 2024\nOnderwerp ${t}`),
  title.map((t) => `${t}: vragen en antwoorden\n\nMet dank overgenomen van Europese Commissie (EC), gepubliceerd op woensdag 14 april 2021.`),
  title.map((t) => `Fiche 2: Mededeling ${t}\n\n1. Algemene gegevens\n\na) Titel voorstel`),
);
const signature = fc.constant('De Minister van Justitie en Veiligheid,\n\nD. Yeşilgöz-Zegerius');

/** A block split at one of its spaces by notes, a box, a caption or page furniture. */
const interrupted = fc
  .tuple(fc.oneof(paragraph, bulletList, keyActions), fc.oneof(notes, paragraph, caption, pageFurniture), fc.nat(), fc.constantFrom('\n\n', '\n'))
  .map(([text, between, at, sep]) => {
    const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
    if (spaces.length === 0) return `${text}${sep}${between}`;
    const cut = spaces[at % spaces.length]!;
    return `${text.slice(0, cut)}${sep}${between}${sep}${text.slice(cut + 1)}`;
  });

const block = fc.oneof(
  { weight: 8, arbitrary: paragraph },
  { weight: 5, arbitrary: heading },
  { weight: 3, arbitrary: notes },
  { weight: 2, arbitrary: keyActions },
  { weight: 2, arbitrary: bulletList },
  { weight: 3, arbitrary: interrupted },
  { weight: 1, arbitrary: caption },
  { weight: 1, arbitrary: chrome },
  { weight: 1, arbitrary: pageFurniture },
  { weight: 1, arbitrary: blockSyntax },
  { weight: 1, arbitrary: signature },
);

const ODD_CHARS = [
  '\u00A0', '\t', '\u200B', '\u200D', '\u00AD', '\u2060', '\uFEFF', '\u202F', '\u2028', '\u0085', '\u0301', '\u0308',
  '😀', '𝐀', '🇳🇱', '\u0001', '\u0007', '\u000B', '\f', '\u001B', '\u007F', '\r', '\n', '¹', '⁴⁵', '**', '*', '`', '[', '](',
];
const oddText = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ODD_CHARS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) });

const noise = fc.record({
  eol: fc.constantFrom('\n', '\n', '\r\n', '\r'),
  otherEols: fc.array(fc.tuple(fc.nat(), fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 2 }),
  nfd: fc.boolean(),
  inserts: fc.array(fc.tuple(fc.nat(), oddText), { maxLength: 6 }),
  bom: fc.boolean(),
});

/** A document of the genre, with note references and notes numbered in order of appearance. */
export const policyDocument: fc.Arbitrary<string> = fc
  .record({
    front: fc.option(frontMatter, { nil: '' }),
    blocks: fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n')), { maxLength: 16 }),
    style: fc.constantFrom('superscript', 'plain-digit'),
    firstNote: fc.constantFrom(1, 1, 9, 44),
    wrap: fc.option(fc.tuple(fc.integer({ min: 30, max: 90 }), fc.boolean()), { nil: undefined }),
    noise,
  })
  .map(({ front, blocks, style, firstNote, wrap, noise: surface }) => {
    let text = front + blocks.map(([b, sep]) => sep + b).join('');
    if (wrap) text = text.split('\n').map((line) => hardWrap(line, ...wrap)).join('\n');
    const number = (n: number) => (style === 'superscript' ? toSuperscript(n) : String(n));
    let ref = firstNote;
    let note = firstNote;
    text = text.replace(/[\uE000\uE001]/g, (p) => number(p === REF ? ref++ : note++));
    return addNoise(text.trim() || 'Inleiding', surface);
  });

const toSuperscript = (n: number) => String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);

/** Greedy wrapping at `width`, as pdftotext does; long words at a break are hyphenated when asked. */
function hardWrap(line: string, width: number, hyphenate: boolean): string {
  const out: string[] = [];
  let current = '';
  for (const w of line.split(' ')) {
    if (current && current.length + 1 + w.length > width) {
      if (hyphenate && w.length > 8 && current.length + 5 < width) {
        const cut = Math.floor(w.length / 2);
        out.push(`${current} ${w.slice(0, cut)}-`);
        current = w.slice(cut);
        continue;
      }
      out.push(current);
      current = w;
    } else current = current ? `${current} ${w}` : w;
  }
  out.push(current);
  return out.join('\n');
}

type NoiseValue = typeof noise extends fc.Arbitrary<infer T> ? T : never;

function addNoise(text: string, n: NoiseValue): string {
  let t = n.nfd ? text.normalize('NFD') : text;
  const lines = t.split('\n');
  t = lines.map((l, i) => l + (i === lines.length - 1 ? '' : (n.otherEols.find(([at]) => at % lines.length === i)?.[1] ?? n.eol))).join('');
  const chars = Array.from(t);
  for (const [at, s] of n.inserts) chars.splice(at % (chars.length + 1), 0, s);
  return (n.bom ? '\uFEFF' : '') + chars.join('');
}

/** Arbitrary text: the tokens the layout rules look at, in any order. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: word.map((w) => ` ${w}`) },
      { weight: 3, arbitrary: fc.constantFrom(' ', '\n', '\n\n', '\r\n', '  ', '\t') },
      { weight: 2, arbitrary: fc.constantFrom('.', ',', ':', ';', '?', '(', ')', '-', '–', '•', '¹', '²³', '⁴⁵', '1', '12', '2021', '1.', '3.1.', 'a)', '(b)') },
      { weight: 1, arbitrary: fc.constantFrom('Kernacties', 'De Commissie zal:', 'Figuur 1', 'Pagina 2 van 3', 'Naar boven', 'Meer informatie', 'Brussel, 1.2.2021', 'COM(2021) 591 final', ...NAMES) },
      { weight: 1, arbitrary: oddText },
    ),
    { maxLength: 200, size: 'medium' },
  )
  .map((tokens) => (/\S/.test(tokens.join('')) ? tokens.join('') : 'Inleiding'));

// ------------------------------------------------------------------ mutations

const NOTE_LINE = /^\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]|\d{1,3}\s+\S)/u;

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('duplicate-notes' as const), from: fc.nat(), to: fc.nat() }),
  // Lines shuffled by swapping pairs, which shrinks to fewer swaps.
  fc.record({ kind: fc.constant('shuffle' as const), swaps: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 30 }) }),
  fc.record({ kind: fc.constant('join' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(oddText, fc.constantFrom('¹', '²³', '⁹⁹', '1 ', '\u0002\u0003')) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/**
 * One of `bases`, cut to a window of lines (which shrinks toward one line, so a failure on a
 * long document shrinks to a short text), then damaged by one to four mutations.
 */
export function mutated(bases: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(bases, fc.nat(), fc.integer({ min: 1, max: 1000 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([base, from, count, mutations]) => {
      const all = base.split('\n');
      const start = from % all.length;
      const text = mutations.reduce(mutate, all.slice(start, start + count).join('\n'));
      return /\S/.test(text) ? text : 'Inleiding';
    });
}

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = (n: number) => n % lines.length;
  switch (m.kind) {
    case 'delete':
      lines.splice(line(m.at), m.count);
      return lines.join('\n');
    case 'duplicate-notes': {
      const starts = lines.flatMap((l, i) => (NOTE_LINE.test(l) && !NOTE_LINE.test(lines[i - 1] ?? '') ? [i] : []));
      if (starts.length === 0) return text;
      const start = starts[m.from % starts.length]!;
      let end = start + 1;
      while (end < lines.length && NOTE_LINE.test(lines[end]!)) end++;
      lines.splice(line(m.to), 0, '', ...lines.slice(start, end), '');
      return lines.join('\n');
    }
    case 'shuffle':
      for (const [a, b] of m.swaps) [lines[line(a)], lines[line(b)]] = [lines[line(b)]!, lines[line(a)]!];
      return lines.join('\n');
    case 'join': {
      const i = line(m.at);
      if (i + 1 < lines.length) lines.splice(i, 2, `${lines[i]!.replace(/\r$/, '')} ${lines[i + 1]}`);
      return lines.join('\n');
    }
    case 'insert': {
      const chars = Array.from(text);
      chars.splice(m.at % (chars.length + 1), 0, m.text);
      return chars.join('');
    }
    case 'cut': {
      const chars = Array.from(text);
      return chars.slice(0, m.at % (chars.length + 1)).join('');
    }
  }
}

/** The fuzzed properties, with the number of cases each gets in `npm test` (the long run scales them). */
export function properties(texts: { fixtures: readonly string[]; corpus: readonly string[] }): { name: string; arbitrary: fc.Arbitrary<string>; runs: number }[] {
  return [
    { name: 'documents of the genre', arbitrary: policyDocument, runs: 300 },
    { name: 'arbitrary text', arbitrary: tokenSoup, runs: 200 },
    { name: 'damaged documents of the genre', arbitrary: mutated(policyDocument), runs: 150 },
    { name: 'damaged fixtures', arbitrary: mutated(fc.constantFrom(...texts.fixtures)), runs: 150 },
    { name: 'damaged corpus documents', arbitrary: mutated(fc.constantFrom(...texts.corpus)), runs: 50 },
  ];
}

// ------------------------------------------------------------------ invariants

/** The parser under test: the source modules in vitest, the compiled ones in scripts/fuzz.mjs. */
export interface Parser {
  parse(raw: string): Document;
  InputError: typeof InputError;
  schema: typeof Document;
  checkConservation: typeof checkConservation;
  parseInline: typeof parseInline;
}

export type FailureKind = 'crash' | 'schema' | 'conservation' | 'invariant';
export interface Failure {
  kind: FailureKind;
  /** What was broken, without the details of the case: failures are counted by rule. */
  rule: string;
  message: string;
}
export interface Outcome {
  /** The documented refusal of unusable input (an InputError with a one-line message). */
  refused: boolean;
  failures: Failure[];
}

export function checkDocument(parser: Parser, raw: string): Outcome {
  let doc: Document;
  try {
    doc = parser.parse(raw);
  } catch (error) {
    if (!(error instanceof parser.InputError)) {
      const e = error instanceof Error ? error : new Error(String(error));
      return { refused: false, failures: [{ kind: 'crash', rule: `crash: ${e.name}: ${e.message.split('\n')[0]}`, message: e.stack ?? e.message }] };
    }
    const oneLine = error.message.trim() !== '' && !/[\r\n]/.test(error.message);
    return { refused: true, failures: oneLine ? [] : [{ kind: 'invariant', rule: 'refusal message is one line', message: JSON.stringify(error.message) }] };
  }
  const failures: Failure[] = [];
  const schema = parser.schema.safeParse(doc);
  if (!schema.success) {
    const issues = schema.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    failures.push({ kind: 'schema', rule: 'document validates against the schema', message: issues.join('\n') });
  }
  const c = parser.checkConservation(doc, raw);
  if (c.gone > 0 || c.phantom > 0) {
    failures.push({
      kind: 'conservation',
      rule: c.gone > 0 ? 'conservation: gone = 0' : 'conservation: phantom = 0',
      message: `gone ${c.gone} (raw offsets ${c.goneAt.join(', ')}), phantom ${c.phantom} (${c.phantomAt.map((p) => `${p.element} at ${p.offset}`).join(', ')})`,
    });
  }
  for (const [rule, message] of invariantProblems(parser, doc, raw)) failures.push({ kind: 'invariant', rule, message });
  return { refused: false, failures };
}

/** The input as a JSON string, with invisible, combining, odd-space and control characters escaped. */
export function literal(raw: string): string {
  return JSON.stringify(raw).replace(/(?! )[\p{M}\p{Cf}\p{Zs}\p{Cc}\p{Co}\u2028\u2029]/gu, (c) =>
    c.split('').map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
  );
}

/** The input and its failures (the first lines of each message), for assertion messages. */
export function describeFailures(raw: string, outcome: Outcome): string {
  const failures = outcome.failures.map((f) => `[${f.kind}] ${f.rule}\n  ${f.message.split('\n').slice(0, 6).join('\n  ')}`);
  return [`input: ${literal(raw)}`, ...failures].join('\n');
}

const SUPERSCRIPT = /[⁰¹²³⁴⁵⁶⁷⁸⁹]/u;
/**
 * A `**` pair whose stars stand where no removed neighbour can have changed their reading: the
 * opening stars at the start or after a space or "(", the closing ones before a space,
 * punctuation or the end, a letter or digit on the inner side of each, no star between. (In
 * "\u0001**_n_**" the stars are literal; removing the emphasis leaves "\u0001**n**".)
 */
const BOLD = /(?<=^|[\s(])\*\*[\p{L}\p{N}](?:[^*]*[\p{L}\p{N}])?\*\*(?=$|[\s\p{P}])/gu;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;

/** Spans, segments, ids and cross references, note markers and bold markup: [rule, detail] pairs. */
function invariantProblems(parser: Parser, doc: Document, raw: string): [string, string][] {
  const problems: [string, string][] = [];
  const problem = (rule: string, detail: string) => {
    if (problems.filter(([r]) => r === rule).length < 3) problems.push([rule, detail]);
  };
  const chars = Array.from(raw);
  // 1-based line of every raw code point offset (a CR LF pair ends one line).
  const lineAt = new Int32Array(chars.length + 1);
  let line = 1;
  chars.forEach((ch, i) => {
    lineAt[i] = line;
    if (ch === '\n' || (ch === '\r' && chars[i + 1] !== '\n')) line++;
  });
  lineAt[chars.length] = line;
  const lines = /[\r\n]$/.test(raw) ? line - 1 : line;
  if (doc.source.lines !== lines) problem('source.lines counts the lines', `${doc.source.lines}, expected ${lines}`);

  const checkSpan = (where: string, s: Span) => {
    if (!(0 <= s.start && s.start <= s.end && s.end <= chars.length)) problem('spans lie inside the source', `${where}: ${s.start}-${s.end} of ${chars.length} code points`);
    else if (!(1 <= s.startLine && s.startLine <= s.endLine && s.endLine <= lines)) problem('span lines lie inside the source', `${where}: lines ${s.startLine}-${s.endLine} of ${lines}`);
    else if (s.startLine !== lineAt[s.start] || s.endLine !== lineAt[Math.max(s.start, s.end - 1)]) {
      problem('span lines agree with span offsets', `${where}: lines ${s.startLine}-${s.endLine}, offsets ${s.start}-${s.end} are on lines ${lineAt[s.start]}-${lineAt[Math.max(s.start, s.end - 1)]}`);
    }
  };

  // Every object of the layers, with the path that reaches it.
  const objects: { path: string; value: Record<string, unknown> }[] = [];
  const collect = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => collect(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      objects.push({ path, value: value as Record<string, unknown> });
      for (const [k, v] of Object.entries(value)) collect(v, `${path}.${k}`);
    }
  };
  for (const layer of ['body', 'notes', 'boxes', 'captions', 'furniture', 'pageBreaks', 'metadata'] as const) collect(doc[layer], layer);

  const ids = new Map<string, string>();
  for (const { path, value } of objects) {
    if (typeof value.id === 'string') {
      if (ids.has(value.id)) problem('ids are unique', `${value.id} at ${ids.get(value.id)} and ${path}`);
      ids.set(value.id, path);
    }
    if (typeof value.start === 'number' && typeof value.startLine === 'number') checkSpan(path, value as unknown as Span);
  }
  const exists = (where: string, id: string | null | undefined) => {
    if (id != null && !ids.has(id)) problem('cross references name existing ids', `${where} → ${id}`);
  };
  const noteIds = new Set(doc.notes.map((n) => n.id));
  const pageBreakIds = new Set(doc.pageBreaks.map((p) => p.id));
  for (const p of doc.pageBreaks) exists(`${p.id}.interrupted`, p.interrupted);
  for (const b of doc.boxes) exists(`${b.id}.interrupts`, b.interrupts);
  for (const d of doc.diagnostics) {
    exists(`diagnostic ${d.rule}`, d.element);
    if (d.line > Math.max(1, lines)) problem('diagnostics point inside the source', `${d.rule} at line ${d.line} of ${lines}`);
  }

  for (const { path, value } of objects) {
    if (Array.isArray(value.segments)) {
      const span = value.span as Span;
      const segments = value.segments as Span[];
      segments.forEach((s, i) => {
        if (s.start < span.start || s.end > span.end) problem('segments lie inside the span', `${path}: ${s.start}-${s.end} outside ${span.start}-${span.end}`);
        const next = segments[i + 1];
        if (next && next.start < s.end) problem('segments are sorted and do not overlap', `${path}: ${s.start}-${s.end} then ${next.start}-${next.end}`);
      });
    }
    if (typeof value.text === 'string' && Array.isArray(value.noteRefs)) textProblems(parser, value as unknown as TextElement, path, { ids, noteIds, pageBreakIds, chars }, problem);
  }
  return problems;
}

function textProblems(
  parser: Parser,
  node: TextElement,
  path: string,
  known: { ids: ReadonlyMap<string, string>; noteIds: ReadonlySet<string>; pageBreakIds: ReadonlySet<string>; chars: readonly string[] },
  problem: (rule: string, detail: string) => void,
): void {
  const { text } = node;
  const where = `${path} (${node.id})`;
  for (const m of node.marks) if (!(0 <= m.start && m.start <= m.end && m.end <= text.length)) problem('marks lie inside the text', `${where}: ${m.type} ${m.start}-${m.end} of ${text.length}`);
  for (const b of node.breaks) {
    if (b.at > text.length) problem('page break positions lie inside the text', `${where}: at ${b.at} of ${text.length}`);
    if (!known.pageBreakIds.has(b.pageBreak)) problem('cross references name existing ids', `${where}.breaks → ${b.pageBreak}`);
  }
  for (const m of node.mentions) {
    if (text.slice(m.start, m.end) !== m.surface) problem('mention offsets show the surface', `${where}: ${JSON.stringify(m.surface)} at ${m.start}-${m.end} is ${JSON.stringify(text.slice(m.start, m.end))}`);
  }
  if (node.type === 'footnote') for (const by of node.referencedBy) if (!known.ids.has(by)) problem('cross references name existing ids', `${where}.referencedBy → ${by}`);
  for (const r of node.noteRefs) {
    if (r.at > text.length) problem('note reference positions lie inside the text', `${where}: at ${r.at} of ${text.length}`);
    const shown = known.chars.slice(r.span.start, r.span.end).join('').replace(INVISIBLE, '').normalize('NFC');
    if (shown !== r.marker) problem('a note reference span shows its marker', `${where}: marker ${JSON.stringify(r.marker)}, source ${JSON.stringify(shown)}`);
    if (r.note === null) continue;
    if (!known.noteIds.has(r.note)) problem('note references name existing footnotes', `${where} → ${r.note}`);
    if (r.style === 'superscript' && (SUPERSCRIPT.test(text.charAt(r.at - 1)) || SUPERSCRIPT.test(text.charAt(r.at)))) {
      problem('resolved superscript markers are removed from the text', `${where}: ${JSON.stringify(text.slice(Math.max(0, r.at - 20), r.at + 20))}`);
    }
  }
  // Bold the text shows: such a pair read as bold by the parser's own reading of a single text
  // (code spans and link texts masked: they are shown as they are).
  if (!text.includes('**')) return;
  let masked = text;
  for (const m of node.marks) if (m.type === 'code' || m.type === 'link') masked = masked.slice(0, m.start) + 'x'.repeat(m.end - m.start) + masked.slice(m.end);
  const strong = parser.parseInline(masked).marks.filter((m) => m.type === 'strong');
  // A pair whose stars lie inside another mark was literal text in the original reading
  // ("_**i_ e**" is emphasis around "**i"), not markup that leaked.
  const insideMark = (at: number) => node.marks.some((m) => m.start <= at && at < m.end);
  for (const b of masked.matchAll(BOLD)) {
    const end = b.index + b[0].length;
    if (insideMark(b.index) || insideMark(end - 1)) continue;
    if (strong.some((m) => m.start === b.index + 2 && m.end === end - 2)) {
      problem('no ** bold markup is left in element texts', `${where}: ${JSON.stringify(text.slice(Math.max(0, b.index - 20), b.index + b[0].length + 20))}`);
    }
  }
}
