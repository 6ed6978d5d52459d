// Wires personal data: the audit log, retention with its cluster job, and end users' export and erasure.
import type { Conversations } from '../chats/conversations';
import type { Timers } from '../chats/visitor-presence';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { AttachmentFiles } from '../tickets/attachments';
import { AuditLog } from './audit-log';
import { ClusterJob } from './cluster-job';
import { EndUserData } from './end-user-data';
import { Retention } from './retention';

export const RETENTION_JOB = 'retention';
/** Hourly: a day's limit is kept to within an hour, and a pass over nothing to delete costs a few queries. */
export const DEFAULT_RETENTION_INTERVAL_MS = 60 * 60 * 1000;
const RETENTION_POLL_MS = 60_000;

export interface PrivacyServices {
  audit: AuditLog;
  retention: Retention;
  /** Runs retention once per interval across every process on the database; started by the app. */
  retentionJob: ClusterJob;
  endUsers: EndUserData;
}

export interface PrivacyOptions {
  store: Store;
  clock: Clock;
  events: DomainEvents;
  newId: () => string;
  timers: Timers;
  conversations: Conversations;
  files: AttachmentFiles | null;
  retentionIntervalMs?: number;
  onError(error: unknown, what: string): void;
}

export function createPrivacyServices(options: PrivacyOptions): PrivacyServices {
  const { store, clock, events, newId, timers, conversations, files, onError } = options;
  const intervalMs = options.retentionIntervalMs ?? DEFAULT_RETENTION_INTERVAL_MS;
  const audit = new AuditLog({ store, clock, newId });
  const onFileError = (error: unknown, key: string) => onError(error, `remove attachment file ${key}`);
  const retention = new Retention({ store, audit, files, onFileError });
  const retentionJob = new ClusterJob(
    { store, clock, timers },
    {
      name: RETENTION_JOB,
      intervalMs,
      pollMs: RETENTION_POLL_MS,
      run: (now) => retention.sweep(now),
      onError: (error) => onError(error, 'retention run'),
    },
  );
  return { audit, retention, retentionJob, endUsers: new EndUserData({ store, clock, events, conversations, audit, files, onFileError }) };
}
