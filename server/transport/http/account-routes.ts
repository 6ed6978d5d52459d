// The signed-in agent's own account (docs/api.md#accounts): change the password, see and end sessions, turn
// two-factor sign-in on and off; and the public side of one-time links (see who a link is for, set the password).
import { Router, type Request, type RequestHandler } from 'express';
import {
  ChangePasswordSchema,
  LinkInfoSchema,
  SessionIdSchema,
  SetLocaleSchema,
  SetTimeZoneSchema,
  SetPasswordSchema,
  TwoFactorCodeSchema,
} from '../../../shared/account-schemas';
import type { LinkInfo } from '../../../shared/account-model';
import { SESSION_TTL_MS, type SignedIn } from '../../domain/identity/agents';
import type { SupportServices } from '../../domain/services';
import { sessionCookie } from '../cookies';
import { clientSeen } from './auth-routes';
import type { OwnOrigin } from '../own-origin';
import { parse, signedInSession } from './request-auth';

/** Writes here pass the origin guard (origin-guard.ts) first, like every cookie write. */
export function accountRoutes(services: SupportServices, ownOrigin: OwnOrigin): Router {
  const { agents } = services;
  const { sessions, passwords, twoFactor, links } = services.accounts;
  const router = Router();
  /** A route for the signed-in agent; `early` ones also work before a forced password change. */
  const mine =
    (run: (req: Request, me: SignedIn) => Promise<unknown>, early = false): RequestHandler =>
    async (req, res) => {
      const me = await signedInSession(services, req, { beforePasswordChange: early });
      res.json({ ok: true, data: (await run(req, me)) ?? null });
    };

  router.post(
    '/password',
    mine(
      async (req, { agent, session }) => agents.accountView(await passwords.change(agent, session.id, parse(ChangePasswordSchema, req.body), req.ip)),
      true,
    ),
  );

  // The console's language, saved with the account so it follows the agent to any browser.
  router.put(
    '/locale',
    mine(async (req, { agent }) => {
      const { locale } = parse(SetLocaleSchema, req.body);
      return agents.accountView(await agents.setLocale(agent, locale));
    }, true),
  );

  // The agent's time zone, saved with the account: due times in the console and times in their emails follow it.
  router.put(
    '/time-zone',
    mine(async (req, { agent }) => {
      const { timeZone } = parse(SetTimeZoneSchema, req.body);
      return agents.accountView(await agents.setTimeZone(agent, timeZone));
    }, true),
  );

  router.get(
    '/sessions',
    mine((_req, { agent, session }) => sessions.list(agent, session.id)),
  );
  // Everywhere else: every session but this one.
  router.delete(
    '/sessions',
    mine(async (_req, { agent, session }) => ({ ended: await sessions.revokeOthers(agent, session.id) })),
  );
  router.delete(
    '/sessions/:id',
    mine((req, { agent }) => sessions.revoke(agent, parse(SessionIdSchema, req.params.id))),
  );

  router.post(
    '/two-factor/setup',
    mine((_req, { agent }) => twoFactor.begin(agent)),
  );
  router.post(
    '/two-factor/confirm',
    mine(async (req, { agent }) => {
      await twoFactor.confirm(agent, parse(TwoFactorCodeSchema, req.body).code);
      return { enabled: true };
    }),
  );
  router.post(
    '/two-factor/disable',
    mine(async (req, { agent }) => {
      await twoFactor.disable(agent, parse(TwoFactorCodeSchema, req.body).code);
      return { enabled: false };
    }),
  );

  // One-time links: no session, the token is the credential.
  router.post('/links/check', async (req, res) => {
    const data: LinkInfo = (await links.inspect(parse(LinkInfoSchema, req.body).token)).info;
    res.json({ ok: true, data });
  });

  /**
   * Sets the password and signs the person in, so an invite ends in the console. With two-factor on (a reset
   * of someone who has it) there is no session: they sign in with password and code as always.
   */
  router.post('/links/set-password', async (req, res) => {
    const { token, password } = parse(SetPasswordSchema, req.body);
    const agent = await links.redeem(token, password);
    if (agent.twoFactorEnabled) {
      res.json({ ok: true, data: { signedIn: false, agent: null } });
      return;
    }
    const sessionToken = await agents.startSession(agent, clientSeen(req));
    res.setHeader('Set-Cookie', sessionCookie(sessionToken, SESSION_TTL_MS, ownOrigin.secure(req)));
    res.json({ ok: true, data: { signedIn: true, agent: agents.accountView(agent) } });
  });

  return router;
}
