/**
 * Groups the actor mentions of a text into lists of coordinated actors ("de lidstaten, Europol en
 * Frontex") with the text around each list, which the role cues are matched against.
 */
import type { KeyActionLexicon } from './lexicon-schema.js';
import { anyPhraseSource, FLAGS, memoizePerLexicon } from './patterns.js';
import type { TextMention } from './types.js';

export interface ActorList {
  members: TextMention[];
  /** the text from the preceding actor mention (or the text start) to the first member */
  before: string;
  /** the text from the last member to the following actor mention (or the text end) */
  after: string;
  /** the list opens the text: only determiners stand before it */
  atTextStart: boolean;
}

/** A run of mentions joined by list gaps, and the gap that separated it from the previous run. */
interface Run {
  members: TextMention[];
  opener: string;
}

const compileListGrammar = memoizePerLexicon(({ actorLists }: KeyActionLexicon) => {
  const glue = anyPhraseSource([...actorLists.coordinators, ...actorLists.listMarkers, ...actorLists.determiners]);
  return {
    listGap: new RegExp(`^(?:[\\s,()]|${glue})*$`, FLAGS),
    determinersOnly: new RegExp(`^(?:\\s|${anyPhraseSource(actorLists.determiners)})*$`, FLAGS),
    insertionClose: new RegExp(`^\\s*,\\s*${anyPhraseSource(actorLists.coordinators)}`, FLAGS),
    maxInsertionWords: actorLists.maxInsertionWords,
  };
});
type ListGrammar = ReturnType<typeof compileListGrammar>;

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

/** "en, binnen de grenzen van haar bevoegdheid, de": a short comma-enclosed phrase inside a list. */
function isInsertionGap(gap: string, grammar: ListGrammar): boolean {
  const pieces = gap.split(',');
  if (pieces.length < 3) return false;
  const inserted = pieces.slice(1, -1).join(',');
  const words = wordCount(inserted);
  return (
    grammar.listGap.test(pieces[0] ?? '') &&
    grammar.listGap.test(pieces.at(-1) ?? '') &&
    !/[.;:!?]/.test(inserted) &&
    words > 0 &&
    words <= grammar.maxInsertionWords
  );
}

function isListGap(gap: string, grammar: ListGrammar): boolean {
  return grammar.listGap.test(gap) || isInsertionGap(gap, grammar);
}

function splitIntoRuns(text: string, actors: TextMention[], grammar: ListGrammar): Run[] {
  const runs: Run[] = [];
  let reach = 0;
  for (const mention of actors) {
    const gap = text.slice(reach, mention.start);
    const current = runs.at(-1);
    if (current && isListGap(gap, grammar)) current.members.push(mention);
    else runs.push({ members: [mention], opener: gap });
    reach = Math.max(reach, mention.end);
  }
  return runs;
}

/**
 * "De lidstaten, bijgestaan door de Commissie, en EU-agentschappen": a run opened by a comma right
 * after another run is an inserted phrase; it ends at a comma followed by a coordinator, and the
 * members after that belong to the list the phrase interrupted.
 */
function rejoinInterruptedLists(text: string, runs: Run[], grammar: ListGrammar): Run[] {
  const owner = new Map<TextMention, Run>();
  for (const run of runs) for (const member of run.members) owner.set(member, run);
  runs.forEach((run, index) => {
    const interrupted = index > 0 ? owner.get(runs[index - 1]!.members.at(-1)!) : undefined;
    if (!interrupted || !/^\s*,/.test(run.opener)) return;
    const close = run.members.findIndex(
      (member, i) => i > 0 && grammar.insertionClose.test(text.slice(run.members[i - 1]!.end, member.start)),
    );
    if (close < 0) return;
    for (const member of run.members.splice(close)) {
      interrupted.members.push(member);
      owner.set(member, interrupted);
    }
  });
  return runs;
}

/** The lists of actor mentions in a text, in order of their first member. */
export function groupActorLists(text: string, mentions: readonly TextMention[], lexicon: KeyActionLexicon): ActorList[] {
  const grammar = compileListGrammar(lexicon);
  const actors = mentions
    .filter((mention) => mention.kind === 'actor')
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const position = new Map(actors.map((mention, index) => [mention, index]));
  return rejoinInterruptedLists(text, splitIntoRuns(text, actors, grammar), grammar).map(({ members }) => {
    const first = position.get(members[0]!)!;
    const last = position.get(members.at(-1)!)!;
    const before = text.slice(actors[first - 1]?.end ?? 0, members[0]!.start);
    return {
      members,
      before,
      after: text.slice(members.at(-1)!.end, actors[last + 1]?.start ?? text.length),
      atTextStart: first === 0 && grammar.determinersOnly.test(before),
    };
  });
}
