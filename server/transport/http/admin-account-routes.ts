// Administration of accounts (admins only): invite an agent with a one-time link, reset someone's password
// with one, reset their two-factor sign-in, see and end their sessions. Every change is audited; links point
// at the server's own origin (SUPPORT_PUBLIC_URL when set).
import { Router, type Request, type RequestHandler } from 'express';
import { PathIdSchema } from '../../../shared/admin-schemas';
import { InviteAgentSchema } from '../../../shared/account-schemas';
import type { Agent } from '../../domain/records';
import type { SupportServices } from '../../domain/services';
import type { OwnOrigin } from '../own-origin';
import { issuedLink } from './account-links-url';
import { agentInvited, passwordReset, sessionsRevoked, twoFactorReset } from './account-audit';
import { recordAdminAction, type AdminAction } from './audit-trail';
import { parse, sessionAgent } from './request-auth';

const pathId = (req: Request): string => parse(PathIdSchema, req.params.id);

export function adminAccountRoutes(services: SupportServices, ownOrigin: OwnOrigin): Router {
  const { links, sessions, twoFactor } = services.accounts;
  const router = Router();
  const answer =
    <R>(status: number, run: (req: Request, actor: Agent) => Promise<R>, audit?: (result: R, req: Request) => Promise<AdminAction>): RequestHandler =>
    async (req, res) => {
      const actor = await sessionAgent(services, req);
      const result = await run(req, actor);
      if (audit) await recordAdminAction(services, req, actor, await audit(result, req));
      res.status(status).json({ ok: true, data: result ?? null });
    };
  /** The links' origin: where people reach the console (the Host the admin used, without SUPPORT_PUBLIC_URL). */
  const origin = (req: Request): string => ownOrigin.of(req) ?? `${req.protocol}://localhost`;
  const target = (req: Request) => services.agents.byId(pathId(req));

  router.post(
    '/invites',
    answer(
      201,
      async (req, who) => {
        const { agent, link } = await links.invite(who, parse(InviteAgentSchema, req.body));
        const issued = issuedLink(origin(req), link);
        // With SMTP configured the person gets the link by email too; the admin still sees it once.
        // In the invitee's language once they choose one; until then the inviting admin's.
        const emailed = await services.integrations.email.sendAccountLink(agent, 'invite', issued.url, issued.expiresAt, who.locale);
        return { agent, link: issued, emailed };
      },
      async (result) => agentInvited(result),
    ),
  );
  router.post(
    '/agents/:id/password-reset',
    answer(
      200,
      async (req, who) => {
        const link = issuedLink(origin(req), await links.reset(who, pathId(req)));
        const agent = await target(req);
        const emailed = agent ? await services.integrations.email.sendAccountLink(agent, 'reset', link.url, link.expiresAt) : false;
        return { link, emailed };
      },
      async (result, req) => passwordReset(await target(req), result.link),
    ),
  );
  router.post(
    '/agents/:id/two-factor/reset',
    answer(
      200,
      (req, who) => twoFactor.resetFor(who, pathId(req)),
      async (_r, req) => twoFactorReset(await target(req)),
    ),
  );
  router.get(
    '/agents/:id/sessions',
    answer(200, (req, who) => sessions.listFor(who, pathId(req))),
  );
  router.delete(
    '/agents/:id/sessions',
    answer(
      200,
      async (req, who) => ({ ended: await sessions.revokeAllFor(who, pathId(req)) }),
      async (result, req) => sessionsRevoked(await target(req), result.ended),
    ),
  );

  return router;
}
