/**
 * Is this a hard-wrapped text (a PDF converted with pdftotext and the like) or one paragraph per
 * line? Measured on the document itself, never assumed from its name.
 */
import type { Line } from './lines.js';
import { endsTerminal, startsLikeContinuation } from './text-shape.js';

export interface Wrapping {
  wrapped: boolean;
  /** The wrap width in characters (a high percentile of line lengths) when wrapped. */
  width: number;
  /** Blank lines stand between wrapped lines too (double spacing), so they separate nothing. */
  doubleSpaced: boolean;
  /** Body lines normally start in column 1, so an indented line marks something (a new page). */
  flushLeft: boolean;
}

export function detectWrapping(lines: readonly Line[]): Wrapping {
  const text = lines.filter((l) => !l.blank);
  const lengths = text.map((l) => l.content.length).sort((a, b) => a - b);
  const width = percentile(lengths, 0.95);
  const flushLeft = text.filter((l) => l.indent === 0).length >= 0.8 * text.length;
  const long = text.filter((l) => l.content.length > 180).length;

  // Sentences broken mid-way from one line to the next: the signature of hard wrapping.
  let candidates = 0;
  let midSentence = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.blank || line.look.kind !== 'text' || line.content.length < 0.6 * width) continue;
    const next = nextNonBlank(lines, i);
    if (!next) continue;
    candidates++;
    if (!endsTerminal(line.content) && startsLikeContinuation(next.content)) midSentence++;
  }
  const wrapped =
    text.length >= 6 && long <= 0.02 * text.length && candidates >= 3 && midSentence / candidates >= 0.25;

  let followedByBlank = 0;
  for (let i = 0; i < lines.length - 1; i++) if (!lines[i]!.blank && lines[i + 1]!.blank) followedByBlank++;
  const doubleSpaced = wrapped && followedByBlank >= 0.7 * text.length;
  return { wrapped, width, doubleSpaced, flushLeft };
}

export function nextNonBlank(lines: readonly Line[], i: number): Line | undefined {
  for (let j = i + 1; j < lines.length; j++) if (!lines[j]!.blank) return lines[j];
  return undefined;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
