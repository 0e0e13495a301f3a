/**
 * A source document as the pipeline sees it: the raw decoded text, its normalised form, line
 * positions and the map that turns normalised positions into citable source spans.
 */
import type { Span } from '../document/model.js';
import { decodeBytes, type DecodeOptions, type Encoding } from './decode.js';
import { normalizeText, type OffsetMap } from './normalize.js';
import { lastAtOrBefore } from '../util/search.js';
import { sha256Hex } from '../util/hash.js';

export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

export class SourceText {
  /** Start offset (normalised) of every line; line n (1-based) starts at lineStarts[n - 1]. */
  readonly lineStarts: number[];

  constructor(
    /** The name used in messages: a path, or `-` for standard input. */
    readonly name: string,
    readonly raw: string,
    readonly text: string,
    readonly map: OffsetMap,
    readonly info: {
      sha256: string;
      bytes: number;
      encoding: Encoding;
      bom: boolean;
      lineEnding: LineEnding;
      warnings: string[];
      changes: Record<string, number>;
    },
  ) {
    this.lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** Lines of the raw file (a last line of invisible characters counts, as it does for sed). */
  get lineCount(): number {
    const breaks = (this.raw.match(/\r\n|\r|\n/g) ?? []).length;
    return /[\r\n]$/.test(this.raw) ? breaks : breaks + 1;
  }

  /** 1-based line of normalised position `pos`. */
  lineOf(pos: number): number {
    return Math.max(0, lastAtOrBefore(this.lineStarts, pos)) + 1;
  }

  /** 1-based column (UTF-16 units of the normalised line) of position `pos`. */
  columnOf(pos: number): number {
    return pos - this.lineStarts[this.lineOf(pos) - 1]! + 1;
  }

  /** 1-based line and column (in code points of the raw line) of normalised position `pos`. */
  position(pos: number): { line: number; column: number } {
    const line = this.lineOf(pos);
    return { line, column: this.map.toRaw(pos) - this.map.toRaw(this.lineStarts[line - 1]!) + 1 };
  }

  /** 1-based line and column of a raw code point offset. */
  positionOfRaw(rawOffset: number): { line: number; column: number } {
    // Raw and normalised offsets differ only where normalisation removed or split characters,
    // so a short walk from the estimate finds the normalised position.
    let pos = Math.min(rawOffset, this.text.length);
    while (pos > 0 && this.map.toRaw(pos) > rawOffset) pos--;
    while (pos < this.text.length && this.map.toRaw(pos) < rawOffset) pos++;
    return this.position(pos);
  }

  /** The source span of normalised range [start, end). */
  span(start: number, end: number): Span {
    const last = Math.max(start, end - 1);
    return {
      startLine: this.lineOf(start),
      endLine: this.lineOf(last),
      start: this.map.toRaw(start),
      end: Math.max(this.map.toRaw(start), this.map.toRawEnd(end)),
    };
  }
}

export function sourceFromBytes(bytes: Uint8Array, name: string, options: DecodeOptions = {}): SourceText {
  const decoded = decodeBytes(bytes, name, options);
  const normalized = normalizeText(decoded.text);
  return new SourceText(name, decoded.text, normalized.text, normalized.map, {
    sha256: sha256Hex(bytes),
    bytes: bytes.length,
    encoding: decoded.encoding,
    bom: decoded.bom,
    lineEnding: lineEndingOf(decoded.text),
    warnings: decoded.warnings,
    changes: normalized.changes,
  });
}

export function sourceFromString(text: string, name = '<text>'): SourceText {
  return sourceFromBytes(new TextEncoder().encode(text), name);
}

function lineEndingOf(raw: string): LineEnding {
  const crlf = raw.match(/\r\n/g)?.length ?? 0;
  const lf = (raw.match(/\n/g)?.length ?? 0) - crlf;
  const cr = (raw.match(/\r/g)?.length ?? 0) - crlf;
  const kinds = [crlf > 0, lf > 0, cr > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : lf > 0 ? 'lf' : 'cr';
}
