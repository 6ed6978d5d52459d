// The monitoring part of the Store contract: rules per organisation (set, replace, back to defaults), minute
// aggregates that a second writer of the same minute leaves alone, read by classroom and range, purged by age.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY_RULES } from '../../shared/quality';
import type { QualityMinute } from '../../server/domain/monitoring/monitoring-store';
import type { Store } from '../../server/domain/ports';
import type { Organisation } from '../../server/domain/records';
import { anOrganisation } from '../support/records';
import type { StoreHarness } from './store-contract';

const T = 1_700_000_040_000 - (1_700_000_040_000 % 60_000);
const aMinute = (organisationId: string, classroomId: string, minute: number, over: Partial<QualityMinute> = {}): QualityMinute => ({
  organisationId,
  classroomId,
  minute,
  reports: 12,
  users: 4,
  degradedUsers: 1,
  rttMs: 120.5,
  packetLossPct: 1.5,
  jitterMs: null,
  ...over,
});

export function monitoringContract(harness: StoreHarness): void {
  describe('quality monitoring', () => {
    let store: Store;
    let org: Organisation;
    let other: Organisation;
    beforeEach(async () => {
      store = await harness.open();
      org = await store.createOrganisation(anOrganisation());
      other = await store.createOrganisation(anOrganisation());
    });
    afterEach(async () => {
      await harness.dispose(store);
    });

    it('keeps rules per organisation; null goes back to the defaults', async () => {
      expect(await store.getQualityRules(org.id)).toBeNull();
      const rules = { ...DEFAULT_QUALITY_RULES, incident: { ...DEFAULT_QUALITY_RULES.incident, minUsers: 5 } };
      await store.setQualityRules(org.id, rules, T);
      await store.setQualityRules(org.id, { ...rules, classroom: { ...rules.classroom, minUsers: 4 } }, T + 1);
      expect((await store.getQualityRules(org.id))?.classroom.minUsers).toBe(4);
      expect(await store.getQualityRules(other.id)).toBeNull();
      await store.setQualityRules(org.id, null, T + 2);
      expect(await store.getQualityRules(org.id)).toBeNull();
    });

    it('stores each classroom minute once, lists a range oldest first, purges by age per organisation', async () => {
      await store.addQualityMinutes([aMinute(org.id, 'p', T + 60_000), aMinute(org.id, 'p', T), aMinute(org.id, 'm', T), aMinute(other.id, 'p', T)]);
      // Another node writing the same minute changes nothing.
      await store.addQualityMinutes([aMinute(org.id, 'p', T, { reports: 99 }), aMinute(org.id, 'p', T + 120_000, { rttMs: null })]);
      const listed = await store.listQualityMinutes(org.id, 'p', T, T + 120_001);
      expect(listed).toEqual([aMinute(org.id, 'p', T), aMinute(org.id, 'p', T + 60_000), aMinute(org.id, 'p', T + 120_000, { rttMs: null })]);
      expect(await store.listQualityMinutes(org.id, 'p', T + 60_000, T + 120_000)).toHaveLength(1);
      await store.addQualityMinutes([]);
      expect(await store.purgeQualityMinutes(org.id, T + 60_000)).toBe(2);
      expect((await store.listQualityMinutes(org.id, 'p', 0, T + 200_000)).map((m) => m.minute)).toEqual([T + 60_000, T + 120_000]);
      expect(await store.listQualityMinutes(other.id, 'p', 0, T + 200_000)).toHaveLength(1);
    });
  });
}
