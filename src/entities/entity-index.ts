/**
 * The lookup structures the matcher is built on: a token trie of every form (and ignore
 * phrase), the identifier index for numbered instruments, the fuzzy index, and the name
 * index for `resolveName`. Built once per compiled registry.
 */
import type { CaseRule, CompiledEntity, CompiledRegistry, FormOrigin } from './compiled.js';
import { FuzzyIndex, type FuzzyTarget } from './fuzzy.js';
import { lookupKeys } from './references.js';
import { hashKey, phraseKeys, phraseRaw } from './tokenize.js';

/** The entity of an ignore phrase. */
export const IGNORED = -1;

export interface FormRef {
  entity: number;
  origin: FormOrigin;
  case: CaseRule;
  ambiguous: boolean;
  /** the form's tokens as written, for exact-case comparison */
  raw: string[];
}

export interface TrieNode {
  next: Map<string, TrieNode> | null;
  forms: FormRef[] | null;
}

/** What resolving a typed name needs: ids, identifiers and names (see resolve.ts). */
export interface NameIndex<E extends Pick<CompiledEntity, 'id' | 'kind'> = Pick<CompiledEntity, 'id' | 'kind'>> {
  entities: readonly E[];
  byId: ReadonlyMap<string, number>;
  /** normalised identifier (and its lookup keys) -> entity and its identifier */
  byIdentifier: ReadonlyMap<string, { entity: number; identifier: string }>;
  /** every form, label and id as joined keys -> entity, for resolveName */
  byName: ReadonlyMap<string, number>;
}

export interface EntityIndex extends NameIndex<CompiledEntity> {
  root: TrieNode;
  /** the first keys of all forms: a word whose hash is not here starts no match */
  firstKeys: KeyHashFilter;
  /** keys of single-token acronyms: an ALL-CAPS neighbour that is one of them is no shouting */
  acronymKeys: ReadonlySet<string>;
  fuzzy: FuzzyIndex;
}

function insert(root: TrieNode, keys: readonly string[], form: FormRef): void {
  let node = root;
  for (const key of keys) {
    node.next ??= new Map();
    let child = node.next.get(key);
    if (!child) {
      child = { next: null, forms: null };
      node.next.set(key, child);
    }
    node = child;
  }
  (node.forms ??= []).push(form);
}

const isCapitalised = (text: string) => /^\p{Lu}/u.test(text);

/** A bit set over key hashes: false means "certainly not one of the keys", true "maybe". */
export class KeyHashFilter {
  private static readonly BITS = 1 << 18;
  private readonly words = new Uint32Array(KeyHashFilter.BITS >>> 5);

  constructor(keys: Iterable<string>) {
    for (const key of keys) {
      const bit = hashKey(key) & (KeyHashFilter.BITS - 1);
      this.words[bit >>> 5] = this.words[bit >>> 5]! | (1 << (bit & 31));
    }
  }

  mayContain(hash: number): boolean {
    const bit = hash & (KeyHashFilter.BITS - 1);
    return (this.words[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

/** The name index alone: cheap to build, for resolving the names a user types. */
export function buildNameIndex(registry: CompiledRegistry): NameIndex<CompiledEntity> {
  const byId = new Map<string, number>();
  const byIdentifier = new Map<string, { entity: number; identifier: string }>();
  const byName = new Map<string, number>();
  registry.entities.forEach((entity, index) => {
    byId.set(entity.id, index);
    byName.set(entity.id, index);
    for (const form of entity.forms) {
      const name = phraseKeys(form.text).join(' ');
      if (!byName.has(name)) byName.set(name, index);
    }
    const english = phraseKeys(entity.label.en).join(' ');
    if (!byName.has(english)) byName.set(english, index);
    for (const identifier of entity.identifiers) {
      for (const key of lookupKeys(identifier)) byIdentifier.set(key, { entity: index, identifier });
    }
  });
  return { entities: registry.entities, byId, byIdentifier, byName };
}

/** A name index as JSON, stored with the compiled registry so a query need not build it. */
export interface StoredNameIndex {
  entities: [string, CompiledEntity['kind']][];
  byName: [string, number][];
  byIdentifier: [string, number, string][];
}

export function storedNameIndex(index: NameIndex): StoredNameIndex {
  return {
    entities: index.entities.map((e) => [e.id, e.kind]),
    byName: [...index.byName],
    byIdentifier: [...index.byIdentifier].map(([key, { entity, identifier }]) => [key, entity, identifier]),
  };
}

export function nameIndexOf(stored: StoredNameIndex): NameIndex {
  const entities = stored.entities.map(([id, kind]) => ({ id, kind }));
  return {
    entities,
    byId: new Map(entities.map((e, i) => [e.id, i])),
    byName: new Map(stored.byName),
    byIdentifier: new Map(stored.byIdentifier.map(([key, entity, identifier]) => [key, { entity, identifier }])),
  };
}

export function buildEntityIndex(registry: CompiledRegistry): EntityIndex {
  const names = buildNameIndex(registry);
  const root: TrieNode = { next: null, forms: null };
  const acronymKeys = new Set<string>();
  const fuzzyTargets: FuzzyTarget[] = [];

  registry.entities.forEach((entity, index) => {
    for (const form of entity.forms) {
      const keys = phraseKeys(form.text);
      const raw = phraseRaw(form.text);
      insert(root, keys, { entity: index, origin: form.origin, case: form.case, ambiguous: form.ambiguous, raw });
      if (keys.length !== 1) continue;
      if (form.origin === 'acronym') acronymKeys.add(keys[0]!);
      // a name with an initial-capital rule is an ordinary noun ("Raad", "Unie"): never a fuzzy target
      const fuzzyTarget = (form.origin === 'name' || form.origin === 'acronym') && form.case !== 'initial';
      if (fuzzyTarget && isCapitalised(form.text) && /^\p{L}+$/u.test(keys[0]!)) {
        fuzzyTargets.push({ key: keys[0]!, entity: index, allCaps: form.text === form.text.toUpperCase() });
      }
    }
  });
  for (const phrase of registry.ignore) {
    insert(root, phraseKeys(phrase), { entity: IGNORED, origin: 'name', case: 'any', ambiguous: false, raw: [] });
  }
  const firstKeys = new KeyHashFilter(root.next?.keys() ?? []);
  return { ...names, root, firstKeys, acronymKeys, fuzzy: new FuzzyIndex(fuzzyTargets) };
}
