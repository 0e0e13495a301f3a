/**
 * Text assembled from source pieces that remembers where every character came from.
 *
 * An element's text is built from one or more ranges of the normalised source (lines of a
 * re-flowed paragraph, the parts of a sentence a page break split), with white space collapsed
 * and markers removed. `toNorm` maps any text offset back to the normalised source, so
 * mentions and references found in the text can be cited in the file.
 */
import { lastAtOrBefore } from '../util/search.js';

export interface Range {
  start: number;
  end: number;
}

/** How a piece joins the text before it. */
export type Join = 'space' | 'none' | 'drop-hyphen';

export interface Piece extends Range {
  join: Join;
}

export class MappedText {
  private constructor(
    readonly text: string,
    /** Runs of text characters that map to consecutive source characters. */
    private readonly runText: number[],
    private readonly runNorm: number[],
    private readonly runLength: number[],
  ) {}

  static empty(): MappedText {
    return new MappedText('', [], [], []);
  }

  /** Build from source pieces, collapsing white space and trimming the ends. */
  static fromPieces(source: string, pieces: readonly Piece[]): MappedText {
    const b = new Builder();
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      let end = piece.end;
      const next = pieces[i + 1];
      if (next?.join === 'drop-hyphen') {
        const hyphen = source.lastIndexOf('-', end - 1);
        if (hyphen >= piece.start && source.slice(hyphen + 1, end).trim() === '') end = hyphen;
      }
      if (i > 0 && piece.join === 'space') b.space(piece.start);
      b.appendCollapsed(source.slice(piece.start, end), piece.start);
    }
    return b.finish();
  }

  get length(): number {
    return this.text.length;
  }

  /** Normalised source position of text offset `t` (clamped to the last character). */
  toNorm(t: number): number {
    if (this.runText.length === 0) return 0;
    const k = this.runAt(Math.min(Math.max(t, 0), this.text.length - 1));
    return this.runNorm[k]! + (Math.min(t, this.text.length - 1) - this.runText[k]!);
  }

  /** The first text offset whose source position is at or after normalised position `n`. */
  fromNorm(n: number): number {
    for (let k = 0; k < this.runText.length; k++) {
      const norm = this.runNorm[k]!;
      const len = this.runLength[k]!;
      if (norm + len > n) return this.runText[k]! + Math.max(0, n - norm);
    }
    return this.text.length;
  }

  /** The normalised source range of text range [start, end). */
  normRange(start: number, end: number): Range {
    const s = this.toNorm(start);
    return { start: s, end: Math.max(s + 1, this.toNorm(Math.max(start, end - 1)) + 1) };
  }

  /** A new text without the given ranges (offsets of this text), white space re-collapsed. */
  remove(ranges: readonly Range[]): MappedText {
    if (ranges.length === 0) return this;
    const sorted = [...ranges].sort((a, b) => a.start - b.start);
    const b = new Builder();
    let r = 0;
    for (let k = 0; k < this.runText.length; k++) {
      const t0 = this.runText[k]!;
      const len = this.runLength[k]!;
      let t = t0;
      while (t < t0 + len) {
        while (r < sorted.length && sorted[r]!.end <= t) r++;
        const cut = sorted[r];
        if (cut && cut.start <= t) {
          t = Math.min(t0 + len, cut.end);
          continue;
        }
        const stop = Math.min(t0 + len, cut ? cut.start : Infinity);
        // Re-collapsed: a removal can leave two spaces side by side or a space at an end.
        b.appendCollapsed(this.text.slice(t, stop), this.runNorm[k]! + (t - t0));
        t = stop;
      }
    }
    return b.finish();
  }

  private runAt(t: number): number {
    return Math.max(0, lastAtOrBefore(this.runText, t));
  }

  /** @internal used by Builder */
  static create(text: string, runText: number[], runNorm: number[], runLength: number[]): MappedText {
    return new MappedText(text, runText, runNorm, runLength);
  }
}

/** White space other than single spaces between words. */
const NEEDS_COLLAPSE = /[^\S ]| {2}/;

/** Appends characters with their source positions, merging adjacent runs. */
class Builder {
  private parts: string[] = [];
  private length = 0;
  private pendingSpace = -1;
  private runText: number[] = [];
  private runNorm: number[] = [];
  private runLength: number[] = [];

  /** A collapsible space at source position `norm`: written only between two words. */
  space(norm: number): void {
    if (this.length > 0 && this.pendingSpace < 0) this.pendingSpace = norm;
  }

  /**
   * Append `s` (from source position `norm`) with white space collapsed to single spaces between
   * words. Most text has nothing to collapse and is appended in one piece.
   */
  appendCollapsed(s: string, norm: number): void {
    if (!NEEDS_COLLAPSE.test(s)) {
      let start = 0;
      let end = s.length;
      if (s.charCodeAt(0) === 32) {
        this.space(norm);
        start = 1;
      }
      const trailing = end > start && s.charCodeAt(end - 1) === 32;
      if (trailing) end--;
      if (end > start) this.append(s.slice(start, end), norm + start);
      if (trailing) this.space(norm + end);
      return;
    }
    const chunk = /\S+|\s+/g;
    let m: RegExpExecArray | null;
    while ((m = chunk.exec(s))) {
      if (/\s/.test(m[0][0]!)) this.space(norm + m.index);
      else this.append(m[0], norm + m.index);
    }
  }

  append(s: string, norm: number): void {
    if (s.length === 0) return;
    if (this.pendingSpace >= 0) {
      this.push(' ', this.pendingSpace);
      this.pendingSpace = -1;
    }
    this.push(s, norm);
  }

  private push(s: string, norm: number): void {
    const k = this.runText.length - 1;
    if (k >= 0 && this.runNorm[k]! + this.runLength[k]! === norm && this.runText[k]! + this.runLength[k]! === this.length) {
      this.runLength[k]! += s.length;
    } else {
      this.runText.push(this.length);
      this.runNorm.push(norm);
      this.runLength.push(s.length);
    }
    this.parts.push(s);
    this.length += s.length;
  }

  finish(): MappedText {
    return MappedText.create(this.parts.join(''), this.runText, this.runNorm, this.runLength);
  }
}
