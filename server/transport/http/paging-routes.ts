// On-call paging over HTTP. Admins: the rota of an organisation (/api/admin/organisations/:id/oncall …), each
// change in the audit log. Agents: the pages and their acknowledge button (/api/paging/pages …). Anyone
// holding a page's link from the email or chat message: GET /paging/ack/:token shows the page with a button,
// POST acknowledges it (a GET never acknowledges, so mail scanners that open links cannot).
import express, { Router, type Request, type RequestHandler } from 'express';
import { PathIdSchema } from '../../../shared/admin-schemas';
import {
  CreateChannelSchema,
  CreateShiftSchema,
  OncallTimeZoneSchema,
  PagesQuerySchema,
  type OncallShiftView,
  type PagingChannelView,
} from '../../../shared/paging';
import { DomainError } from '../../domain/errors';
import type { Agent } from '../../domain/records';
import type { SupportServices } from '../../domain/services';
import { recordAdminAction, type AdminAction } from './audit-trail';
import type { OwnOrigin } from '../own-origin';
import { acknowledgePageHtml } from './paging-ack-page';
import { parse, sessionAgent } from './request-auth';

const param = (req: Request, name: string): string => parse(PathIdSchema, req.params[name]);

export function pagingAdminRoutes(services: SupportServices, ownOrigin: OwnOrigin): Router {
  const { rota } = services.integrations.paging;
  const router = Router();
  /** Runs a rota change and records it in the audit log (team chats by their shortened URL: the full one is a secret). */
  const change =
    <R>(
      status: number,
      run: (req: Request, actor: Agent, org: string) => Promise<R>,
      audit: (result: R, org: string) => AdminAction,
      answer: (result: R) => unknown = (r) => r,
    ): RequestHandler =>
    async (req, res) => {
      const actor = await sessionAgent(services, req);
      const org = param(req, 'id');
      const result = await run(req, actor, org);
      await recordAdminAction(services, req, actor, audit(result, org));
      res.status(status).json({ ok: true, data: answer(result) });
    };
  const shiftDetails = (org: string, s: OncallShiftView) => ({
    organisationId: org,
    tier: s.tier,
    agent: s.agentName,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
  });
  const shiftTarget = (s: OncallShiftView) => ({ kind: 'oncall_shift', id: s.id, label: `${s.tier} · ${s.agentName}` });
  const chatTarget = (c: PagingChannelView) => ({ kind: 'paging_channel', id: c.id, label: c.url });

  router.get('/organisations/:id/oncall', async (req, res) => {
    res.json({ ok: true, data: await rota.view(await sessionAgent(services, req), param(req, 'id')) });
  });
  router.put(
    '/organisations/:id/oncall/time-zone',
    change(
      200,
      async (req, who, org) => {
        const { timeZone } = parse(OncallTimeZoneSchema, req.body);
        const previous = await rota.timeZone(org);
        return { ...(await rota.setTimeZone(who, org, timeZone)), previous };
      },
      ({ timeZone, previous }, org) => ({
        action: 'oncall.time_zone_changed',
        target: { kind: 'organisation', id: org },
        details: { changes: { timeZone }, previous: { timeZone: previous } },
      }),
      ({ timeZone }) => ({ timeZone }),
    ),
  );
  router.post(
    '/organisations/:id/oncall/shifts',
    change(
      201,
      (req, who, org) => rota.addShift(who, org, parse(CreateShiftSchema, req.body), ownOrigin.of(req)),
      (shift, org) => ({ action: 'oncall.shift_added', target: shiftTarget(shift), details: shiftDetails(org, shift) }),
    ),
  );
  router.delete(
    '/organisations/:id/oncall/shifts/:shiftId',
    change(
      200,
      (req, who, org) => rota.deleteShift(who, org, param(req, 'shiftId')),
      ({ id, removed }, org) => ({
        action: 'oncall.shift_deleted',
        target: removed ? shiftTarget(removed) : { kind: 'oncall_shift', id },
        details: removed ? shiftDetails(org, removed) : { organisationId: org },
      }),
      ({ id }) => ({ id }),
    ),
  );
  router.post(
    '/organisations/:id/oncall/channels',
    change(
      201,
      (req, who, org) => rota.addChannel(who, org, parse(CreateChannelSchema, req.body)),
      (chat, org) => ({ action: 'oncall.channel_added', target: chatTarget(chat), details: { organisationId: org, format: chat.format } }),
    ),
  );
  router.delete(
    '/organisations/:id/oncall/channels/:channelId',
    change(
      200,
      (req, who, org) => rota.deleteChannel(who, org, param(req, 'channelId')),
      ({ id, removed }, org) => ({
        action: 'oncall.channel_deleted',
        target: removed ? chatTarget(removed) : { kind: 'paging_channel', id },
        details: removed ? { organisationId: org, format: removed.format } : { organisationId: org },
      }),
      ({ id }) => ({ id }),
    ),
  );
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
    const agent = page.agentId ? await services.agents.byId(page.agentId) : null;
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
