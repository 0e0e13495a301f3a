/**
 * The layout lexicon: Dutch words and phrases the layout and structure rules use, loaded from
 * `data/lexicon/layout.nl.yaml` and validated with zod. The rules stay general; this file is
 * where a user teaches the parser new phrasing.
 */
import * as z from 'zod';
import { LAYOUT_LEXICON_PATH } from '../util/paths.js';
import { formatProblem, readYamlFile } from '../util/yaml-file.js';

const phrases = z.array(z.string().min(1));

export const LayoutLexiconFile = z
  .strictObject({
    version: z.literal(1),
    keyActionTitles: phrases,
    functionWords: phrases,
    sentenceOpeners: phrases,
    captionLabels: phrases,
    backToTop: phrases,
    socialTokens: phrases,
    republishNotices: phrases,
    linkListHeadings: phrases,
    pageMarkers: phrases,
    letterheadCues: phrases,
    subjectLabels: phrases,
    months: z.array(z.string()).length(12),
    weekdays: phrases,
    placesOfIssue: phrases,
    publishedCues: phrases,
    kinds: z.strictObject({
      communication: phrases,
      fiche: phrases,
      kamerbrief: phrases,
      'qa-page': phrases,
    }),
  })
  .meta({ id: 'LayoutLexicon', title: 'smuggle-corpus layout lexicon' });
export type LayoutLexiconFile = z.infer<typeof LayoutLexiconFile>;

/** The lexicon compiled for fast lookups. */
export interface LayoutLexicon {
  file: LayoutLexiconFile;
  keyActionTitle: RegExp;
  functionWords: Set<string>;
  sentenceOpener: RegExp;
  captionLabel: RegExp;
  backToTop: Set<string>;
  socialTokens: Set<string>;
  republishNotice: RegExp;
  linkListHeadings: Set<string>;
  pageMarker: RegExp;
  letterheadCue: RegExp;
  /** A letter's subject line: the label ("Onderwerp", "Betreft") and what follows is the subject. */
  subjectLine: RegExp;
  monthIndex: Map<string, number>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (list: string[]) => list.map(escape).sort((a, b) => b.length - a.length).join('|');
const lower = (list: string[]) => list.map((s) => s.toLowerCase());

export function compileLayoutLexicon(file: LayoutLexiconFile): LayoutLexicon {
  const pageMarkers = file.pageMarkers.map((p) =>
    escape(p.toLowerCase()).replace(/\\\{n\\\}|\{n\}/g, '\\d{1,4}').replace(/ /g, '\\s*'),
  );
  return {
    file,
    keyActionTitle: new RegExp(`^(?:${alternatives(lower(file.keyActionTitles))})\\b`, 'iu'),
    functionWords: new Set(lower(file.functionWords)),
    sentenceOpener: new RegExp(`^(?:${alternatives(lower(file.sentenceOpeners))})\\s`, 'iu'),
    captionLabel: new RegExp(`^(?:${alternatives(lower(file.captionLabels))})\\s*\\d+[a-z]?\\b`, 'iu'),
    backToTop: new Set(lower(file.backToTop)),
    socialTokens: new Set(lower(file.socialTokens)),
    republishNotice: new RegExp(`^(?:${alternatives(lower(file.republishNotices))})\\b`, 'iu'),
    linkListHeadings: new Set(lower(file.linkListHeadings)),
    pageMarker: new RegExp(`^(?:${pageMarkers.join('|')})$`, 'iu'),
    letterheadCue: new RegExp(`^(?:${alternatives(lower(file.letterheadCues))})`, 'iu'),
    subjectLine: new RegExp(`^(?:${alternatives(lower(file.subjectLabels))})\\s*:?\\s+(?=\\S)`, 'iu'),
    monthIndex: new Map(lower(file.months).map((m, i) => [m, i + 1])),
  };
}

const cache = new Map<string, LayoutLexicon>();

export function loadLayoutLexicon(path = LAYOUT_LEXICON_PATH): LayoutLexicon {
  let lexicon = cache.get(path);
  if (!lexicon) {
    const { parsed, problems } = readYamlFile(path, LayoutLexiconFile);
    if (!parsed) throw new Error(`invalid layout lexicon: ${problems.map(formatProblem).join('; ')}`);
    lexicon = compileLayoutLexicon(parsed.data);
    cache.set(path, lexicon);
  }
  return lexicon;
}
