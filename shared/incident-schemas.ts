// Runtime schemas of incident requests from the console: one update to every affected user, and resolving.
import * as v from 'valibot';

export const IncidentUpdateInputSchema = v.strictObject({
  text: v.pipe(v.string(), v.trim(), v.nonEmpty('Write the update'), v.maxLength(2_000)),
  /** A resend with the same id posts nothing twice. */
  clientId: v.optional(v.pipe(v.string(), v.minLength(8), v.maxLength(64))),
});
export type IncidentUpdateInput = v.InferOutput<typeof IncidentUpdateInputSchema>;
