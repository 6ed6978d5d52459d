// Schemas of the accounts API: passwords, sign-in codes, one-time links, sessions and invites.
import * as v from 'valibot';
import { CreateAgentSchema } from './admin-schemas';
import { LIMITS } from './limits';
import { TotpCodeSchema } from './schemas';
import { CONSOLE_LOCALES } from './account-model';
import { TimeZoneNameSchema } from './time-zone';

export const MIN_PASSWORD_LENGTH = 10;

export const NewPasswordSchema = v.pipe(
  v.string(),
  v.minLength(MIN_PASSWORD_LENGTH, `password needs at least ${MIN_PASSWORD_LENGTH} characters`),
  v.maxLength(LIMITS.password),
);

/** `PUT /api/auth/locale`: the console's language for this agent, saved with the account. */
export const SetLocaleSchema = v.strictObject({ locale: v.picklist(CONSOLE_LOCALES, 'must be en or zh-CN') });

/** `PUT /api/auth/time-zone`: the agent's time zone (an IANA name), saved with the account; null: the browser's. */
export const SetTimeZoneSchema = v.strictObject({ timeZone: v.nullable(TimeZoneNameSchema) });

export const ChangePasswordSchema = v.strictObject({
  currentPassword: v.pipe(v.string(), v.nonEmpty('currentPassword is empty'), v.maxLength(LIMITS.password)),
  newPassword: NewPasswordSchema,
});

/** A link token as issued: 43 base64url characters (32 random bytes). */
export const LinkTokenSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, 'token: not a link token'));

export const LinkInfoSchema = v.strictObject({ token: LinkTokenSchema });

export const SetPasswordSchema = v.strictObject({ token: LinkTokenSchema, password: NewPasswordSchema });

export const TwoFactorCodeSchema = v.strictObject({ code: TotpCodeSchema });

/** Session ids: UUIDs, or (sessions from before accounts existed) the 43-character hash they were given. */
export const SessionIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{36,43}$/, 'not a session id'));

/** An invite: the new agent's record, without a password (they choose it through the link). */
export const InviteAgentSchema = v.omit(CreateAgentSchema, ['password']);

export type ChangePasswordInput = v.InferOutput<typeof ChangePasswordSchema>;
export type InviteAgentInput = v.InferOutput<typeof InviteAgentSchema>;
