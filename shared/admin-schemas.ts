// Schemas of the administration API (agents, organisations, canned replies): every admin input is checked here.
import * as v from 'valibot';
import { LIMITS } from './limits';

export const MAX_AGENT_CAPACITY = 20;

const name = v.pipe(v.string(), v.trim(), v.nonEmpty('name is empty'), v.maxLength(LIMITS.name));
const role = v.picklist(['agent', 'supervisor', 'admin']);
const tier = v.picklist(['L1', 'L2', 'account_manager']);
const capacity = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_AGENT_CAPACITY));

export const CreateAgentSchema = v.strictObject({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(LIMITS.email), v.email('not an email address')),
  name,
  role,
  tier,
  capacity: v.optional(capacity),
  /** Without one the server generates a first password and returns it once. */
  password: v.optional(v.pipe(v.string(), v.minLength(10, 'password needs at least 10 characters'), v.maxLength(LIMITS.password))),
});

export const UpdateAgentSchema = v.pipe(
  v.strictObject({
    name: v.optional(name),
    role: v.optional(role),
    tier: v.optional(tier),
    capacity: v.optional(capacity),
    /** false deactivates: sessions end, consoles are disconnected, chats go back to the queue. */
    active: v.optional(v.boolean()),
  }),
  v.check((patch) => Object.keys(patch).length > 0, 'nothing to change'),
);

/** Exactly an origin ("https://school.example" or with a port), as browsers send it: no path, no trailing slash. */
const origin = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(253),
  v.check((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'must be an origin like https://school.example (scheme, host and optional port only)'),
);

const organisationFields = {
  name,
  allowedOrigins: v.pipe(v.array(origin), v.maxLength(50, 'at most 50 origins')),
  identityRequired: v.boolean(),
  accountManagerId: v.nullable(v.pipe(v.string(), v.uuid('must be a UUID'))),
  hotline: v.nullable(v.pipe(v.string(), v.trim(), v.nonEmpty('hotline is empty; send null for none'), v.maxLength(40))),
  supportPlanId: v.nullable(v.pipe(v.string(), v.uuid('must be a UUID'))),
};

export const CreateOrganisationSchema = v.strictObject({
  name: organisationFields.name,
  allowedOrigins: v.optional(organisationFields.allowedOrigins, []),
  identityRequired: v.optional(organisationFields.identityRequired, true),
  accountManagerId: v.optional(organisationFields.accountManagerId, null),
  hotline: v.optional(organisationFields.hotline, null),
  supportPlanId: v.optional(organisationFields.supportPlanId, null),
});

export const UpdateOrganisationSchema = v.pipe(
  v.strictObject({
    name: v.optional(organisationFields.name),
    allowedOrigins: v.optional(organisationFields.allowedOrigins),
    identityRequired: v.optional(organisationFields.identityRequired),
    accountManagerId: v.optional(organisationFields.accountManagerId),
    hotline: v.optional(organisationFields.hotline),
    supportPlanId: v.optional(organisationFields.supportPlanId),
  }),
  v.check((patch) => Object.keys(patch).length > 0, 'nothing to change'),
);

export const CannedReplySchema = v.strictObject({
  shortcut: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'shortcut: 1–32 letters, digits or dashes')),
  title: v.pipe(v.string(), v.trim(), v.nonEmpty('title is empty'), v.maxLength(120)),
  text: v.pipe(v.string(), v.trim(), v.nonEmpty('text is empty'), v.maxLength(LIMITS.messageText)),
  locale: v.optional(v.picklist(['en', 'zh-CN'], 'locale must be en or zh-CN'), 'en'),
});

/** Ids in REST paths. */
export const PathIdSchema = v.pipe(v.string(), v.uuid('must be a UUID'));

export type CreateAgentInput = v.InferOutput<typeof CreateAgentSchema>;
export type UpdateAgentInput = v.InferOutput<typeof UpdateAgentSchema>;
export type CreateOrganisationInput = v.InferOutput<typeof CreateOrganisationSchema>;
export type UpdateOrganisationInput = v.InferOutput<typeof UpdateOrganisationSchema>;
export type CannedReplyInput = v.InferOutput<typeof CannedReplySchema>;
