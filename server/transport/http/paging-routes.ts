// On-call paging over HTTP. Admins: the rota of an organisation (/api/admin/organisations/:id/oncall …).
// Agents: the pages and their acknowledge button (/api/paging/pages …). Anyone holding a page's link from the
// email or chat message: GET /paging/ack/:token shows the page with a button, POST acknowledges it (a GET
// never acknowledges, so mail scanners that open links cannot).
import express, { Router, type Request } from 'express';
import { PathIdSchema } from '../../../shared/admin-schemas';
import { CreateChannelSchema, CreateShiftSchema, OncallTimeZoneSchema, PagesQuerySchema } from '../../../shared/paging';
import { DomainError } from '../../domain/errors';
import type { SupportServices } from '../../domain/services';
import type { OwnOrigin } from '../own-origin';
import { acknowledgePageHtml } from './paging-ack-page';
import { parse, sessionAgent } from './request-auth';

const param = (req: Request, name: string): string => parse(PathIdSchema, req.params[name]);

export function pagingAdminRoutes(services: SupportServices, ownOrigin: OwnOrigin): Router {
  const { rota } = services.integrations.paging;
  const router = Router();
  router.get('/organisations/:id/oncall', async (req, res) => {
    res.json({ ok: true, data: await rota.view(await sessionAgent(services, req), param(req, 'id')) });
  });
  router.put('/organisations/:id/oncall/time-zone', async (req, res) => {
    const { timeZone } = parse(OncallTimeZoneSchema, req.body);
    res.json({ ok: true, data: await rota.setTimeZone(await sessionAgent(services, req), param(req, 'id'), timeZone) });
  });
  router.post('/organisations/:id/oncall/shifts', async (req, res) => {
    const input = parse(CreateShiftSchema, req.body);
    res.status(201).json({ ok: true, data: await rota.addShift(await sessionAgent(services, req), param(req, 'id'), input, ownOrigin.of(req)) });
  });
  router.delete('/organisations/:id/oncall/shifts/:shiftId', async (req, res) => {
    res.json({ ok: true, data: await rota.deleteShift(await sessionAgent(services, req), param(req, 'id'), param(req, 'shiftId')) });
  });
  router.post('/organisations/:id/oncall/channels', async (req, res) => {
    const input = parse(CreateChannelSchema, req.body);
    res.status(201).json({ ok: true, data: await rota.addChannel(await sessionAgent(services, req), param(req, 'id'), input) });
  });
  router.delete('/organisations/:id/oncall/channels/:channelId', async (req, res) => {
    res.json({ ok: true, data: await rota.deleteChannel(await sessionAgent(services, req), param(req, 'id'), param(req, 'channelId')) });
  });
  return router;
}

export function pagingRoutes(services: SupportServices): Router {
  const { pager } = services.integrations.paging;
  const router = Router();
  router.get('/pages', async (req, res) => {
    await sessionAgent(services, req);
    const query = parse(PagesQuerySchema, { ...req.query });
    res.json({ ok: true, data: await pager.list(query) });
  });
  router.post('/pages/:id/acknowledge', async (req, res) => {
    res.json({ ok: true, data: await pager.acknowledge(await sessionAgent(services, req), param(req, 'id')) });
  });
  return router;
}

/** The link in a page: a small page in the paged agent's language with one button. */
export function pagingLinkRoutes(services: SupportServices): Router {
  const { pager } = services.integrations.paging;
  const router = Router();
  const token = (req: Request): string => {
    const value = String(req.params.token ?? '');
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(value)) throw new DomainError('not_found', 'This page link is not valid');
    return value;
  };
  const render = async (req: Request, acknowledgedNow: boolean) => {
    const page = await pager.pageByToken(token(req));
    const agent = page.agentId ? await services.store.getAgent(page.agentId) : null;
    const view = await pager.view(page);
    return acknowledgePageHtml(agent?.locale ?? (req.acceptsLanguages('en', 'zh-CN', 'zh') || 'en'), view, { token: token(req), acknowledgedNow });
  };
  const send = (res: express.Response, html: string) =>
    res
      .status(200)
      .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(html);
  router.get('/paging/ack/:token', async (req, res) => send(res, await render(req, false)));
  router.post('/paging/ack/:token', async (req, res) => {
    await pager.acknowledgeByToken(token(req));
    send(res, await render(req, true));
  });
  return router;
}
