// Ticket settings over REST: the SLA policy (read by staff, changed by admins) and API tokens (admins only).
import express, { Router } from 'express';
import * as v from 'valibot';
import { CreateApiTokenSchema, SlaPolicyInputSchema } from '../../../shared/ticket-schemas';
import type { SupportServices } from '../../domain/services';
import { parse, sessionAgent, staffActor } from './request-auth';

export function slaPolicyRoutes(services: SupportServices): Router {
  const { policies } = services.tickets;
  const router = Router();
  router.get('/', async (req, res) => {
    await staffActor(services, req);
    res.json({ ok: true, data: await policies.current() });
  });
  router.put('/', express.json({ limit: '16kb' }), async (req, res) => {
    const admin = await sessionAgent(services, req);
    res.json({ ok: true, data: await policies.update(admin, parse(SlaPolicyInputSchema, req.body)) });
  });
  return router;
}

/** Tokens are managed with a session only: a token cannot mint or revoke tokens. */
export function apiTokenRoutes(services: SupportServices): Router {
  const { apiTokens } = services.tickets;
  const router = Router();
  router.get('/', async (req, res) => {
    res.json({ ok: true, data: await apiTokens.list(await sessionAgent(services, req)) });
  });
  router.post('/', express.json({ limit: '4kb' }), async (req, res) => {
    const admin = await sessionAgent(services, req);
    res.status(201).json({ ok: true, data: await apiTokens.create(admin, parse(CreateApiTokenSchema, req.body).name) });
  });
  router.delete('/:id', async (req, res) => {
    const admin = await sessionAgent(services, req);
    await apiTokens.revoke(admin, parse(v.pipe(v.string(), v.uuid('must be a UUID')), req.params.id));
    res.json({ ok: true, data: null });
  });
  return router;
}
