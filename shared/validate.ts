// One way to run a schema on untrusted input: a typed value or a 'bad_request' error naming the field.
import * as v from 'valibot';
import { fail, ok, type Result } from './errors';

export function validate<S extends v.GenericSchema>(schema: S, input: unknown): Result<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, input);
  if (parsed.success) return ok(parsed.output);
  const issue = parsed.issues[0];
  const path = v.getDotPath(issue);
  return fail('bad_request', path ? `${path}: ${issue.message}` : issue.message);
}
