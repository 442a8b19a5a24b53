import type { Profile } from '../profile/schema.ts';

/**
 * The question graph of a route: which questions exist, what each one's answer looks like, which
 * comes next, and how the answers become a profile. Routing only: no wording, no HTML, no
 * prompts — the web wizard and the interactive CLI each render the same graph their own way.
 */

/** "I don't know": every answer the profile allows to be unknown can be this. */
export const DONT_KNOW = 'unknown' as const;
export type DontKnow = typeof DONT_KNOW;

/** The kinds of input a question can have. `unknown: true` means "I don't know" is allowed. */
export type FieldKind =
  | { type: 'yesno'; unknown: boolean }
  | { type: 'choice'; options: readonly string[]; unknown: boolean }
  /** A calendar day, YYYY-MM-DD. */
  | { type: 'date'; unknown: boolean }
  /** A month, YYYY-MM; `present` allows "still ongoing" (the value "present"). */
  | { type: 'month'; present: boolean }
  /** An ISO 3166-1 alpha-3 country code. */
  | { type: 'country'; unknown: boolean }
  /** An amount of money in HK$, zero or more. */
  | { type: 'amount'; unknown: boolean }
  /** A number of years, 0 to 80, decimals allowed. */
  | { type: 'years'; unknown: boolean }
  /** A calendar year; left empty means unknown when allowed. */
  | { type: 'year'; unknown: boolean }
  /** Free text; left empty means unknown when allowed. */
  | { type: 'text'; unknown: boolean; maxLength: number }
  /** A list of short names (e.g. languages); empty means none. */
  | { type: 'textList'; unknown: boolean; maxItems: number; maxLength: number }
  /**
   * A Talent List profession: the id of a profession the list data holds, or a name typed when
   * the data does not hold it (the engine then keeps the person's word that they meet it).
   */
  | { type: 'profession'; unknown: boolean; maxLength: number };

/**
 * One input of a question. `onlyWhen` makes it relevant only when another input of the same
 * question has one of some values (e.g. "married?" only for a child).
 */
export type FieldSpec = FieldKind & {
  name: string;
  onlyWhen?: { field: string; in: readonly string[] };
};

export type FieldType = FieldSpec['type'];

/** The value of one field once parsed: never an empty string. */
export type FieldValue = boolean | number | string | readonly string[];

/** The answer to one question: a value per field. */
export type Answer = Readonly<Record<string, FieldValue>>;

/** The answers to a list question ("add another"): the items, and whether the person is done. */
export interface ListAnswer {
  items: readonly Answer[];
  done: boolean;
}

/** Every answer so far, by question id. Lists hold a ListAnswer. */
export type Answers = Readonly<Record<string, Answer | ListAnswer>>;

interface NodeBase {
  /** Stable id: part of the web address and of message keys; never personal data. */
  id: string;
  /** The profile fields this question fills, as the engine names them in `deciding`. */
  fields: readonly string[];
  /** Whether the question is asked, given the answers before it; always when absent. */
  when?: (answers: Answers) => boolean;
  /**
   * Whether it is a follow-up, asked because of an earlier answer (the degrees after "yes, I have
   * a degree"): by default, whether it has a `when`.
   */
  followUp?: boolean;
}

/** One page, one question (possibly with a few closely related inputs). */
export interface QuestionNode extends NodeBase {
  kind: 'question';
  inputs: readonly FieldSpec[];
  /** A default for the first visit (e.g. the submission date is today). */
  defaults?: (today: string) => Answer;
}

/** An "add another" list: items entered one per page, then a check page. */
export interface ListNode extends NodeBase {
  kind: 'list';
  item: readonly FieldSpec[];
  maxItems: number;
}

export type FlowNode = QuestionNode | ListNode;

/** A route's question graph. */
export interface Flow {
  routeId: string;
  nodes: readonly FlowNode[];
  /** The node whose answer is the submission date (YYYY-MM-DD in field `date`). */
  submissionNode: string;
  /**
   * Builds the profile from complete answers. Answers to questions no longer on the path are
   * ignored, so changing an earlier answer never leaves stale facts behind.
   */
  toProfile(answers: Answers): Profile;
  /**
   * The answers a profile stands for (the inverse of toProfile, for showing or editing a saved
   * profile): toProfile(fromProfile(p)) equals p for any profile the flow can produce.
   */
  fromProfile(profile: Profile): Answers;
  /**
   * Whether one input of a question (or of a list's items) is asked, given the answers so far;
   * every input is when absent. An input not asked leaves its fact unknown in the profile.
   */
  inputWhen?: (answers: Answers, node: FlowNode, spec: FieldSpec) => boolean;
}

export function isListAnswer(a: Answer | ListAnswer | undefined): a is ListAnswer {
  return a !== undefined && 'items' in a && Array.isArray((a as ListAnswer).items);
}
