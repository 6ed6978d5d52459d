// A stand-in for a classroom app's backend: owns the demo organisation and signs identity tokens for it.
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Router, static as serveStatic } from 'express';
import { SignJWT } from 'jose';
import type { Clock, Store } from '../../server/domain/ports';
import type { Organisation } from '../../server/domain/records';
import { examplesDir } from '../../server/paths';

export const DEMO_APP_KEY = 'demo-classroom';

/** Creates the demo organisation on first start and lets the given origins embed it. */
export async function ensureDemoOrganisation(store: Store, clock: Clock, origins: string[]): Promise<Organisation> {
  const existing = await store.findOrganisationByAppKey(DEMO_APP_KEY);
  if (existing) {
    const allowed = [...new Set([...existing.allowedOrigins, ...origins])];
    if (allowed.length !== existing.allowedOrigins.length) await store.setAllowedOrigins(existing.id, allowed);
    return { ...existing, allowedOrigins: allowed };
  }
  return store.createOrganisation({
    id: randomUUID(),
    name: 'Maple Online Academy',
    appKey: DEMO_APP_KEY,
    allowedOrigins: origins,
    identitySecret: randomBytes(32).toString('base64url'),
    identityRequired: true,
    accountManagerId: null,
    hotline: '+1 555 0100',
    createdAt: clock.now(),
  });
}

const pick = (value: unknown, fallback: string): string => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 120) : fallback);

/**
 * Routes under /examples (who may reach them: server/transport/http/examples-gate.ts): the classroom page,
 * and `classroom/identity`, which signs a 10-minute token
 * for the user named in the query (?user=&name=&role=student|teacher&room=) as a real host backend would.
 */
export function classroomExample(store: Store): Router {
  const router = Router();
  router.get('/classroom/identity', async (req, res) => {
    const org = await store.findOrganisationByAppKey(DEMO_APP_KEY);
    if (!org) {
      res.status(503).json({ error: 'demo organisation missing' });
      return;
    }
    const role = req.query.role === 'teacher' ? 'teacher' : 'student';
    const token = await new SignJWT({
      name: pick(req.query.name, role === 'teacher' ? 'Ms. Rivera' : 'Ada Student'),
      role,
      classroom: pick(req.query.room, 'physics-101'),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(pick(req.query.user, role === 'teacher' ? 'teacher-1' : 'student-1'))
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(org.identitySecret));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ token });
  });
  // Only the page: this directory also holds this file, and a backend's source is nobody's business.
  const page = join(examplesDir, 'classroom', 'index.html');
  // Express matches '/classroom' with or without the trailing slash.
  router.get(['/classroom', '/classroom/index.html'], (_req, res) => res.sendFile(page));
  // The Vite example (examples/vite-classroom), once built: only its build output, never its source.
  router.use('/vite', serveStatic(join(examplesDir, 'vite-classroom', 'dist'), { index: 'index.html', fallthrough: true }));
  return router;
}
