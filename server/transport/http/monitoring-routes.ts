// Monitoring over REST: live classroom health for every signed-in agent (the console's Monitoring section),
// one classroom with its chart and stored minutes, and each organisation's rules for admins.
import { Router, type Request } from 'express';
import { PathIdSchema } from '../../../shared/admin-schemas';
import { ClassroomRefSchema, QualityRulesInputSchema } from '../../../shared/quality-schemas';
import { DomainError } from '../../domain/errors';
import type { SupportServices } from '../../domain/services';
import { requestOrigin } from './audit-trail';
import { parse, sessionAgent } from './request-auth';

/** Stored minutes shown with a classroom: the last day. */
const MINUTES_SHOWN_MS = 24 * 60 * 60_000;

export function monitoringRoutes(services: SupportServices): Router {
  const { monitor, rules } = services.monitoring;
  const router = Router();

  router.get('/monitoring/classrooms', async (req, res) => {
    await sessionAgent(services, req);
    res.json({ ok: true, data: monitor.classroomList() });
  });

  router.get('/monitoring/organisations/:organisationId/classrooms/:classroomId', async (req, res) => {
    await sessionAgent(services, req);
    const { organisationId, classroomId } = parse(ClassroomRefSchema, { ...req.params });
    const now = services.clock.now();
    const [live, minutes] = [
      monitor.classroom(organisationId, classroomId),
      await services.qualityHistory.minutes(organisationId, classroomId, now - MINUTES_SHOWN_MS, now),
    ];
    if (!live && !minutes.length) throw new DomainError('not_found', 'No quality reports from this classroom');
    res.json({ ok: true, data: { live, minutes } });
  });

  const orgId = (req: Request): string => parse(PathIdSchema, req.params.id);
  router.get('/admin/organisations/:id/quality-rules', async (req, res) => {
    res.json({ ok: true, data: await rules.get(await sessionAgent(services, req), orgId(req)) });
  });
  router.put('/admin/organisations/:id/quality-rules', async (req, res) => {
    const admin = await sessionAgent(services, req);
    const input = parse(QualityRulesInputSchema, req.body);
    res.json({ ok: true, data: await rules.set(admin, orgId(req), input.rules, requestOrigin(req)) });
  });

  return router;
}
