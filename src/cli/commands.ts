/**
 * Every command and flag of the CLI, with its help, in one place. `main.ts` builds the parser
 * from this table; nothing else declares a flag.
 */
import { DEFAULT_THRESHOLD } from '../diff/threshold.js';

export interface Flag {
  /** commander flag syntax: "-j, --json", "--limit <n>", "--actor <name...>" */
  flags: string;
  help: string;
  default?: string | boolean | number;
  /** Allowed values, shown in the help and checked by the parser. */
  choices?: readonly string[];
  /** The flag may be given more than once; its values are collected (a variadic global flag would swallow the command). */
  repeatable?: boolean;
}

export interface CommandSpec {
  name: string;
  args: string;
  summary: string;
  flags: Flag[];
  examples: string[];
}

export const OUTPUT_FLAGS = {
  json: { flags: '--json [fields]', help: 'print JSON (optionally only these comma-separated fields)' },
  jsonl: { flags: '--jsonl [fields]', help: 'print one JSON object per line, streamed' },
  csv: { flags: '--csv [fields]', help: 'print CSV with a header row' },
} satisfies Record<string, Flag>;

export const GLOBAL_FLAGS: Flag[] = [
  { flags: '--corpus <dir>', help: 'the corpus folder (manifest.yaml and texts)', default: 'corpus' },
  { flags: '--store <dir>', help: 'the store folder (default: .smuggle-corpus next to the corpus folder)' },
  { flags: '--registry <path>', help: 'a registry YAML file or folder; repeat for more (default: <corpus>/registry)', repeatable: true },
  { flags: '--max-bytes <n>', help: 'refuse documents larger than this many bytes', default: 20 * 1024 * 1024 },
  {
    flags: '--no-refresh',
    help: 'use the store as it is, without checking the corpus for changes (for scripts running many commands on an unchanged corpus; a missing store is still built)',
  },
  { flags: '--color <when>', help: 'colour output', default: 'auto', choices: ['auto', 'always', 'never'] },
  { flags: '--debug', help: 'show stack traces of unexpected errors' },
];

export const COMMANDS: CommandSpec[] = [
  {
    name: 'validate',
    args: '[paths...]',
    summary: 'parse documents and report problems as file:line:col messages (exit 1 on errors)',
    flags: [
      OUTPUT_FLAGS.json,
      { flags: '--strict', help: 'treat warnings as errors' },
      { flags: '--quiet', help: 'print only errors and the summary line' },
      { flags: '--dataset <dir>', help: 'validate an exported dataset against its JSON Schemas instead' },
    ],
    examples: ['smuggle-corpus validate corpus', 'smuggle-corpus validate new-document.txt --json', 'cat doc.txt | smuggle-corpus validate -'],
  },
  {
    name: 'show',
    args: '<doc>',
    summary: 'the outline of a document (sections, notes, key-action lists), or the whole parsed document',
    flags: [
      OUTPUT_FLAGS.json,
      { flags: '--notes', help: 'list the footnotes with the elements that reference them' },
      { flags: '--actions', help: 'list the key actions with their actors, modality and deadline' },
      { flags: '--layers', help: 'list what went to the other layers: boxes, captions, furniture, page breaks' },
    ],
    examples: ['smuggle-corpus show com-2021-591', 'smuggle-corpus show corpus/002_ca8b62a8dd8e8447.txt --json', 'smuggle-corpus show com-2021-171 --actions'],
  },
  {
    name: 'ingest',
    args: '[corpus]',
    summary: 'parse the corpus into the store used by query, diff and export (skips unchanged documents)',
    flags: [
      { flags: '--force', help: 'parse every document again' },
      { flags: '--jobs <n>', help: 'parallel workers (default: the number of cores)' },
      OUTPUT_FLAGS.json,
    ],
    examples: ['smuggle-corpus ingest corpus', 'smuggle-corpus ingest --force'],
  },
  {
    name: 'query',
    args: '',
    summary: 'find key actions, paragraphs, footnotes ... by actor, instrument, words, section, deadline',
    flags: [
      { flags: '--actor <name...>', help: 'an actor under any name, alias, acronym or id (repeat: any of them)' },
      { flags: '--role <role...>', help: 'the actor role in key actions', choices: ['lead', 'addressee', 'support', 'partner', 'mentioned'] },
      { flags: '--instrument <name...>', help: 'an instrument under any name or number (Richtlijn 2011/36/EU, 32011L0036)' },
      { flags: '--text <words...>', help: 'Dutch words, matching inflected forms' },
      { flags: '--exact', help: 'with --text: match the literal phrase, case-insensitive' },
      { flags: '--regex', help: 'with --text: a regular expression' },
      { flags: '--doc <id...>', help: 'corpus document ids' },
      { flags: '--kind <kind...>', help: 'document kinds', choices: ['communication', 'fiche', 'kamerbrief', 'qa-page', 'other'] },
      { flags: '--section <number...>', help: 'a section number such as 3.2, with its subsections' },
      { flags: '--type <type...>', help: 'element types', choices: ['action', 'paragraph', 'footnote', 'heading', 'list-item', 'lead-in', 'box', 'caption'] },
      { flags: '--modality <m...>', help: 'key-action modality', choices: ['commitment', 'recommendation', 'call', 'request', 'invitation', 'statement'] },
      { flags: '--due-before <date>', help: 'key actions with a deadline period ending before this date starts (2023, 2023-06, 2023-06-30)' },
      { flags: '--due-after <date>', help: 'key actions with a deadline period starting after this date ends' },
      { flags: '--descendants', help: 'with --actor: include parts of the actor (Europol includes EMSC)' },
      { flags: '--group-by <key>', help: 'counts instead of hits', choices: ['doc', 'section', 'actor', 'instrument', 'type'] },
      { flags: '--count', help: 'print the number of hits only' },
      { flags: '--kwic [n]', help: 'key word in context: n words each side (default 6)' },
      { flags: '--limit <n>', help: 'at most n hits' },
      { flags: '--offset <n>', help: 'skip the first n hits', default: 0 },
      OUTPUT_FLAGS.json,
      OUTPUT_FLAGS.jsonl,
      OUTPUT_FLAGS.csv,
    ],
    examples: [
      'smuggle-corpus query --actor Frontex',
      'smuggle-corpus query --actor EGKW --type action --json',
      'smuggle-corpus query --text "financieel onderzoek" --kwic 8',
      'smuggle-corpus query --due-before 2023 --type action',
      'smuggle-corpus query --actor Europol --group-by doc',
    ],
  },
  {
    name: 'diff',
    args: '<docA> <docB>',
    summary: 'what one text takes up, drops or changes of another (exit 1 when they differ)',
    flags: [
      { flags: '--actions', help: 'align the key actions' },
      { flags: '--words', help: 'show word-level changes inside aligned items' },
      { flags: '--coverage', help: 'for each key action of A: taken up, partly or absent in B, with B\'s best passage' },
      { flags: '--threshold <score>', help: 'the lowest similarity (0-1) that aligns two items', default: DEFAULT_THRESHOLD },
      OUTPUT_FLAGS.json,
      OUTPUT_FLAGS.csv,
    ],
    examples: [
      'smuggle-corpus diff com-2021-171 qa-2021-04-14-organised-crime-trafficking --actions --words',
      'smuggle-corpus diff com-2021-591 kst-28638-235 --coverage',
      'smuggle-corpus diff old.txt new.txt',
    ],
  },
  {
    name: 'export',
    args: '',
    summary: 'write the corpus as a dataset: JSON, JSON Lines and CSV tables with their JSON Schemas',
    flags: [
      { flags: '--out <dir>', help: 'the dataset folder' },
      { flags: '--csv', help: 'also write every table as CSV' },
      { flags: '--force', help: 'replace a non-empty folder' },
      { flags: '--doc <id...>', help: 'only these documents' },
      { flags: '--kind <kind...>', help: 'only these document kinds', choices: ['communication', 'fiche', 'kamerbrief', 'qa-page', 'other'] },
    ],
    examples: ['smuggle-corpus export --out dataset', 'smuggle-corpus export --out dataset --csv --kind communication'],
  },
  {
    name: 'actors',
    args: '',
    summary: 'every actor with its type and its mentions per document',
    flags: [
      { flags: '--doc <id...>', help: 'only these documents' },
      { flags: '--forms', help: 'the surface forms seen for each actor' },
      OUTPUT_FLAGS.json,
      OUTPUT_FLAGS.csv,
    ],
    examples: ['smuggle-corpus actors', 'smuggle-corpus actors --forms --doc com-2021-591', 'smuggle-corpus actors --csv'],
  },
  {
    name: 'instruments',
    args: '',
    summary: 'every instrument with its identifier and its mentions per document',
    flags: [
      { flags: '--doc <id...>', help: 'only these documents' },
      { flags: '--forms', help: 'the surface forms seen for each instrument' },
      OUTPUT_FLAGS.json,
      OUTPUT_FLAGS.csv,
    ],
    examples: ['smuggle-corpus instruments', 'smuggle-corpus instruments --json'],
  },
];

export const PROGRAM = {
  name: 'smuggle-corpus',
  summary: 'Dutch policy texts on migrant smuggling and human trafficking as a typed, queryable corpus',
  exitCodes: '0 success (query: hits; diff: no differences) · 1 problems found (validate: errors; query: no hits; diff: differences) · 2 trouble (bad input, bad usage)',
};
