// Satisfaction over REST: one chat's or ticket's rating for the agents who may read it, and the figures per
// organisation and per agent for supervisors and admins.
import { Router } from 'express';
import { PathIdSchema } from '../../../shared/admin-schemas';
import { SatisfactionQuerySchema } from '../../../shared/satisfaction';
import { requireRole } from '../../domain/roles';
import type { SupportServices } from '../../domain/services';
import { parse, sessionAgent } from './request-auth';

export function satisfactionRoutes(services: SupportServices): Router {
  const { satisfaction, routing } = services;
  const { tickets } = services.tickets;
  const router = Router();

  router.get('/satisfaction', async (req, res) => {
    requireRole(await sessionAgent(services, req), 'supervisor', 'admin');
    const query = parse(SatisfactionQuerySchema, { ...req.query });
    res.json({ ok: true, data: await satisfaction.figures({ from: query.from, to: query.to, organisationId: query.organisationId ?? null }) });
  });

  router.get('/satisfaction/chats/:id', async (req, res) => {
    const agent = await sessionAgent(services, req);
    const chat = await routing.access.readable(agent, parse(PathIdSchema, req.params.id));
    res.json({ ok: true, data: await satisfaction.of('chat', chat.id) });
  });

  router.get('/satisfaction/tickets/:id', async (req, res) => {
    await sessionAgent(services, req);
    const ticket = await tickets.get(parse(PathIdSchema, req.params.id));
    res.json({ ok: true, data: await satisfaction.of('ticket', ticket.id) });
  });

  return router;
}
