// Runtime schemas for every inbound payload (socket events and HTTP bodies); server and clients share them.
import * as v from 'valibot';
import { URGENCIES } from './chat-priority';
import { LIMITS } from './limits';

const id = v.pipe(v.string(), v.uuid('must be a UUID'));
const shortText = v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.contextValue));
const seq = v.pipe(v.number(), v.integer(), v.minValue(0));

export const UserRoleSchema = v.picklist(['student', 'teacher']);

/** Context the widget reports. Organisation, and role/classroom of verified users, come from the server. */
export const ClientContextSchema = v.strictObject({
  classroomId: v.optional(shortText),
  role: v.optional(UserRoleSchema),
  browser: v.optional(shortText),
  os: v.optional(shortText),
  pageUrl: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  hostApp: v.optional(shortText),
  hostAppVersion: v.optional(shortText),
  sdkVersion: v.optional(shortText),
  liveClass: v.optional(v.boolean()),
  /** The language the widget shows (BCP 47, e.g. 'zh-CN'): agents see it, and canned replies follow it. */
  locale: v.optional(
    v.pipe(v.string(), v.trim(), v.maxLength(35), v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag such as zh-CN')),
  ),
  network: v.optional(
    v.strictObject({
      rttMs: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(600_000))),
      packetLossPct: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(100))),
      jitterMs: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(600_000))),
    }),
  ),
  extra: v.optional(
    v.pipe(
      v.record(v.pipe(v.string(), v.maxLength(64)), v.union([v.pipe(v.string(), v.maxLength(LIMITS.contextValue)), v.number(), v.boolean()])),
      v.check((r) => Object.keys(r).length <= LIMITS.contextExtraKeys, `at most ${LIMITS.contextExtraKeys} extra fields`),
    ),
  ),
});
export type ClientContext = v.InferOutput<typeof ClientContextSchema>;

export const StartConversationSchema = v.strictObject({
  clientId: id,
  context: ClientContextSchema,
  /** The user's own answer to "how much is this stopping you?"; sets the chat's priority. */
  urgency: v.optional(v.picklist(URGENCIES)),
  /** Started from a proactive offer: 'quality' when the widget's "connection looks unstable" notice was used. */
  proactive: v.optional(v.picklist(['quality'])),
});

export const SendMessageSchema = v.strictObject({
  conversationId: id,
  clientId: id,
  text: v.pipe(v.string(), v.trim(), v.nonEmpty('message is empty'), v.maxLength(LIMITS.messageText)),
});

export const FetchHistorySchema = v.strictObject({
  conversationId: id,
  afterSeq: seq,
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.historyPage))),
});

export const TypingSchema = v.strictObject({
  conversationId: id,
  typing: v.boolean(),
});

export const UpdateContextSchema = v.strictObject({
  conversationId: id,
  context: ClientContextSchema,
});

export const ConversationRefSchema = v.strictObject({ conversationId: id });

export const SetPresenceSchema = v.strictObject({ available: v.boolean() });

/** Six digits from an authenticator app (two-factor sign-in). */
export const TotpCodeSchema = v.pipe(v.string(), v.trim(), v.regex(/^\d{6}$/, 'code: the 6 digits your authenticator app shows'));

export const SignInSchema = v.strictObject({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(LIMITS.email), v.email('not an email address')),
  password: v.pipe(v.string(), v.minLength(1, 'password is empty'), v.maxLength(LIMITS.password)),
  /** The authenticator's code, for accounts with two-factor sign-in (asked for after the password). */
  code: v.optional(TotpCodeSchema),
});

/** Handshake `auth` of the visitor namespace. */
export const VisitorAuthSchema = v.strictObject({
  appKey: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  /** Signed identity JWT from the host app's backend. */
  token: v.optional(v.pipe(v.string(), v.maxLength(4096))),
  /** Bearer token of an anonymous visitor, issued earlier by the server. */
  visitorToken: v.optional(v.pipe(v.string(), v.maxLength(256))),
  /** Self-declared name of an anonymous visitor (shown as unverified). */
  name: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.name))),
});

const EmailSchema = v.pipe(v.string(), v.email());

/** Claims of the identity JWT signed by the host app's backend (HS256). */
export const IdentityClaimsSchema = v.object({
  sub: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.name)),
  role: UserRoleSchema,
  classroom: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.contextValue))),
  /** Where support's unread replies are emailed; a malformed address is ignored, not a refused token. */
  email: v.pipe(
    v.optional(v.unknown()),
    v.transform((value) => (typeof value === 'string' && value.length <= LIMITS.email && v.is(EmailSchema, value.trim()) ? value.trim() : undefined)),
  ),
  exp: v.number(),
  iat: v.optional(v.number()),
});
