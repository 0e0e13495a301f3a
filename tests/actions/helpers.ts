/** Test helpers: verbatim source texts and hand-made entity mentions. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KeyActionSemantics, MentionedText, TextMention } from '../../src/entities/actions/index.js';

const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));

type Doc = '000' | '002' | '003' | '004';

/** Line `line` of corpus document `doc`, without a bullet marker. */
function corpusLine(doc: Doc, line: number): string {
  const file = readdirSync(CORPUS).find((name) => name.startsWith(`${doc}_`));
  if (!file) throw new Error(`no corpus document ${doc}`);
  return (
    readFileSync(join(CORPUS, file), 'utf8')
      .split('\n')
      [line - 1]?.replace(/^\s*(?:[-•]\s+)?/, '')
      .trimEnd() ?? ''
  );
}

/** Returns `text` after checking that it is the whole of `line` of corpus document `doc` (bullet marker removed). */
export function sourceText(doc: Doc, line: number, text: string): string {
  const printed = corpusLine(doc, line);
  if (printed !== text) throw new Error(`${doc}:${line} reads ${JSON.stringify(printed)}`);
  return text;
}

/** Returns `text` after checking that it is printed within `line` of corpus document `doc`. */
export function sourceExcerpt(doc: Doc, line: number, text: string): string {
  if (!corpusLine(doc, line).includes(text)) throw new Error(`${doc}:${line} does not contain ${JSON.stringify(text)}`);
  return text;
}

/** A mention of `entity` at the `occurrence`-th place where `surface` is written in `text`. */
export function mention(
  text: string,
  surface: string,
  entity: string,
  kind: TextMention['kind'] = 'actor',
  occurrence = 1,
): TextMention {
  let start = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    start = text.indexOf(surface, start + 1);
    if (start < 0) throw new Error(`"${surface}" (occurrence ${occurrence}) not in "${text}"`);
  }
  return { entity, kind, surface, start, end: start + surface.length };
}

/** A text with actor mentions (surface -> id) and instrument mentions (surface -> id). */
export function mentioned(
  text: string,
  actors: Record<string, string> = {},
  instruments: Record<string, string> = {},
): MentionedText {
  return {
    text,
    mentions: [
      ...Object.entries(actors).map(([surface, entity]) => mention(text, surface, entity)),
      ...Object.entries(instruments).map(([surface, entity]) => mention(text, surface, entity, 'instrument')),
    ],
  };
}

/** entity -> role, for compact assertions (an extra or missing actor fails `toEqual`). */
export function rolesOf(result: KeyActionSemantics): Record<string, string> {
  return Object.fromEntries(result.actors.map((actor) => [actor.entity, actor.role]));
}
