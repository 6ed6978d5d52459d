// Webhooks of an organisation over REST (admins only): /api/admin/organisations/:id/webhooks …
// Every change is audited; the secret is in the answer to create and rotate only, never in the audit log.
import { Router, type Request, type RequestHandler } from 'express';
import { PathIdSchema } from '../../../shared/admin-schemas';
import { CreateWebhookSchema, UpdateWebhookSchema } from '../../../shared/webhook-schemas';
import type { AdminWebhook } from '../../../shared/webhook-events';
import { DomainError } from '../../domain/errors';
import type { Agent } from '../../domain/records';
import type { SupportServices } from '../../domain/services';
import { recordAdminAction, type AdminAction } from './audit-trail';
import { parse, sessionAgent } from './request-auth';

const param = (req: Request, name: string): string => parse(PathIdSchema, req.params[name]);
const target = (w: AdminWebhook) => ({ kind: 'webhook', id: w.id, label: w.url });

export function webhookRoutes(services: SupportServices): Router {
  const admin = services.integrations.webhooks.admin;
  const router = Router();
  const answer =
    <R>(
      status: number,
      run: (req: Request, actor: Agent, org: string) => Promise<R>,
      audit?: (result: R, req: Request) => AdminAction,
    ): RequestHandler =>
    async (req, res) => {
      const actor = await sessionAgent(services, req);
      const result = await run(req, actor, param(req, 'id'));
      if (audit) await recordAdminAction(services, req, actor, audit(result, req));
      res.status(status).json({ ok: true, data: result ?? null });
    };

  router.get('/integrations', async (req, res) => {
    const actor = await sessionAgent(services, req);
    if (actor.role !== 'admin') throw new DomainError('forbidden', 'Only administrators can do this');
    res.json({ ok: true, data: { email: { enabled: services.integrations.email.enabled } } });
  });
  router.get(
    '/organisations/:id/webhooks',
    answer(200, (_req, who, org) => admin.list(who, org)),
  );
  router.post(
    '/organisations/:id/webhooks',
    answer(
      201,
      (req, who, org) => admin.create(who, org, parse(CreateWebhookSchema, req.body)),
      ({ webhook }) => ({
        action: 'webhook.created',
        target: target(webhook),
        details: { organisationId: webhook.organisationId, events: webhook.events },
      }),
    ),
  );
  router.patch(
    '/organisations/:id/webhooks/:webhookId',
    answer(
      200,
      (req, who, org) => admin.update(who, org, param(req, 'webhookId'), parse(UpdateWebhookSchema, req.body)),
      (webhook, req) => ({ action: 'webhook.updated', target: target(webhook), details: { changes: parse(UpdateWebhookSchema, req.body) } }),
    ),
  );
  router.delete(
    '/organisations/:id/webhooks/:webhookId',
    answer(
      200,
      (req, who, org) => admin.remove(who, org, param(req, 'webhookId')),
      (webhook) => ({ action: 'webhook.deleted', target: target(webhook) }),
    ),
  );
  router.post(
    '/organisations/:id/webhooks/:webhookId/rotate-secret',
    answer(
      200,
      (req, who, org) => admin.rotateSecret(who, org, param(req, 'webhookId')),
      ({ webhook }) => ({ action: 'webhook.secret_rotated', target: target(webhook) }),
    ),
  );
  router.get(
    '/organisations/:id/webhooks/:webhookId/deliveries',
    answer(200, (req, who, org) => admin.deliveries(who, org, param(req, 'webhookId'))),
  );
  router.post(
    '/organisations/:id/webhooks/:webhookId/deliveries/:deliveryId/resend',
    answer(
      200,
      (req, who, org) => admin.resend(who, org, param(req, 'webhookId'), param(req, 'deliveryId')),
      (_r, req) => ({
        action: 'webhook.resent',
        target: { kind: 'webhook', id: String(req.params.webhookId) },
        details: { deliveryId: String(req.params.deliveryId) },
      }),
    ),
  );
  return router;
}
