// Incidents over REST for signed-in agents: the open and recently resolved ones, one incident, an update to every
// affected user, resolving. Creating one is the monitor's business (the incident rule), not a request's.
import { Router } from 'express';
import { PathIdSchema } from '../../../shared/admin-schemas';
import { IncidentUpdateInputSchema } from '../../../shared/incident-schemas';
import type { SupportServices } from '../../domain/services';
import { parse, sessionAgent } from './request-auth';

export function incidentRoutes(services: SupportServices): Router {
  const { incidents } = services;
  const router = Router();

  router.get('/incidents', async (req, res) => {
    await sessionAgent(services, req);
    res.json({ ok: true, data: await incidents.list() });
  });

  router.get('/incidents/:id', async (req, res) => {
    await sessionAgent(services, req);
    res.json({ ok: true, data: await incidents.get(parse(PathIdSchema, req.params.id)) });
  });

  router.post('/incidents/:id/updates', async (req, res) => {
    const agent = await sessionAgent(services, req);
    const id = parse(PathIdSchema, req.params.id);
    const input = parse(IncidentUpdateInputSchema, req.body);
    res.json({ ok: true, data: await incidents.postUpdate(agent, id, input) });
  });

  router.post('/incidents/:id/resolve', async (req, res) => {
    const agent = await sessionAgent(services, req);
    res.json({ ok: true, data: await incidents.resolve(agent, parse(PathIdSchema, req.params.id)) });
  });

  return router;
}
