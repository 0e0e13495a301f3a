/**
 * The entity matcher: finds actor and instrument mentions in a text. It imports neither zod nor
 * yaml; it is built from a {@link CompiledRegistry} (see `registry-load.ts`).
 *
 * Matching rules
 * - Tokens, not characters: words are Unicode letter runs; keys ignore case and diacritics
 *   (`financiële` = `financiele`); hyphens between words and the spaces in a name are
 *   interchangeable ("EU-lidstaten" = "EU lidstaten", "Grens- en" = "Grens en").
 * - Leftmost, then longest: at each position the longest form wins, so "Europees Centrum tegen
 *   migrantensmokkel van Europol" is EMSC (not Europol), "Raad van Europa" the Council of
 *   Europe (not the Council), "Europese Raad" the European Council. A numbered reference
 *   (`Richtlijn 2011/36/EU`, `COM(2021) 591 final`, `Kamerstuk 22 112, nr. 2955`, `artikel
 *   197a WvSr`) is found by pattern (match `pattern`) and wins a tie; it resolves to the
 *   registry entry that lists its identifier, else to an id derived from the identifier
 *   (`celex:32099L0012`, `kst-22112-2955`). Registry `ignore` phrases ("in Nederland",
 *   "onderdanen van derde landen") consume their words without a mention.
 * - Case: each form has a rule (`any`, `initial`, `exact`, see `registry-schema.ts`). Acronyms
 *   that are also ordinary words (`OM`/"om", `EP`, `IND`, `BZ`, `EC`, `ICC`) are `ambiguous`:
 *   matched only as written and not when the nearest word on either side, on the same line, is
 *   an ALL-CAPS word that is no known acronym (a shouted title), except inside parentheses
 *   right after the entity's name.
 * - Inflection: forms listed as inflections (plural/singular) and a possessive `'s` on any
 *   form ("Europol's") give match `inflection`.
 * - Hyphenated compounds: a compound whose first part is a name counts as a mention of that
 *   entity (match `compound`, the surface is the whole compound) only when the entity has
 *   `compounds: true`: proper names of organisations and instruments (`Frontex-
 *   statusovereenkomsten`, `Europol-begroting`, `OM-capaciteit`, `IND-systeem`,
 *   `Empact-activiteiten`). Generic first parts (`EU-niveau`, `EU-recht`, `VN-sancties`) are
 *   no mention; a compound that is itself a listed form (`EU-lidstaten`, `EU-agentschappen`,
 *   `EU-delegaties`, `Eurodac-verordening`) matches as that form. The second part of a
 *   compound never starts a match ("Turkije" in "EU-Turkije").
 * - Suspended compounds (match `suspended`): "rechtshandhavings- en justitiële autoriteiten"
 *   completes the first part with the head of a following word ("rechtshandhavings" +
 *   "autoriteiten") and gives two mentions, law-enforcement and judicial authorities;
 *   "politiële en justitiële autoriteiten" does the same for a left-out first word. When both
 *   parts name the same entity ("bron- en transitlanden") it is one mention. A listed name
 *   that contains the suspension ("Europees Grens- en kustwachtagentschap") simply matches.
 * - Apposition: a name followed by the same entity's acronym or name in parentheses is one
 *   mention ("het Europees Grens- en kustwachtagentschap (Frontex)").
 * - Typos: registry misspellings (match `misspelling`); and a guarded fuzzy match (match
 *   `fuzzy`) of a capitalised word of 4+ letters that matched nothing, is not at a sentence or
 *   line start, shares its first letter with the target and is one edit away from exactly
 *   one single-word name or acronym (an ALL-CAPS one not by substitution): "Cpol" -> Cepol.
 *   Lower-case words are never matched fuzzily.
 * - URLs, e-mail addresses, domain names and long paths are never matched inside.
 */
import type { CompiledEntity, CompiledRegistry } from './compiled.js';
import { buildEntityIndex, type EntityIndex } from './entity-index.js';
import { lookupKeys, normalizeReference } from './references.js';
import { resolveName, type ResolveResult } from './resolve.js';
import { MentionScan, type ScanContext, type TextMention } from './scan.js';
import { findUnknownOrganisations, type UnknownOrganisation } from './unknown-organisations.js';

export type { TextMention } from './scan.js';
export type { NameSuggestion, ResolveResult } from './resolve.js';
export type { UnknownOrganisation } from './unknown-organisations.js';
export { normalizeReference } from './references.js';

export interface MatcherOptions {
  /**
   * The corpus documents with their official reference (the manifest's `reference`): an
   * instrument mention whose identifier is one of them gets that `document` id.
   */
  documents?: ReadonlyArray<{ id: string; reference: string | null }>;
}

export interface Matcher {
  /** Mentions in `text`, sorted by start, non-overlapping; offsets are UTF-16 offsets into `text`. */
  match(text: string): TextMention[];
  /** Canonical id for a name, alias, acronym, id or numbered reference, or suggestions. */
  resolveName(query: string): ResolveResult;
  /** Organisation names and acronyms in `text` that the registry does not know (pass the mentions already found to save a second match). */
  findUnknownOrganisations(text: string, mentions?: readonly TextMention[]): UnknownOrganisation[];
  /** The registry entry with this id. */
  entity(id: string): CompiledEntity | undefined;
}

function documentContext(index: EntityIndex, options: MatcherOptions): ScanContext {
  const documentOfIdentifier = new Map<string, string>();
  for (const { id, reference } of options.documents ?? []) {
    const identifier = reference === null ? null : normalizeReference(reference);
    if (identifier !== null) for (const key of lookupKeys(identifier)) documentOfIdentifier.set(key, id);
  }
  const documentOfEntity = index.entities.map((entity) =>
    entity.identifiers.flatMap(lookupKeys).map((key) => documentOfIdentifier.get(key)).find((id) => id !== undefined),
  );
  return { index, documentOfEntity, documentOfIdentifier };
}

export function createMatcher(registry: CompiledRegistry, options: MatcherOptions = {}): Matcher {
  const index = buildEntityIndex(registry);
  const context = documentContext(index, options);
  const isKnownForm = (keys: string[]) => {
    let node = index.root;
    for (const key of keys) {
      const next = node.next?.get(key);
      if (!next) return false;
      node = next;
    }
    return node.forms !== null;
  };
  const match = (text: string): TextMention[] => new MentionScan(context, text).run();
  return {
    match,
    resolveName: (query) => resolveName(index, query),
    findUnknownOrganisations: (text, mentions = match(text)) => findUnknownOrganisations(text, mentions, isKnownForm),
    entity: (id) => {
      const at = index.byId.get(id);
      return at === undefined ? undefined : index.entities[at];
    },
  };
}
