// Support plans over REST (/api/admin/support-plans): read by staff who sell or watch them, changed by admins (audited).
import { Router, type Request } from 'express';
import { PathIdSchema } from '../../../shared/admin-schemas';
import { CreateSupportPlanSchema, UpdateSupportPlanSchema } from '../../../shared/support-plan-schemas';
import type { SupportServices } from '../../domain/services';
import { recordAdminAction } from './audit-trail';
import { parse, sessionAgent } from './request-auth';

const pathId = (req: Request): string => parse(PathIdSchema, req.params.id);

export function supportPlanRoutes(services: SupportServices): Router {
  const { plans } = services.tickets;
  const router = Router();
  router.get('/', async (req, res) => {
    const actor = await sessionAgent(services, req);
    res.json({ ok: true, data: await plans.list(actor) });
  });
  router.get('/:id', async (req, res) => {
    const actor = await sessionAgent(services, req);
    res.json({ ok: true, data: await plans.get(actor, pathId(req)) });
  });
  router.post('/', async (req, res) => {
    const admin = await sessionAgent(services, req);
    const input = parse(CreateSupportPlanSchema, req.body);
    const plan = await plans.create(admin, input);
    await recordAdminAction(services, req, admin, {
      action: 'support_plan.created',
      target: { kind: 'support_plan', id: plan.id, label: plan.name },
      details: { ...input },
    });
    res.status(201).json({ ok: true, data: plan });
  });
  router.patch('/:id', async (req, res) => {
    const admin = await sessionAgent(services, req);
    const id = pathId(req);
    const patch = parse(UpdateSupportPlanSchema, req.body);
    const plan = await plans.update(admin, id, patch);
    await recordAdminAction(services, req, admin, {
      action: 'support_plan.changed',
      target: { kind: 'support_plan', id, label: plan.name },
      details: { changes: patch, version: plan.version },
    });
    res.json({ ok: true, data: plan });
  });
  return router;
}
