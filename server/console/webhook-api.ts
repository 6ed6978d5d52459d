// The console's client of the webhook routes (docs/api.md#webhooks).
import type { AdminWebhook, WebhookDeliveryView, WebhookEventType } from '../../shared/webhook-events';
import { call } from './api';

const base = (org: string) => `/api/admin/organisations/${org}/webhooks`;
type Issued = { webhook: AdminWebhook; secret: string };

export const webhookApi = {
  status: () => call<{ email: { enabled: boolean } }>('GET', '/api/admin/integrations'),
  list: (org: string) => call<AdminWebhook[]>('GET', base(org)),
  create: (org: string, input: { url: string; events: WebhookEventType[] }) => call<Issued>('POST', base(org), input),
  update: (org: string, id: string, patch: { url?: string; events?: WebhookEventType[]; active?: boolean }) =>
    call<AdminWebhook>('PATCH', `${base(org)}/${id}`, patch),
  remove: (org: string, id: string) => call<AdminWebhook>('DELETE', `${base(org)}/${id}`),
  rotate: (org: string, id: string) => call<Issued>('POST', `${base(org)}/${id}/rotate-secret`),
  deliveries: (org: string, id: string) => call<WebhookDeliveryView[]>('GET', `${base(org)}/${id}/deliveries`),
  resend: (org: string, id: string, deliveryId: string) => call<null>('POST', `${base(org)}/${id}/deliveries/${deliveryId}/resend`),
};
