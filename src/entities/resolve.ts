/**
 * Resolves a name typed by a user (the CLI's `--actor` / `--instrument` filters) to a canonical
 * id: an id, any name, alias, acronym or English label, or a numbered reference.
 */
import type { EntityKind } from './compiled.js';
import { editDistance } from './fuzzy.js';
import type { NameIndex } from './entity-index.js';
import { derivedInstrumentId, normalizeReference } from './references.js';
import { phraseKeys } from './tokenize.js';

export interface NameSuggestion {
  entity: string;
  /** the name that came closest */
  name: string;
  distance: number;
}

export type ResolveResult =
  | {
      ok: true;
      entity: string;
      kind: EntityKind;
      /** false for a numbered instrument the registry does not list (its id is derived) */
      known: boolean;
    }
  | { ok: false; query: string; suggestions: NameSuggestion[] };

const MAX_SUGGESTIONS = 5;

function resolved(index: NameIndex, entity: number): ResolveResult {
  const found = index.entities[entity]!;
  return { ok: true, entity: found.id, kind: found.kind, known: true };
}

function suggestions(index: NameIndex, name: string): NameSuggestion[] {
  const limit = Math.max(2, Math.ceil(name.length / 3));
  const best = new Map<number, NameSuggestion>();
  for (const [candidate, entity] of index.byName) {
    const distance = editDistance(name, candidate, limit);
    if (distance > limit) continue;
    const previous = best.get(entity);
    if (!previous || distance < previous.distance) {
      best.set(entity, { entity: index.entities[entity]!.id, name: candidate, distance });
    }
  }
  return [...best.values()]
    .sort((a, b) => a.distance - b.distance || a.entity.localeCompare(b.entity))
    .slice(0, MAX_SUGGESTIONS);
}

export function resolveName(index: NameIndex, query: string): ResolveResult {
  const trimmed = query.trim();
  const byId = index.byId.get(trimmed);
  if (byId !== undefined) return resolved(index, byId);
  const identifier = normalizeReference(trimmed);
  if (identifier !== null) {
    const known = index.byIdentifier.get(identifier);
    if (known) return resolved(index, known.entity);
    return { ok: true, entity: derivedInstrumentId(identifier), kind: 'instrument', known: false };
  }
  const name = phraseKeys(trimmed).join(' ');
  const byName = index.byName.get(name) ?? index.byName.get(name.replace(/'s$/, ''));
  if (byName !== undefined) return resolved(index, byName);
  return { ok: false, query, suggestions: suggestions(index, name) };
}
