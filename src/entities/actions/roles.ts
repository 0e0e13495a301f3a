/**
 * Actor roles of a key action. Pure: the lexicon is an argument.
 * - lead: the acting subject (of the lead-in, or of the bullet when the lead-in names none)
 * - addressee: called upon, requested or invited (a directive cue, active or passive)
 * - support: "met (de) steun van", "bijgestaan door", "met financiële bijstand van", ...
 * - partner: "samen met", "in samenwerking met", "met ... samenwerken", ...
 * - mentioned: named without any of these functions (an object, a clause subject, a possessor:
 *   "het mandaat van Europol", "de lidstaten verder ondersteunen")
 */
import type { ActorRole } from '../../document/model.js';
import { type ActorList, groupActorLists } from './actor-lists.js';
import type { KeyActionLexicon } from './lexicon-schema.js';
import { anyPhraseSource, FLAGS, memoizePerLexicon, splitTemplate, WORD_END, WORD_START, wordsSource } from './patterns.js';
import type { DirectiveModality, MentionedText, Role, TextMention } from './types.js';

/** Strongest first: an actor named several times keeps its strongest role. */
const ROLE_STRENGTH: readonly Role[] = ['lead', 'addressee', 'support', 'partner', 'mentioned'];

export interface RoleAssignment {
  mention: TextMention;
  role: Role;
  /** the directive that made the actor an addressee ("roept ... op": call), else null */
  directive: DirectiveModality | null;
}

export interface TextRoles {
  assignments: RoleAssignment[];
  /** the text opens with its acting (or, when passive, addressed) subject */
  hasSubject: boolean;
}

interface RoleCue {
  role: Role;
  directive: DirectiveModality | null;
  /** matched against the text before the list: the cue words, then only determiners */
  before: RegExp | null;
  /** matched against the text after the list: the cue words right after it */
  after: RegExp | null;
}

const compileRoleCues = memoizePerLexicon((lexicon: KeyActionLexicon): RoleCue[] => {
  const determiners = anyPhraseSource(lexicon.actorLists.determiners);
  const cue = (template: string, role: Role, directive: DirectiveModality | null = null): RoleCue => {
    const words = splitTemplate(template);
    return {
      role,
      directive,
      before: words.before
        ? new RegExp(`${WORD_START}${wordsSource(words.before)}(?:\\s+${determiners})*\\s*$`, FLAGS)
        : null,
      after: words.after ? new RegExp(`^\\s*${wordsSource(words.after)}${WORD_END}`, FLAGS) : null,
    };
  };
  const { directives, roleCues } = lexicon;
  return [
    ...directives.call.map((template) => cue(template, 'addressee', 'call')),
    ...directives.request.map((template) => cue(template, 'addressee', 'request')),
    ...directives.invitation.map((template) => cue(template, 'addressee', 'invitation')),
    ...roleCues.support.map((template) => cue(template, 'support')),
    ...roleCues.partner.map((template) => cue(template, 'partner')),
  ];
});

function matchingCue(list: ActorList, cues: readonly RoleCue[]): RoleCue | undefined {
  return cues.find(
    (cue) => (cue.before === null || cue.before.test(list.before)) && (cue.after === null || cue.after.test(list.after)),
  );
}

/**
 * The roles of the actors named in one text. A cue around a list decides its role; otherwise the
 * list that opens the text is the subject (lead) when `subjectAllowed`; any other actor is mentioned.
 */
export function assignRoles(text: MentionedText, lexicon: KeyActionLexicon, subjectAllowed: boolean): TextRoles {
  const cues = compileRoleCues(lexicon);
  const lists = groupActorLists(text.text, text.mentions, lexicon);
  const subject = subjectAllowed ? lists.find((list) => list.atTextStart) : undefined;
  const assignments = lists.flatMap((list) => {
    const cue = matchingCue(list, cues);
    const role: Role = cue?.role ?? (list === subject ? 'lead' : 'mentioned');
    const directive = cue?.directive ?? null;
    return list.members.map((mention) => ({ mention, role, directive }));
  });
  return {
    assignments: assignments.sort((a, b) => a.mention.start - b.mention.start),
    hasSubject: subject !== undefined,
  };
}

/** One role per actor, the strongest; listed where that role was found (lead-in first). */
export function mergeActorRoles(found: ReadonlyArray<{ source: ActorRole['source']; assignment: RoleAssignment }>): ActorRole[] {
  const strongest = new Map<string, number>();
  found.forEach(({ assignment }, index) => {
    const best = strongest.get(assignment.mention.entity);
    const bestStrength = best === undefined ? Infinity : ROLE_STRENGTH.indexOf(found[best]!.assignment.role);
    if (ROLE_STRENGTH.indexOf(assignment.role) < bestStrength) strongest.set(assignment.mention.entity, index);
  });
  return [...strongest.values()]
    .sort((a, b) => a - b)
    .map((index) => {
      const { source, assignment } = found[index]!;
      return { entity: assignment.mention.entity, role: assignment.role, source, surface: assignment.mention.surface };
    });
}
