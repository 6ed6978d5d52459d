// The account manager's desk over REST (/api/desk): organisations with health, one organisation's check-ins
// and launch windows, and changing them. Account managers (their own organisations), supervisors and admins.
import { Router, type Request } from 'express';
import { PathIdSchema } from '../../../shared/admin-schemas';
import { CreateCheckInSchema, CreateLaunchWindowSchema, UpdateCheckInSchema } from '../../../shared/desk-schemas';
import type { SupportServices } from '../../domain/services';
import { parse, sessionAgent } from './request-auth';

const pathId = (req: Request): string => parse(PathIdSchema, req.params.id);

export function deskRoutes(services: SupportServices): Router {
  const { desk } = services;
  const router = Router();
  router.get('/', async (req, res) => {
    res.json({ ok: true, data: await desk.overview(await sessionAgent(services, req)) });
  });
  router.get('/organisation-names', async (req, res) => {
    res.json({ ok: true, data: await desk.names(await sessionAgent(services, req)) });
  });
  router.get('/organisations/:id', async (req, res) => {
    res.json({ ok: true, data: await desk.detail(await sessionAgent(services, req), pathId(req)) });
  });
  router.post('/check-ins', async (req, res) => {
    const actor = await sessionAgent(services, req);
    res.status(201).json({ ok: true, data: await desk.scheduleCheckIn(actor, parse(CreateCheckInSchema, req.body)) });
  });
  router.patch('/check-ins/:id', async (req, res) => {
    const actor = await sessionAgent(services, req);
    res.json({ ok: true, data: await desk.updateCheckIn(actor, pathId(req), parse(UpdateCheckInSchema, req.body)) });
  });
  router.delete('/check-ins/:id', async (req, res) => {
    const actor = await sessionAgent(services, req);
    await desk.cancelCheckIn(actor, pathId(req));
    res.json({ ok: true, data: null });
  });
  router.post('/launch-windows', async (req, res) => {
    const actor = await sessionAgent(services, req);
    res.status(201).json({ ok: true, data: await desk.declareLaunch(actor, parse(CreateLaunchWindowSchema, req.body)) });
  });
  router.delete('/launch-windows/:id', async (req, res) => {
    const actor = await sessionAgent(services, req);
    await desk.removeLaunch(actor, pathId(req));
    res.json({ ok: true, data: null });
  });
  return router;
}
