// Personal data over REST (admins only): the audit log (read only: no route changes an entry), each
// organisation's retention, and one end user's search, export and erasure. Export and erasure are audited
// by the domain; the retention change too.
import { Router, type Request } from 'express';
import { PathIdSchema } from '../../../shared/admin-schemas';
import { AuditLogQuerySchema, EndUserQuerySchema, RetentionInputSchema } from '../../../shared/personal-data-schemas';
import type { SupportServices } from '../../domain/services';
import { requestOrigin } from './audit-trail';
import { parse, sessionAgent } from './request-auth';

const pathId = (req: Request): string => parse(PathIdSchema, req.params.id);

export function privacyRoutes(services: SupportServices): Router {
  const { audit, retention, endUsers } = services.privacy;
  const router = Router();

  router.get('/audit-log', async (req, res) => {
    const admin = await sessionAgent(services, req);
    res.json({ ok: true, data: await audit.list(admin, parse(AuditLogQuerySchema, { ...req.query })) });
  });

  router.get('/retention', async (req, res) => {
    res.json({ ok: true, data: await retention.list(await sessionAgent(services, req)) });
  });
  router.put('/organisations/:id/retention', async (req, res) => {
    const admin = await sessionAgent(services, req);
    const { days } = parse(RetentionInputSchema, req.body);
    res.json({ ok: true, data: await retention.set(admin, pathId(req), days, requestOrigin(req)) });
  });

  router.get('/end-users', async (req, res) => {
    const admin = await sessionAgent(services, req);
    res.json({ ok: true, data: await endUsers.search(admin, parse(EndUserQuerySchema, { ...req.query }).query) });
  });
  router.get('/end-users/:id/export', async (req, res) => {
    const admin = await sessionAgent(services, req);
    const exported = await endUsers.export(admin, pathId(req), requestOrigin(req));
    // Personal data: never kept by a browser cache or a proxy.
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true, data: exported });
  });
  router.post('/end-users/:id/erase', async (req, res) => {
    const admin = await sessionAgent(services, req);
    res.json({ ok: true, data: await endUsers.erase(admin, pathId(req), requestOrigin(req)) });
  });

  return router;
}
