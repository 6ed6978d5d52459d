// How urgent a chat is: the user's plain-language urgency choice plus the classroom context give P1–P4.
// Shared so the widget offers exactly the choices the server understands.

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** What the user says about their problem before the first message; the wording is theirs, not ours. */
export const URGENCIES = ['class_stopped', 'cannot_take_part', 'not_working_well', 'question'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The choices as the widget shows them, most urgent first. */
export const URGENCY_LABELS: Record<Urgency, string> = {
  class_stopped: 'The whole class cannot continue',
  cannot_take_part: 'I cannot take part right now',
  not_working_well: 'Something is not working well',
  question: 'I have a question',
};

const URGENCY_PRIORITY: Record<Urgency, Priority> = {
  class_stopped: 'P1',
  cannot_take_part: 'P2',
  not_working_well: 'P3',
  question: 'P4',
};

/** Without a choice a chat counts as "something is not working well". */
export const DEFAULT_URGENCY: Urgency = 'not_working_well';

export interface PriorityContext {
  role?: 'student' | 'teacher' | null;
  /** The host app says the user's live class is running right now. */
  liveClass?: boolean;
}

/**
 * The chat's priority. The user's choice sets the base; a class running right now makes it one step more
 * urgent (the lesson is being lost while they wait), and for a teacher one more (their problem stops
 * everyone in the room). Never above P1. So a teacher in a running class outranks a homework question.
 */
export function chatPriority(urgency: Urgency | null | undefined, context: PriorityContext): Priority {
  let rank = PRIORITIES.indexOf(URGENCY_PRIORITY[urgency ?? DEFAULT_URGENCY]);
  if (context.liveClass) rank -= context.role === 'teacher' ? 2 : 1;
  return PRIORITIES[Math.max(0, rank)] as Priority;
}

/** Sort key: P1 first. */
export const priorityRank = (priority: Priority): number => PRIORITIES.indexOf(priority);
