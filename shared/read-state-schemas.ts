// Runtime schemas of the read-state requests (read:mark, read:fetch), shared by server and clients.
import * as v from 'valibot';
import { LIMITS } from './limits';

const id = v.pipe(v.string(), v.uuid('must be a UUID'));

export const MarkReadSchema = v.strictObject({
  conversationId: id,
  /** Everything up to and including this seq has been seen; larger than the conversation's last seq is clamped. */
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const FetchReadsSchema = v.strictObject({
  conversationIds: v.pipe(v.array(id), v.maxLength(LIMITS.historyPage, `at most ${LIMITS.historyPage} conversations`)),
});
