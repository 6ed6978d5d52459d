// Ticket settings over REST: the SLA policy (read by staff, changed by admins) and API tokens (admins only).
import express, { Router } from 'express';
import * as v from 'valibot';
import { CreateApiTokenSchema, SlaPolicyInputSchema } from '../../../shared/ticket-schemas';
import type { SupportServices } from '../../domain/services';
import { recordAdminAction } from './audit-trail';
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
    const input = parse(SlaPolicyInputSchema, req.body);
    const policy = await policies.update(admin, input);
    await recordAdminAction(services, req, admin, { action: 'sla_policy.changed', target: { kind: 'sla_policy', id: null }, details: { ...input } });
    res.json({ ok: true, data: policy });
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
    apiTokens.mayManage(admin);
    const created = await apiTokens.create(admin, parse(CreateApiTokenSchema, req.body));
    const { id, name, organisationId, expiresAt } = created.record;
    await recordAdminAction(services, req, admin, {
      action: 'api_token.created',
      target: { kind: 'api_token', id, label: name },
      details: { scope: organisationId ?? 'all organisations', expiresAt },
    });
    res.status(201).json({ ok: true, data: created });
  });
  router.delete('/:id', async (req, res) => {
    const admin = await sessionAgent(services, req);
    const id = parse(v.pipe(v.string(), v.uuid('must be a UUID')), req.params.id);
    await apiTokens.revoke(admin, id);
    await recordAdminAction(services, req, admin, { action: 'api_token.revoked', target: { kind: 'api_token', id } });
    res.json({ ok: true, data: null });
  });
  return router;
}
