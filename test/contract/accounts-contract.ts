// The accounts part of the Store contract: sessions listed and ended by id, passwords, links used once and
// never after expiry, TOTP time steps that only move forward, and the agent's saved language and time zone.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../server/domain/ports';
import type { Agent } from '../../server/domain/records';
import { anAgent, aSession } from '../support/records';
import type { StoreHarness } from './store-contract';

export function accountsContract(harness: StoreHarness): void {
  describe('accounts', () => {
    let store: Store;
    let lin: Agent;
    let sam: Agent;
    beforeEach(async () => {
      store = await harness.open();
      lin = await store.createAgent(anAgent({ name: 'Lin' }));
      sam = await store.createAgent(anAgent({ name: 'Sam' }));
    });
    afterEach(async () => {
      await harness.dispose(store);
    });

    it('keeps an agent’s language and time zone, and forgets the zone on null', async () => {
      expect((await store.getAgent(lin.id))?.timeZone ?? null).toBeNull();
      await store.setAgentLocale(lin.id, 'zh-CN');
      await store.setAgentTimeZone(lin.id, 'Asia/Shanghai');
      expect(await store.getAgent(lin.id)).toMatchObject({ locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
      expect((await store.findAgentByEmail(lin.email))?.timeZone).toBe('Asia/Shanghai');
      expect((await store.getAgent(sam.id))?.timeZone ?? null).toBeNull();
      await store.setAgentTimeZone(lin.id, null);
      expect((await store.getAgent(lin.id))?.timeZone).toBeNull();
    });

    it('lists an agent’s live sessions, most recently used first, and ends them by id, all, or all but one', async () => {
      const [a, b, c] = [
        aSession(lin.id, 'ha', { lastUsedAt: 10 }),
        aSession(lin.id, 'hb', { lastUsedAt: 30 }),
        aSession(lin.id, 'hc', { lastUsedAt: 20 }),
      ];
      for (const s of [a, b, c]) await store.createSession(s);
      const expired = aSession(lin.id, 'old', { expiresAt: 100 });
      await store.createSession(expired);
      await store.createSession(aSession(sam.id, 'hs'));
      expect((await store.listSessions(lin.id, 100)).map((s) => s.id)).toEqual([b.id, c.id, a.id]);
      expect((await store.listSessions(lin.id, 100))[0]).toEqual(b);

      expect(await store.deleteSessions(sam.id, { onlyId: a.id })).toEqual([]);
      expect(await store.deleteSessions(lin.id, { onlyId: a.id })).toEqual([a.id]);
      // Expired sessions end too: "everywhere else" leaves nothing behind.
      expect((await store.deleteSessions(lin.id, { exceptId: b.id })).sort()).toEqual([c.id, expired.id].sort());
      expect((await store.listSessions(lin.id, 0)).map((s) => s.id)).toEqual([b.id]);
      expect(await store.deleteSessions(lin.id, {})).toEqual([b.id]);
      expect(await store.listSessions(sam.id, 0)).toHaveLength(1);
    });

    it('touches a session only when its last use is older than asked', async () => {
      const s = aSession(lin.id, 'h1', { lastUsedAt: 1_000, address: '10.0.0.1' });
      await store.createSession(s);
      await store.touchSession(s.id, 1_500, 900, '10.0.0.2');
      expect(await store.findSession('h1', 0)).toMatchObject({ lastUsedAt: 1_000, address: '10.0.0.1' });
      await store.touchSession(s.id, 2_000, 1_001, '10.0.0.3');
      expect(await store.findSession('h1', 0)).toMatchObject({ lastUsedAt: 2_000, address: '10.0.0.3' });
    });

    it('sets a password and the forced-change flag together', async () => {
      await store.setPassword(lin.id, 'scrypt$new', true);
      expect(await store.getAgent(lin.id)).toMatchObject({ passwordHash: 'scrypt$new', mustChangePassword: true });
      await store.setPassword(lin.id, '', false);
      expect(await store.getAgent(lin.id)).toMatchObject({ passwordHash: '', mustChangePassword: false });
      expect(await store.getAgent(sam.id)).toMatchObject({ passwordHash: sam.passwordHash });
    });

    it('uses a link once, never after it expired, and drops only unused links', async () => {
      const link = {
        tokenHash: `h-${randomUUID()}`,
        agentId: lin.id,
        purpose: 'invite' as const,
        createdBy: sam.id,
        createdAt: 1,
        expiresAt: 100,
        usedAt: null,
      };
      await store.createAccountLink(link);
      expect(await store.findAccountLink(link.tokenHash)).toEqual(link);
      expect(await store.useAccountLink(link.tokenHash, 100)).toBe(false);
      // Either may win when the two run on separate connections (PostgreSQL's pool); exactly one does.
      const raced = await Promise.all([store.useAccountLink(link.tokenHash, 50), store.useAccountLink(link.tokenHash, 51)]);
      expect([...raced].sort()).toEqual([false, true]);
      expect(await store.findAccountLink(link.tokenHash)).toMatchObject({ usedAt: raced[0] ? 50 : 51 });
      const unused = { ...link, tokenHash: `h-${randomUUID()}`, purpose: 'reset' as const, createdBy: null };
      await store.createAccountLink(unused);
      await store.dropUnusedAccountLinks(lin.id);
      expect(await store.findAccountLink(unused.tokenHash)).toBeNull();
      expect(await store.findAccountLink(link.tokenHash)).not.toBeNull();
      expect(await store.useAccountLink('unknown', 1)).toBe(false);
    });

    it('keeps a two-factor secret apart from the pending one, and accepts each time step once, in order', async () => {
      expect(await store.getTwoFactor(lin.id)).toEqual({ secret: null, pendingSecret: null, lastStep: null });
      await store.setTwoFactor(lin.id, { pendingSecret: 'PENDING' });
      expect((await store.getAgent(lin.id))?.twoFactorEnabled).toBe(false);
      await store.setTwoFactor(lin.id, { secret: 'SECRET', pendingSecret: null, lastStep: 5 });
      expect(await store.getTwoFactor(lin.id)).toEqual({ secret: 'SECRET', pendingSecret: null, lastStep: 5 });
      expect((await store.getAgent(lin.id))?.twoFactorEnabled).toBe(true);
      expect(await store.advanceTwoFactorStep(lin.id, 5)).toBe(false);
      expect((await Promise.all([store.advanceTwoFactorStep(lin.id, 6), store.advanceTwoFactorStep(lin.id, 6)])).sort()).toEqual([false, true]);
      expect(await store.advanceTwoFactorStep(lin.id, 4)).toBe(false);
      expect(await store.getTwoFactor(sam.id)).toEqual({ secret: null, pendingSecret: null, lastStep: null });
    });
  });
}
