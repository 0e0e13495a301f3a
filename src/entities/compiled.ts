/**
 * The compiled registry: a plain JSON-serialisable object that the matcher is built from, so a
 * query can resolve names without loading yaml or zod. Produced by `registry-load.ts`.
 */

/** Bump when the compiled shape or the meaning of its fields changes (it is part of the hash). */
export const COMPILED_REGISTRY_FORMAT = 1;

export type EntityKind = 'actor' | 'instrument';
export type FormOrigin = 'name' | 'acronym' | 'inflection' | 'misspelling';
export type CaseRule = 'any' | 'initial' | 'exact';

export interface CompiledForm {
  text: string;
  origin: FormOrigin;
  case: CaseRule;
  ambiguous: boolean;
}

export interface CompiledEntity {
  id: string;
  kind: EntityKind;
  /** an ActorType or InstrumentType */
  type: string;
  /** a group of organisations rather than one */
  generic: boolean;
  label: { nl: string; en: string };
  parent: string | null;
  compounds: boolean;
  /** normalised identifiers (instruments), primary first */
  identifiers: string[];
  /** every matchable form, `label.nl` first */
  forms: CompiledForm[];
  examples: string[];
}

export interface CompiledRegistry {
  format: typeof COMPILED_REGISTRY_FORMAT;
  /** sha256 of the registry sources, for cache invalidation */
  hash: string;
  /** the source file names, in load order */
  sources: string[];
  entities: CompiledEntity[];
  /** phrases that contain a name but mention no entity */
  ignore: string[];
}
