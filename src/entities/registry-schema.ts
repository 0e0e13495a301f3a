/**
 * The registry file format: actors and instruments with their names, as YAML data that a user
 * can extend without touching code (`corpus/registry/*.yaml`).
 *
 * Every object is closed (unknown fields are errors). A file holds `actors`, `instruments` or
 * both, plus `ignore` phrases. Forms of a name:
 * - `names`: canonical names and aliases (match kind `name`); `label.nl` is always a name too,
 *   `label.en` is used by `resolveName` and suggestions only (the texts are Dutch).
 * - `acronyms`: matched as written (case-sensitive) by default (match kind `acronym`).
 * - `inflections`: other grammatical forms, e.g. a plural or singular (match kind `inflection`);
 *   possessive `'s` is recognised without being listed.
 * - `misspellings`: known misspellings found in real texts (match kind `misspelling`).
 * A form is a string or `{ text, case, ambiguous }`:
 * - `case: any` (default for names, inflections and misspellings) ignores case and diacritics;
 *   `initial` requires an upper-case first letter ("Raad" the Council, not "raad" advice);
 *   `exact` requires the letters as written (default for acronyms).
 * - `ambiguous: true` marks a form that is also an ordinary word ("OM" / "om"): it is matched
 *   only as written and not among other ALL-CAPS words (a shouted title line).
 * `compounds: true` makes a hyphenated compound with a name as its first part a mention
 * (`Frontex-statusovereenkomsten`); false for generic first parts (`EU-niveau`, `VN-sancties`).
 * `examples` are short phrases that must be found as a mention of the entity (tested).
 */
import * as z from 'zod';

export const REGISTRY_FILE_VERSION = 1;

export const EntityId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is kebab-case: lower-case letters and digits joined by single hyphens')
  .describe('canonical id (kebab-case), stable across registry versions');

export const CaseRule = z
  .enum(['any', 'initial', 'exact'])
  .describe('any: ignore case and diacritics; initial: upper-case first letter; exact: as written');

export const FormObject = z
  .strictObject({
    text: z.string().min(1),
    case: CaseRule.optional(),
    ambiguous: z
      .boolean()
      .optional()
      .describe('also an ordinary word: matched only as written and not inside ALL-CAPS text'),
  })
  .meta({ id: 'RegistryForm' });
export const Form = z.union([z.string().min(1), FormObject]).describe('a name form: text, or text with case rules');
export type Form = z.infer<typeof Form>;

export const Label = z
  .strictObject({
    nl: z.string().min(1).describe('Dutch label; also matched as a name'),
    en: z.string().min(1).describe('English label; used for name resolution and suggestions'),
  })
  .meta({ id: 'RegistryLabel' });

const forms = (description: string) => z.array(Form).default([]).describe(description);

/** Fields shared by actors and instruments. */
const entityFields = {
  id: EntityId,
  label: Label,
  parent: EntityId.optional().describe('the registry entry this one belongs to'),
  names: forms('canonical names and aliases'),
  acronyms: forms('acronyms, matched as written unless a case rule says otherwise'),
  inflections: forms('other grammatical forms of the names (plural, singular)'),
  misspellings: forms('known misspellings found in texts'),
  compounds: z
    .boolean()
    .default(false)
    .describe('a hyphenated compound with a name as its first part counts as a mention'),
  examples: z.array(z.string().min(1)).default([]).describe('phrases that must match this entity'),
  note: z.string().optional().describe('why the entry is as it is'),
};

export const ActorType = z.enum([
  'eu-institution',
  'eu-agency',
  'eu-body', // a body, office, unit or network of the EU
  'eu-mission', // a CSDP mission or operation
  'member-states',
  'dutch-authority',
  'national-authority',
  'international-organisation',
  'third-country', // a country or region outside the EU
  'civil-society',
  'private-sector',
  'generic',
]);
export type ActorType = z.infer<typeof ActorType>;

export const Actor = z
  .strictObject({
    ...entityFields,
    type: ActorType,
    generic: z
      .boolean()
      .default(false)
      .describe('a group of organisations ("EU-agentschappen", "derde landen"), not one organisation'),
  })
  .meta({ id: 'RegistryActor', description: 'An organisation or group of organisations acting in the texts.' });
export type Actor = z.infer<typeof Actor>;

export const InstrumentType = z.enum([
  'directive',
  'regulation',
  'decision',
  'framework-decision',
  'legislative-package',
  'legislative-proposal',
  'communication',
  'strategy',
  'action-plan',
  'staff-working-document',
  'guidance',
  'report',
  'treaty',
  'convention',
  'protocol',
  'fund',
  'programme',
  'platform',
  'cooperation-framework',
  'information-system',
  'sanctions-regime',
  'policy',
  'statement',
  'national-law',
  'parliamentary-paper',
  'other',
]);
export type InstrumentType = z.infer<typeof InstrumentType>;

export const Instrument = z
  .strictObject({
    ...entityFields,
    type: InstrumentType,
    identifiers: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'printed or normalised references (COM(2021) 591 final, 32011L0036, Kamerstuk 28 638, nr. 235); the first is the primary one',
      ),
  })
  .meta({ id: 'RegistryInstrument', description: 'A legal act, document, fund, programme or other instrument.' });
export type Instrument = z.infer<typeof Instrument>;

export const RegistryFile = z
  .strictObject({
    version: z.literal(REGISTRY_FILE_VERSION),
    actors: z.array(Actor).default([]),
    instruments: z.array(Instrument).default([]),
    ignore: z
      .array(z.string().min(1))
      .default([])
      .describe('phrases that contain a name but mention no entity ("in Nederland", "onderdanen van derde landen")'),
  })
  .meta({ id: 'RegistryFile', title: 'smuggle-corpus entity registry file' });
export type RegistryFile = z.infer<typeof RegistryFile>;
