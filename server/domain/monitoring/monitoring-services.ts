// Wires quality monitoring: the live monitor ticking once a second, each organisation's rules, the cluster job
// that stores one aggregate per classroom and minute, and the retention sweep that deletes old ones.
import type { Timers } from '../chats/visitor-presence';
import type { Clock, Store } from '../ports';
import type { AuditLog } from '../privacy/audit-log';
import { ClusterJob } from '../privacy/cluster-job';
import type { Retention } from '../privacy/retention';
import type { QualityMinute } from './monitoring-store';
import { QualityMonitor, type QualityChange } from './quality-monitor';
import { QualityRulesBook } from './quality-rules-book';
import { launchRules, type LaunchWindowBook } from '../desk/launch-windows';

export const QUALITY_MINUTES_JOB = 'quality-minutes';
const TICK_MS = 1_000;
const MINUTE = 60_000;
/** Aggregates are kept this long at most, whatever the organisation's retention (which may be shorter). */
export const QUALITY_MINUTES_KEPT_DAYS = 30;

export interface MonitoringServices {
  monitor: QualityMonitor;
  rules: QualityRulesBook;
  /** Stores the minute that just ended, once across the nodes sharing the database. */
  minutesJob: ClusterJob;
  onChange(listener: (change: QualityChange) => void): () => void;
  /** Starts the once-a-second tick and the minutes job. */
  start(): void;
  stop(): Promise<void>;
}

export interface MonitoringOptions {
  store: Store;
  clock: Clock;
  timers: Timers;
  audit: AuditLog;
  retention: Retention;
  /** Organisations launching now are watched by tighter rules. */
  launches?: LaunchWindowBook;
  onError(error: unknown, what: string): void;
}

export function createMonitoringServices({ store, clock, timers, audit, retention, launches, onError }: MonitoringOptions): MonitoringServices {
  const listeners = new Set<(change: QualityChange) => void>();
  const rules = new QualityRulesBook({ store, clock, audit, onError: (error) => onError(error, 'load quality rules') });
  const monitor = new QualityMonitor({
    clock,
    rulesFor: (organisationId) => {
      const own = rules.rulesFor(organisationId);
      return launches?.activeFor(organisationId) ? launchRules(own) : own;
    },
    onChange: (change) => {
      for (const listener of listeners) {
        try {
          listener(change);
        } catch (error) {
          onError(error, `quality change ${change.type}`);
        }
      }
    },
  });
  const minutesJob = new ClusterJob(
    { store, clock, timers },
    {
      name: QUALITY_MINUTES_JOB,
      intervalMs: MINUTE,
      pollMs: 5_000,
      run: async (now) => {
        const minute = now - (now % MINUTE) - MINUTE;
        const rows: QualityMinute[] = monitor.minute(minute).map((m) => ({
          organisationId: m.organisationId,
          classroomId: m.classroomId,
          minute,
          reports: m.figures.reports,
          users: m.users,
          degradedUsers: m.degradedUsers,
          rttMs: m.figures.rttMs,
          packetLossPct: m.figures.packetLossPct,
          jitterMs: m.figures.jitterMs,
        }));
        await store.addQualityMinutes(rows);
      },
      onError: (error) => onError(error, 'store quality minutes'),
    },
  );
  retention.addSweep({
    name: 'qualityMinutes',
    purge: (organisationId, cutoff) => store.purgeQualityMinutes(organisationId, cutoff),
  });

  let tick: unknown = null;
  const loop = () => {
    try {
      monitor.tick();
    } catch (error) {
      onError(error, 'quality tick');
    }
    tick = timers.set(loop, TICK_MS);
  };
  return {
    monitor,
    rules,
    minutesJob,
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    start() {
      if (tick === null) tick = timers.set(loop, TICK_MS);
      minutesJob.start();
    },
    async stop() {
      if (tick !== null) timers.clear(tick);
      tick = null;
      minutesJob.stop();
      await minutesJob.idle();
    },
  };
}
