/**
 * Guarded fuzzy lookup of single-token names and acronyms: edit distance 1 (Damerau: one
 * insertion, deletion, substitution or swap of neighbours) through a precomputed deletion index,
 * so a lookup costs a handful of hash probes instead of a scan over all names.
 *
 * Guards (the rest are in the matcher): targets and queries have 4+ letters, the first letter
 * must agree (typos rarely hit it; "Impact" must not become "Empact"), a name plus an
 * inflection ending is a derived word, not a typo ("Nederlands"), and an ALL-CAPS form never
 * matches by substitution (EASA is another agency than EASO).
 */

export interface FuzzyTarget {
  key: string;
  entity: number;
  allCaps: boolean;
}

const MIN_FUZZY_LENGTH = 4;

function deletions(key: string): string[] {
  const result: string[] = [];
  for (let i = 0; i < key.length; i++) result.push(key.slice(0, i) + key.slice(i + 1));
  return result;
}

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

export class FuzzyIndex {
  private readonly byDeletion = new Map<string, FuzzyTarget[]>();
  /** cheap pre-checks before any string is made: first letters and lengths of the targets */
  private readonly firstLetters = new Set<string>();
  private shortest = Infinity;
  private longest = 0;

  constructor(targets: readonly FuzzyTarget[]) {
    for (const target of targets) {
      if (target.key.length < MIN_FUZZY_LENGTH) continue;
      this.firstLetters.add(target.key[0]!);
      this.shortest = Math.min(this.shortest, target.key.length);
      this.longest = Math.max(this.longest, target.key.length);
      for (const variant of [target.key, ...deletions(target.key)]) {
        const list = this.byDeletion.get(variant);
        if (list) list.push(target);
        else this.byDeletion.set(variant, [target]);
      }
    }
  }

  /** The one entity within distance 1 of `key` under the guards, or -1. */
  lookup(key: string, allCaps: boolean): number {
    if (key.length < MIN_FUZZY_LENGTH || key.length < this.shortest - 1 || key.length > this.longest + 1) return -1;
    if (!this.firstLetters.has(key[0]!)) return -1;
    let found = -1;
    for (const variant of [key, ...deletions(key)]) {
      for (const target of this.byDeletion.get(variant) ?? []) {
        if (target.key === key || target.key[0] !== key[0] || isInflectedForm(key, target.key)) continue;
        const sameLength = target.key.length === key.length;
        if ((target.allCaps || allCaps) && sameLength && !isSwap(target.key, key)) continue;
        if (editDistance(target.key, key, 1) !== 1) continue;
        if (found !== -1 && found !== target.entity) return -1;
        found = target.entity;
      }
    }
    return found;
  }
}

const INFLECTION_ENDINGS = ['s', 'e', 'n'];

/** "Nederlands" is a word derived from "Nederland", not a typo of it. */
function isInflectedForm(key: string, target: string): boolean {
  return key.length === target.length + 1 && key.startsWith(target) && INFLECTION_ENDINGS.includes(key.at(-1)!);
}

/** `a` and `b` differ by one swap of neighbouring letters. */
function isSwap(a: string, b: string): boolean {
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}
