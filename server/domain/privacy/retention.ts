// Per-organisation retention: admins set how many days closed chats and tickets are kept (null: keep), and a
// cluster job deletes what is older, files included, once per run across processes. Other kinds of kept data
// (quality data, when monitoring arrives) plug in as RetentionSweeps and are deleted by the same run.
import type { OrganisationRetention } from '../../../shared/personal-data';
import { AUDIT_SYSTEM_ACTORS } from '../../../shared/audit-log';
import { DomainError } from '../errors';
import type { Agent } from '../records';
import { requireRole } from '../roles';
import type { AttachmentFiles } from '../tickets/attachments';
import type { AuditLog, RequestOrigin } from './audit-log';
import { removeFiles } from './file-removal';
import type { RetentionStore } from './privacy-store';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows per transaction: a large first purge never holds the database's write lock for long. */
const BATCH = 200;

/** One more kind of data a retention run deletes for an organisation (e.g. quality data). */
export interface RetentionSweep {
  name: string;
  /** Deletes the organisation's data of this kind older than `cutoff`; returns how many items went. */
  purge(organisationId: string, cutoff: number): Promise<number>;
}

export interface RetentionDeps {
  store: RetentionStore;
  audit: AuditLog;
  files: AttachmentFiles | null;
  onFileError(error: unknown, key: string): void;
}

export class Retention {
  private readonly sweeps: RetentionSweep[] = [];

  constructor(private readonly deps: RetentionDeps) {}

  async list(admin: Agent): Promise<OrganisationRetention[]> {
    requireRole(admin, 'admin');
    return this.deps.store.listRetention();
  }

  async set(admin: Agent, organisationId: string, days: number | null, origin: RequestOrigin): Promise<OrganisationRetention> {
    requireRole(admin, 'admin');
    const before = (await this.deps.store.listRetention()).find((r) => r.organisationId === organisationId);
    if (!before || !(await this.deps.store.setRetentionDays(organisationId, days))) throw new DomainError('not_found', 'No such organisation');
    await this.deps.audit.record({
      actor: { kind: 'agent', agent: admin },
      action: 'organisation.retention_changed',
      target: { kind: 'organisation', id: organisationId, label: before.name },
      details: { from: before.days, to: days },
      origin,
    });
    return { ...before, days };
  }

  /** The hook for other kept data: registered sweeps run in every retention pass, after chats and tickets. */
  addSweep(sweep: RetentionSweep): void {
    this.sweeps.push(sweep);
  }

  /** One retention pass at `now` (the cluster job calls it once per run); each organisation that lost data is audited. */
  async sweep(now: number): Promise<void> {
    for (const { organisationId, name, days } of await this.deps.store.listRetention()) {
      if (days === null) continue;
      const cutoff = now - days * DAY_MS;
      let conversations = 0;
      let tickets = 0;
      let files = 0;
      for (;;) {
        const batch = await this.deps.store.purgeClosedBefore(organisationId, cutoff, BATCH);
        conversations += batch.conversations;
        tickets += batch.tickets;
        files += await removeFiles(this.deps.files, batch.storageKeys, this.deps.onFileError);
        if (batch.conversations < BATCH && batch.tickets < BATCH) break;
      }
      const deleted: Record<string, number> = { conversations, tickets, files };
      for (const extra of this.sweeps) deleted[extra.name] = await extra.purge(organisationId, cutoff);
      if (Object.values(deleted).some((count) => count > 0)) {
        await this.deps.audit.record({
          actor: { kind: 'system', name: AUDIT_SYSTEM_ACTORS.retention },
          action: 'retention.purged',
          target: { kind: 'organisation', id: organisationId, label: name },
          details: { days, cutoff, ...deleted },
        });
      }
    }
  }
}
