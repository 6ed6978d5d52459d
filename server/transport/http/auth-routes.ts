// Agent sign-in, who-am-I and sign-out; the session lives in an httpOnly cookie.
import { Router, type Request } from 'express';
import { SignInSchema } from '../../../shared/schemas';
import { validate } from '../../../shared/validate';
import { agentView, SESSION_TTL_MS } from '../../domain/identity/agents';
import { DomainError } from '../../domain/errors';
import type { SupportServices } from '../../domain/services';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from '../cookies';
import type { OwnOrigin } from '../own-origin';

const sessionToken = (req: Request): string | undefined => readCookie(req.headers.cookie, SESSION_COOKIE);

/** Writes here are origin-checked like every cookie write (origin-guard.ts): no forced sign-in or sign-out. */
export function authRoutes({ agents, routing }: SupportServices, ownOrigin: OwnOrigin): Router {
  const router = Router();

  router.post('/sign-in', async (req, res) => {
    const input = validate(SignInSchema, req.body);
    if (!input.ok) throw new DomainError(input.error.code, input.error.message);
    const { email, password } = input.data;
    const { agent, sessionToken: token } = await agents.signIn(email, password, req.ip);
    res.setHeader('Set-Cookie', sessionCookie(token, SESSION_TTL_MS, ownOrigin.secure(req)));
    res.json({ ok: true, data: agentView(agent) });
  });

  router.get('/me', async (req, res) => {
    const agent = await agents.authenticate(sessionToken(req));
    if (!agent) throw new DomainError('unauthorized', 'Not signed in');
    res.json({ ok: true, data: agentView(agent) });
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
