// Schemas of the console's routing and teamwork requests: pick, transfer, escalate, internal notes.
import * as v from 'valibot';
import { LIMITS } from './limits';

const id = v.pipe(v.string(), v.uuid('must be a UUID'));

/** Handover notes and internal notes share the message length limit. */
const noteText = v.pipe(v.string(), v.trim(), v.nonEmpty('note is empty'), v.maxLength(LIMITS.messageText));

export const TransferSchema = v.strictObject({
  conversationId: id,
  /** A named colleague, or a tier whose queue takes it (the account manager tier means this organisation's). */
  to: v.union([v.strictObject({ agentId: id }), v.strictObject({ tier: v.picklist(['L1', 'L2', 'account_manager']) })]),
  note: v.optional(noteText),
});

export const EscalateSchema = v.strictObject({
  conversationId: id,
  note: v.optional(noteText),
});

export const AddNoteSchema = v.strictObject({
  conversationId: id,
  clientId: id,
  text: noteText,
});
