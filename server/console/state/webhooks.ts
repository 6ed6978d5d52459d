// One organisation's webhooks as the admin screen shows them: the list, a secret just issued (shown once),
// the delivery log of the webhook opened, and what is in progress.
import { atom } from 'nanostores';
import type { AdminWebhook, WebhookDeliveryView, WebhookEventType } from '../../../shared/webhook-events';
import type { Result } from '../../../shared/errors';
import { webhookApi } from '../webhook-api';
import { texts } from '../i18n/i18n';

const webhookTexts = texts('webhooks');
const words = () => webhookTexts.get();

export interface WebhooksState {
  organisationId: string | null;
  items: AdminWebhook[] | null;
  busy: boolean;
  error: string | null;
  /** "Secret for <url>: whsec_…", until dismissed. */
  issued: string | null;
  /** The webhook whose delivery log is open, and the log. */
  logOf: string | null;
  log: WebhookDeliveryView[] | null;
  notice: string | null;
}

const empty: WebhooksState = { organisationId: null, items: null, busy: false, error: null, issued: null, logOf: null, log: null, notice: null };
export const $webhooks = atom<WebhooksState>(empty);

const patch = (change: Partial<WebhooksState>) => $webhooks.set({ ...$webhooks.get(), ...change });

async function run<T>(work: () => Promise<Result<T>>, done: (data: T) => Partial<WebhooksState>): Promise<boolean> {
  patch({ busy: true, error: null, notice: null });
  const result = await work();
  if (!result.ok) {
    patch({ busy: false, error: result.error.message });
    return false;
  }
  patch({ busy: false, ...done(result.data) });
  return true;
}

export async function loadWebhooks(organisationId: string): Promise<void> {
  $webhooks.set({ ...empty, organisationId, busy: true });
  await run(
    () => webhookApi.list(organisationId),
    (items) => ({ items }),
  );
}

const replace = (webhook: AdminWebhook) => $webhooks.get().items?.map((w) => (w.id === webhook.id ? webhook : w)) ?? null;
const org = () => $webhooks.get().organisationId ?? '';

export const createWebhook = (url: string, events: WebhookEventType[]) =>
  run(
    () => webhookApi.create(org(), { url, events }),
    ({ webhook, secret }) => ({ items: [...($webhooks.get().items ?? []), webhook], issued: words().secretFor({ url: webhook.url, secret }) }),
  );

export const setWebhookActive = (id: string, active: boolean) =>
  run(
    () => webhookApi.update(org(), id, { active }),
    (webhook) => ({ items: replace(webhook), notice: active ? words().turnedOn : words().pausedNotice }),
  );

export const saveWebhookEvents = (id: string, events: WebhookEventType[]) =>
  run(
    () => webhookApi.update(org(), id, { events }),
    (webhook) => ({ items: replace(webhook), notice: words().eventsSaved }),
  );

export const rotateWebhookSecret = (id: string) =>
  run(
    () => webhookApi.rotate(org(), id),
    ({ webhook, secret }) => ({ items: replace(webhook), issued: words().newSecretFor({ url: webhook.url, secret }) }),
  );

export const deleteWebhook = (id: string) =>
  run(
    () => webhookApi.remove(org(), id),
    (webhook) => ({
      items: $webhooks.get().items?.filter((w) => w.id !== webhook.id) ?? null,
      ...($webhooks.get().logOf === id ? { logOf: null, log: null } : {}),
      notice: words().deleted,
    }),
  );

export async function openDeliveryLog(id: string | null): Promise<void> {
  if (id === null) return patch({ logOf: null, log: null });
  patch({ logOf: id, log: null });
  await run(
    () => webhookApi.deliveries(org(), id),
    (log) => ($webhooks.get().logOf === id ? { log } : {}),
  );
}

export async function resendDelivery(webhookId: string, deliveryId: string): Promise<void> {
  const ok = await run(
    () => webhookApi.resend(org(), webhookId, deliveryId),
    () => ({ notice: words().resent }),
  );
  if (ok) setTimeout(() => void refreshLog(webhookId), 1_500);
}

async function refreshLog(id: string): Promise<void> {
  if ($webhooks.get().logOf !== id) return;
  const result = await webhookApi.deliveries(org(), id);
  if (result.ok && $webhooks.get().logOf === id) patch({ log: result.data });
}

export const dismissSecret = () => patch({ issued: null });
