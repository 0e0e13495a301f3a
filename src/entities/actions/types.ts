import type { ActorRole, Deadline, Modality } from '../../document/model.js';
import type { TextMention as MatchedMention } from '../scan.js';

/** What the analysis needs of a mention found by the entity matcher (UTF-16 offsets into the text). */
export type TextMention = Pick<MatchedMention, 'entity' | 'kind' | 'surface' | 'start' | 'end'>;

/** A text with the entity mentions found in it. */
export interface MentionedText {
  text: string;
  mentions: TextMention[];
}

/** One bullet of a key-action list with the lead-in of its group. */
export interface KeyActionInput {
  /** the actor lead-in, verbatim including the final ':' ("De Commissie zal:"), or null */
  leadIn: MentionedText | null;
  /** the bullet text without its marker */
  item: MentionedText;
}

/** What a key action says: who does what to whom, how binding, and by when. */
export interface KeyActionSemantics {
  actors: ActorRole[];
  modality: Modality;
  /** deadlines of the lead-in (offsets into the lead-in text), then of the item (offsets into the item text) */
  deadlines: Deadline[];
  /** the deadline with the earliest period end, or null */
  deadline: Deadline | null;
}

export type Role = ActorRole['role'];
export type DirectiveModality = Extract<Modality, 'call' | 'request' | 'invitation'>;
