// Agent sign-in (with a second step for two-factor accounts), who-am-I and sign-out; the session lives in an
// httpOnly cookie.
import { Router, type Request } from 'express';
import { SignInSchema } from '../../../shared/schemas';
import { SESSION_TTL_MS } from '../../domain/identity/agents';
import type { SupportServices } from '../../domain/services';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from '../cookies';
import type { OwnOrigin } from '../own-origin';
import { parse, signedInSession } from './request-auth';

const sessionToken = (req: Request): string | undefined => readCookie(req.headers.cookie, SESSION_COOKIE);

/** Where a request comes from, kept with a new session so its owner recognises it in their list. */
export const clientSeen = (req: Request) => ({ address: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null });

/** Writes here are origin-checked like every cookie write (origin-guard.ts): no forced sign-in or sign-out. */
export function authRoutes(services: SupportServices, ownOrigin: OwnOrigin): Router {
  const { agents, routing } = services;
  const router = Router();

  router.post('/sign-in', async (req, res) => {
    const { email, password, code } = parse(SignInSchema, req.body);
    const { agent, sessionToken: token } = await agents.signIn(email, password, {
      ...clientSeen(req),
      ...(code === undefined ? {} : { code }),
    });
    res.setHeader('Set-Cookie', sessionCookie(token, SESSION_TTL_MS, ownOrigin.secure(req)));
    res.json({ ok: true, data: agents.accountView(agent) });
  });

  // Works before a forced password change: the console learns from it that it must show the change screen.
  router.get('/me', async (req, res) => {
    const { agent } = await signedInSession(services, req, { signInHint: 'Not signed in', beforePasswordChange: true });
    res.json({ ok: true, data: agents.accountView(agent) });
  });

  router.post('/sign-out', async (req, res) => {
    const token = sessionToken(req);
    const agentId = token ? await agents.signOut(token) : null;
    // Left on purpose: offline at once, no grace period, unanswered chats back to the queue.
    if (agentId) await routing.agentPresence.signedOut(agentId);
    res.setHeader('Set-Cookie', clearedSessionCookie());
    res.json({ ok: true, data: null });
  });

  return router;
}
