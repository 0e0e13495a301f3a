/**
 * The schema of the key-action lexicon (`data/lexicon/key-actions.nl.yaml`): the language
 * knowledge behind actor roles, modality and deadlines. See the data file for the notation.
 */
import * as z from 'zod';

/** The slot of a list of actor mentions in a cue template: "roept {actors} op". */
export const ACTOR_SLOT = '{actors}';
/** A gap of any words within one clause in a modal phrase: "zouden ... moeten". */
export const CLAUSE_GAP = '...';

const Phrase = z.string().trim().min(1);
const Phrases = z.array(Phrase);

const ActorTemplate = Phrase.refine(
  (template) => template.split(ACTOR_SLOT).length === 2 && template !== ACTOR_SLOT,
  { message: `a template needs exactly one ${ACTOR_SLOT} slot and at least one word` },
);
const ActorTemplates = z.array(ActorTemplate);

export const KeyActionLexicon = z.strictObject({
  language: z.string().min(2),
  actorLists: z.strictObject({
    coordinators: Phrases.min(1),
    listMarkers: Phrases,
    determiners: Phrases,
    maxInsertionWords: z.int().min(0),
  }),
  roleCues: z.strictObject({
    support: ActorTemplates,
    partner: ActorTemplates,
  }),
  directives: z.strictObject({
    call: ActorTemplates,
    request: ActorTemplates,
    invitation: ActorTemplates,
  }),
  modalVerbs: z.strictObject({
    commitment: Phrases,
    recommendation: Phrases,
  }),
  deadlines: z.strictObject({
    qualifiers: z.strictObject({ by: Phrases, in: Phrases }),
    fillers: Phrases,
    numberContext: z.strictObject({ before: Phrases, after: Phrases }),
    ordinals: z.record(Phrase, z.int().min(1).max(4)),
    units: z.strictObject({ half: Phrases.min(1), quarter: Phrases.min(1) }),
    months: z.record(Phrase, z.int().min(1).max(12)),
  }),
});
export type KeyActionLexicon = z.infer<typeof KeyActionLexicon>;
