/**
 * One left-to-right pass over a text that turns tokens into mentions. The rules are described
 * at the top of `matcher.ts`; this module implements them.
 */
import type { Mention, MatchKind } from '../document/model.js';
import { scanText } from './blocked.js';
import { IGNORED, type EntityIndex, type FormRef } from './entity-index.js';
import { derivedInstrumentId, findNumberedReferences, type NumberedReference } from './references.js';
import {
  ALL_CAPS,
  BLOCKED,
  DANGLING,
  HYPHEN_BEFORE,
  JOINED_NEXT,
  NEWLINE_BEFORE,
  POSSESSIVE,
  UPPER_INITIAL,
  WORD,
  type Tokens,
} from './tokenize.js';

/** A mention in a text, before the document model adds its source `span`. */
export type TextMention = Omit<Mention, 'span'>;

/** Per-entity facts the scan needs besides the index. */
export interface ScanContext {
  index: EntityIndex;
  /** corpus document id of each entity (by entity index), when it is a corpus document */
  documentOfEntity: ReadonlyArray<string | undefined>;
  /** corpus document id by normalised identifier */
  documentOfIdentifier: ReadonlyMap<string, string>;
}

interface Candidate {
  entity: number;
  origin: FormRef['origin'];
  /** last token of the match */
  end: number;
  possessive: boolean;
}

/** Words that join the two parts of a suspended compound: "rechtshandhavings- en justitiële". */
const SUSPENSION_GLUE = new Set(['en', 'of', ',', 'noch']);
/** Tokens after which a capitalised word may just start a sentence. */
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '•']);
const DASH = /[-\u2010-\u2015\u2212]/;
/** A suffix shorter than this is no compound head ("bron-" + "landen", not + "en"). */
const MIN_HEAD_LENGTH = 3;
/** How far after the glue word the head of a suspended compound is looked for. */
const SUSPENSION_WINDOW = 6;

export class MentionScan {
  private readonly tokens: Tokens;
  private readonly references: NumberedReference[];
  private readonly mentions: TextMention[] = [];

  constructor(
    private readonly context: ScanContext,
    private readonly text: string,
  ) {
    const { blocked, tokens } = scanText(text);
    this.tokens = tokens;
    this.references = findNumberedReferences(text).filter(
      (reference) => !blocked.some(([start, end]) => reference.start < end && start < reference.end),
    );
  }

  run(): TextMention[] {
    const { count, flags, start } = this.tokens;
    let reference = 0;
    let i = 0;
    while (i < count) {
      if (flags[i]! & BLOCKED) {
        i++;
        continue;
      }
      while (reference < this.references.length && this.references[reference]!.start < start[i]!) reference++;
      const numbered = this.references[reference]?.start === start[i] ? this.references[reference] : undefined;
      const candidate = this.isCompoundTail(i) ? null : this.longest(i, false);
      if (numbered && (!candidate || numbered.end >= this.tokens.end[candidate.end]!)) {
        this.emitReference(numbered);
        reference++;
        while (i < count && start[i]! < numbered.end) i++;
      } else if (candidate) {
        i = this.emitCandidate(i, candidate);
      } else {
        i = this.suspended(i) ?? this.fuzzy(i) ?? i + 1;
      }
    }
    return this.mentions;
  }

  // --- trie matching ---------------------------------------------------------------------

  /** The second part of a hyphenated compound ("niveau" in "EU-niveau") starts no match. */
  private isCompoundTail(i: number): boolean {
    return i > 0 && (this.tokens.flags[i]! & HYPHEN_BEFORE) !== 0 && (this.tokens.flags[i - 1]! & JOINED_NEXT) !== 0;
  }

  /** The longest valid form starting at token `i` (possessive `'s` allowed on its last token). */
  private longest(i: number, inParentheses: boolean): Candidate | null {
    const { count, flags, hash } = this.tokens;
    // most words start no form: a hash probe spares making their key
    if (!(flags[i]! & POSSESSIVE) && !this.context.index.firstKeys.mayContain(hash[i]!)) return null;
    let node = this.context.index.root;
    let best: Candidate | null = null;
    for (let j = i; j < count && node.next; j++) {
      const k = this.tokens.keyAt(j);
      if (k.length > 2 && k.endsWith("'s")) {
        const stem = node.next.get(k.slice(0, -2));
        const form = stem?.forms && this.validForm(stem.forms, i, j, true, inParentheses);
        if (form) best = { entity: form.entity, origin: form.origin, end: j, possessive: true };
      }
      const child = node.next.get(k);
      if (!child) break;
      node = child;
      const form = node.forms && this.validForm(node.forms, i, j, false, inParentheses);
      if (form) best = { entity: form.entity, origin: form.origin, end: j, possessive: false };
    }
    return best;
  }

  /** The form that fits the tokens `i..j` as written: one written exactly so wins, else the first valid. */
  private validForm(forms: readonly FormRef[], i: number, j: number, possessive: boolean, inParentheses: boolean): FormRef | null {
    let first: FormRef | null = null;
    for (const form of forms) {
      if (!this.fitsCase(form, i, j, possessive)) continue;
      if (form.ambiguous && !inParentheses && this.amongShouting(i, j)) continue;
      if (form.case === 'exact' || form.entity === IGNORED) return form;
      first ??= form;
    }
    return first;
  }

  private fitsCase(form: FormRef, i: number, j: number, possessive: boolean): boolean {
    if (form.entity === IGNORED || form.case === 'any') return true;
    if (form.case === 'initial') return (this.tokens.flags[i]! & UPPER_INITIAL) !== 0;
    if (form.raw.length !== j - i + 1) return false;
    for (let m = i; m <= j; m++) {
      const raw = this.raw(m);
      if ((possessive && m === j ? raw.slice(0, -2) : raw) !== form.raw[m - i]) return false;
    }
    return true;
  }

  /** The nearest word on either side, on the same line, is an ALL-CAPS word that is no known acronym. */
  private amongShouting(i: number, j: number): boolean {
    const { count, flags } = this.tokens;
    const shouts = (m: number) => (flags[m]! & ALL_CAPS) !== 0 && !this.context.index.acronymKeys.has(this.tokens.keyAt(m));
    for (let m = i; m > 0 && !(flags[m]! & NEWLINE_BEFORE); m--) {
      if (flags[m - 1]! & WORD) {
        if (shouts(m - 1)) return true;
        break;
      }
    }
    for (let m = j + 1; m < count && !(flags[m]! & NEWLINE_BEFORE); m++) {
      if (flags[m]! & WORD) return shouts(m);
    }
    return false;
  }

  private emitCandidate(i: number, candidate: Candidate): number {
    if (candidate.entity === IGNORED) return candidate.end + 1;
    const { end, flags } = this.tokens;
    const entity = this.context.index.entities[candidate.entity]!;
    let last = candidate.end;
    let endChar = end[last]!;
    let kind: MatchKind = candidate.possessive ? 'inflection' : candidate.origin;
    if (flags[last]! & JOINED_NEXT) {
      // "Frontex-statusovereenkomsten" counts, "EU-niveau" does not
      if (!entity.compounds) return last + 1;
      while (flags[last]! & JOINED_NEXT && last + 1 < this.tokens.count) last++;
      endChar = end[last]!;
      kind = 'compound';
    } else if (flags[last]! & DANGLING) {
      // the first part of a suspended compound: "Frontex- en Europol-operaties"
      if (!entity.compounds) return last + 1;
      endChar = this.afterDash(endChar);
      kind = 'compound';
    } else if (!candidate.possessive) {
      const close = this.apposition(last, candidate.entity);
      if (close >= 0) {
        last = close;
        endChar = end[close]!;
      }
    }
    this.emit(candidate.entity, this.tokens.start[i]!, endChar, kind);
    return last + 1;
  }

  /** "het Europees Grens- en kustwachtagentschap (Frontex)": the token of the `)`, or -1. */
  private apposition(last: number, entity: number): number {
    const { count } = this.tokens;
    if (last + 2 >= count || this.tokens.keyAt(last + 1) !== '(') return -1;
    const inner = this.longest(last + 2, true);
    if (!inner || inner.entity !== entity || inner.possessive || inner.end + 1 >= count) return -1;
    return this.tokens.keyAt(inner.end + 1) === ')' ? inner.end + 1 : -1;
  }

  // --- suspended compounds ---------------------------------------------------------------

  /**
   * "rechtshandhavings- en justitiële autoriteiten": the first part is completed with the head
   * of a following word ("rechtshandhavingsautoriteiten"); "politiële en justitiële
   * autoriteiten": a lower-case word replaces the first word of a following name. Returns the
   * next token index, or null when token `i` is no such first part.
   */
  private suspended(i: number): number | null {
    const { count, flags, hash, start, end } = this.tokens;
    if (!(flags[i]! & WORD) || i + 2 >= count) return null;
    const dangling = (flags[i]! & DANGLING) !== 0;
    let first = -1;
    if (dangling) {
      if (SUSPENSION_GLUE.has(this.tokens.keyAt(i + 1))) first = this.completeWithHead(i);
    } else if (!(flags[i]! & UPPER_INITIAL) && this.context.index.firstKeys.mayContain(hash[i]!)) {
      const glue = this.tokens.keyAt(i + 1);
      if (glue === 'en' || glue === 'of') first = this.replaceFirstWord(i);
    }
    if (first < 0) return null;
    const second = this.longest(i + 2, false);
    if (second && second.entity === first && !(flags[second.end]! & (JOINED_NEXT | DANGLING))) {
      this.emit(first, start[i]!, end[second.end]!, 'suspended');
      return second.end + 1;
    }
    this.emit(first, start[i]!, dangling ? this.afterDash(end[i]!) : end[i]!, 'suspended');
    return i + 1;
  }

  private completeWithHead(i: number): number {
    const { count, flags } = this.tokens;
    const root = this.context.index.root.next;
    const stem = this.tokens.keyAt(i);
    const asFirstWord = root?.get(stem);
    for (let w = i + 2; w < Math.min(count, i + 2 + SUSPENSION_WINDOW); w++) {
      if (!(flags[w]! & WORD)) {
        if (this.tokens.keyAt(w) === ',') continue;
        break;
      }
      const word = this.tokens.keyAt(w);
      for (let cut = 0; word.length - cut >= MIN_HEAD_LENGTH; cut++) {
        const head = word.slice(cut);
        const joined = this.anyCaseEntity(root?.get(stem + head)?.forms, i);
        if (joined >= 0) return joined;
        const hyphenated = this.anyCaseEntity(asFirstWord?.next?.get(head)?.forms, i);
        if (hyphenated >= 0) return hyphenated;
      }
    }
    return -1;
  }

  private replaceFirstWord(i: number): number {
    const second = this.longest(i + 2, false);
    if (!second || second.end === i + 2) return -1;
    let node = this.context.index.root.next?.get(this.tokens.keyAt(i));
    for (let m = i + 3; m <= second.end && node; m++) node = node.next?.get(this.tokens.keyAt(m));
    return this.anyCaseEntity(node?.forms, i);
  }

  /** The entity of the first form that does not depend on how the (reassembled) word is written. */
  private anyCaseEntity(forms: readonly FormRef[] | null | undefined, i: number): number {
    for (const form of forms ?? []) {
      if (form.entity === IGNORED) continue;
      if (form.case === 'any' || (form.case === 'initial' && this.tokens.flags[i]! & UPPER_INITIAL)) return form.entity;
    }
    return -1;
  }

  // --- fuzzy -----------------------------------------------------------------------------

  /** A capitalised word inside a sentence, one edit away from exactly one name: "Cpol". */
  private fuzzy(i: number): number | null {
    const f = this.tokens.flags[i]!;
    if (!(f & UPPER_INITIAL) || f & (NEWLINE_BEFORE | HYPHEN_BEFORE | JOINED_NEXT | DANGLING)) return null;
    if (i === 0 || (!(this.tokens.flags[i - 1]! & WORD) && SENTENCE_END.has(this.tokens.keyAt(i - 1)))) return null;
    const entity = this.context.index.fuzzy.lookup(this.tokens.keyAt(i), (f & ALL_CAPS) !== 0);
    if (entity < 0) return null;
    this.emit(entity, this.tokens.start[i]!, this.tokens.end[i]!, 'fuzzy');
    return i + 1;
  }

  // --- output ----------------------------------------------------------------------------

  private emitReference(reference: NumberedReference): void {
    const { byIdentifier, entities } = this.context.index;
    const known = reference.identifiers.map((identifier) => byIdentifier.get(identifier)).find((hit) => hit !== undefined);
    const identifier = known?.identifier ?? reference.identifiers[0]!;
    const mention: TextMention = {
      entity: known ? entities[known.entity]!.id : derivedInstrumentId(identifier),
      kind: 'instrument',
      surface: this.text.slice(reference.start, reference.end),
      start: reference.start,
      end: reference.end,
      match: 'pattern',
      normalized: identifier,
    };
    const document = known ? this.context.documentOfEntity[known.entity] : this.context.documentOfIdentifier.get(identifier);
    if (document !== undefined) mention.document = document;
    this.mentions.push(mention);
  }

  private emit(entityIndex: number, start: number, end: number, match: MatchKind): void {
    const entity = this.context.index.entities[entityIndex]!;
    const mention: TextMention = { entity: entity.id, kind: entity.kind, surface: this.text.slice(start, end), start, end, match };
    const normalized = entity.identifiers[0];
    if (normalized !== undefined) mention.normalized = normalized;
    const document = this.context.documentOfEntity[entityIndex];
    if (document !== undefined) mention.document = document;
    this.mentions.push(mention);
  }

  private raw(m: number): string {
    return this.text.slice(this.tokens.start[m], this.tokens.end[m]);
  }

  private afterDash(position: number): number {
    return DASH.test(this.text[position] ?? '') ? position + 1 : position;
  }
}
