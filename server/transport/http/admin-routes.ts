// The administration API (admins only): agents, organisations and canned replies; plus canned replies for
// every signed-in agent. Inputs are checked with the shared schemas; errors go through the one error handler.
import { Router, type Request, type RequestHandler } from 'express';
import {
  CannedReplySchema,
  CreateAgentSchema,
  CreateOrganisationSchema,
  PathIdSchema,
  UpdateAgentSchema,
  UpdateOrganisationSchema,
} from '../../../shared/admin-schemas';
import type { Agent } from '../../domain/records';
import type { SupportServices } from '../../domain/services';
import { agentCreated, agentUpdated, cannedDeleted, cannedSaved, organisationCreated, organisationUpdated, secretRotated } from './admin-audit';
import { recordAdminAction, type AdminAction } from './audit-trail';
import { parse, sessionAgent } from './request-auth';

const pathId = (req: Request): string => parse(PathIdSchema, req.params.id);

export function adminRoutes(services: SupportServices): Router {
  const { agentAdmin, organisationAdmin, canned } = services.routing;
  const router = Router();
  /** A route: the signed-in actor (checked first), then the domain call with the checked input; a change is audited. */
  const answer =
    <R>(status: number, run: (req: Request, actor: Agent) => Promise<R>, audit?: (result: R, req: Request) => AdminAction): RequestHandler =>
    async (req, res) => {
      const actor = await sessionAgent(services, req);
      const result = await run(req, actor);
      if (audit) await recordAdminAction(services, req, actor, audit(result, req));
      res.status(status).json({ ok: true, data: result ?? null });
    };

  router.get(
    '/agents',
    answer(200, (_req, who) => agentAdmin.list(who)),
  );
  router.post(
    '/agents',
    answer(201, (req, who) => agentAdmin.create(who, parse(CreateAgentSchema, req.body)), agentCreated),
  );
  router.patch(
    '/agents/:id',
    answer(200, (req, who) => agentAdmin.update(who, pathId(req), parse(UpdateAgentSchema, req.body)), agentUpdated),
  );

  router.get(
    '/organisations',
    answer(200, (_req, who) => organisationAdmin.list(who)),
  );
  router.post(
    '/organisations',
    answer(201, (req, who) => organisationAdmin.create(who, parse(CreateOrganisationSchema, req.body)), organisationCreated),
  );
  router.patch(
    '/organisations/:id',
    answer(200, (req, who) => organisationAdmin.update(who, pathId(req), parse(UpdateOrganisationSchema, req.body)), organisationUpdated),
  );
  router.post(
    '/organisations/:id/rotate-secret',
    answer(200, (req, who) => organisationAdmin.rotateSecret(who, pathId(req)), secretRotated),
  );

  router.post(
    '/canned-replies',
    answer(201, (req, who) => canned.create(who, parse(CannedReplySchema, req.body)), cannedSaved('canned_reply.created')),
  );
  router.put(
    '/canned-replies/:id',
    answer(200, (req, who) => canned.update(who, pathId(req), parse(CannedReplySchema, req.body)), cannedSaved('canned_reply.updated')),
  );
  router.delete(
    '/canned-replies/:id',
    answer(200, (req, who) => canned.remove(who, pathId(req)), cannedDeleted),
  );

  return router;
}

/** Canned replies for every signed-in agent (the console also gets them over its socket). */
export function cannedReplyRoutes(services: SupportServices): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    await sessionAgent(services, req);
    res.json({ ok: true, data: await services.routing.canned.list() });
  });
  return router;
}
