// A connect storm of new verified visitors through the real identity service and a real (in-memory SQLite) store:
// their records are created in shared batches, every handshake gets its own user, and one user's failed insert
// fails that handshake alone.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../server/domain/ports';
import type { EndUser, Organisation } from '../../server/domain/records';
import { createServices, type SupportServices } from '../../server/domain/services';
import { memoryRateLimits } from '../../server/store/rate-limits/flexible-rate-limits';
import { openSqliteStore } from '../../server/store/sqlite/index';
import { anOrganisation } from '../support/records';
import { identityToken } from '../support/server';

const ORIGIN = 'http://127.0.0.1:5173';

describe('new verified visitors connecting at once', () => {
  let real: Store;
  let services: SupportServices;
  let org: Organisation;
  const calls = { createEndUsers: 0, createEndUser: 0, findEndUsersByExternalIds: 0 };
  /** Rows whose insert fails (as a broken row would): the batch holding one fails as a whole. */
  const poisoned = new Set<string>();

  beforeEach(async () => {
    real = openSqliteStore(':memory:');
    await real.migrate();
    for (const key of Object.keys(calls) as (keyof typeof calls)[]) calls[key] = 0;
    poisoned.clear();
    const failIfPoisoned = (users: readonly EndUser[]) => {
      if (users.some((user) => poisoned.has(user.externalId ?? ''))) throw new Error('insert failed');
    };
    // The real store, counting batch calls and failing inserts of poisoned rows.
    const store: Store = {
      ...real,
      createEndUsers: async (users) => {
        calls.createEndUsers += 1;
        failIfPoisoned(users);
        return real.createEndUsers(users);
      },
      createEndUser: async (user) => {
        calls.createEndUser += 1;
        failIfPoisoned([user]);
        return real.createEndUser(user);
      },
      findEndUsersByExternalIds: (organisationId, ids) => {
        calls.findEndUsersByExternalIds += 1;
        return real.findEndUsersByExternalIds(organisationId, ids);
      },
    };
    services = createServices({
      store,
      clock: { now: () => Date.now() },
      newId: randomUUID,
      onListenerError: (e) => {
        throw e;
      },
      rateLimits: memoryRateLimits(),
    });
    org = await real.createOrganisation(anOrganisation({ identityRequired: true }));
  });
  afterEach(async () => {
    await real.close();
  });

  const connect = async (sub: string, name = `Student ${sub}`) => {
    const token = await identityToken(org.identitySecret, { sub, name, role: 'student' });
    return services.visitors.resolve({ appKey: org.appKey, token }, ORIGIN);
  };

  it('creates a storm of new users in a few shared inserts, each handshake with its own user', async () => {
    const N = 120;
    const subs = Array.from({ length: N }, (_, i) => `learner-${i}`);
    const resolved = await Promise.all(subs.map((sub) => connect(sub)));
    for (const [i, { user }] of resolved.entries()) {
      expect(user).toMatchObject({ externalId: subs[i], name: `Student ${subs[i]}`, verified: true, organisationId: org.id });
    }
    expect(new Set(resolved.map(({ user }) => user.id)).size).toBe(N);
    for (const { user } of resolved) expect(await real.getEndUser(user.id)).toEqual(user);
    expect(calls.createEndUsers).toBeGreaterThanOrEqual(1);
    expect(calls.createEndUsers).toBeLessThan(N / 10);
    expect(calls.findEndUsersByExternalIds).toBeLessThan(N / 10);
    expect(calls.createEndUser).toBe(0);
  });

  it('gives two tabs of one new user the same record, whether they share a batch or not', async () => {
    const [a, b, other, c] = await Promise.all([connect('twin'), connect('twin'), connect('someone-else'), connect('twin')]);
    expect(b!.user.id).toBe(a!.user.id);
    expect(c!.user.id).toBe(a!.user.id);
    expect(other!.user.id).not.toBe(a!.user.id);
    expect(other!.user.externalId).toBe('someone-else');
    expect(await real.findEndUsersByExternalIds(org.id, ['twin', 'someone-else'])).toHaveLength(2);
    // Later, one at a time: the stored record.
    expect((await connect('twin')).user.id).toBe(a!.user.id);
  });

  it('fails only the handshake whose insert failed; the others in its batch get their own users', async () => {
    poisoned.add('broken');
    const subs = ['first', 'broken', 'third', 'fourth'];
    // Tokens signed first, so the four handshakes reach the identity service in the same turn: one batch.
    const tokens = await Promise.all(subs.map((sub) => identityToken(org.identitySecret, { sub, name: `Student ${sub}`, role: 'student' })));
    const outcomes = await Promise.allSettled(tokens.map((token) => services.visitors.resolve({ appKey: org.appKey, token }, ORIGIN)));
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: { message: 'insert failed' } });
    for (const i of [0, 2, 3]) {
      const outcome = outcomes[i]!;
      if (outcome.status !== 'fulfilled') throw new Error(`${subs[i]} should have connected`);
      expect(outcome.value.user).toMatchObject({ externalId: subs[i], name: `Student ${subs[i]}` });
      expect(await real.getEndUser(outcome.value.user.id)).toEqual(outcome.value.user);
    }
    // The batch failed as a whole, then each user was tried on their own.
    expect(calls.createEndUsers).toBe(1);
    expect(calls.createEndUser).toBe(4);
    expect(await real.findEndUsersByExternalIds(org.id, subs)).toHaveLength(3);
    // The failed user can connect once the fault is gone.
    poisoned.clear();
    expect((await connect('broken')).user.externalId).toBe('broken');
  });
});
