// Schemas of the webhook administration API: an endpoint's URL and the events it subscribes to.
import * as v from 'valibot';
import { WEBHOOK_EVENT_TYPES } from './webhook-events';

export const MAX_WEBHOOK_URL = 2000;
/** Webhooks one organisation may have. */
export const MAX_WEBHOOKS_PER_ORGANISATION = 20;

const url = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(MAX_WEBHOOK_URL),
  v.check((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'url must be an http or https URL'),
  v.check((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), 'url must not contain credentials'),
);

const events = v.pipe(
  v.array(v.picklist(WEBHOOK_EVENT_TYPES, 'unknown event type')),
  v.minLength(1, 'subscribe to at least one event'),
  v.maxLength(WEBHOOK_EVENT_TYPES.length),
  v.transform((list) => [...new Set(list)]),
);

export const CreateWebhookSchema = v.strictObject({ url, events });

export const UpdateWebhookSchema = v.pipe(
  v.strictObject({
    url: v.optional(url),
    events: v.optional(events),
    /** true turns a webhook disabled after failures back on; false pauses it. */
    active: v.optional(v.boolean()),
  }),
  v.check((patch) => Object.keys(patch).length > 0, 'nothing to change'),
);

export type CreateWebhookInput = v.InferOutput<typeof CreateWebhookSchema>;
export type UpdateWebhookInput = v.InferOutput<typeof UpdateWebhookSchema>;
