// The audit log as admins read it: newest first, filtered by action or actor, older pages appended on demand.
import { atom } from 'nanostores';
import type { AuditAction, AuditEntry } from '../../../shared/audit-log';
import { privacyApi } from '../privacy-api';

export interface AuditFilter {
  action: AuditAction | '';
  actorId: string;
}

export interface AuditLogState {
  filter: AuditFilter;
  entries: AuditEntry[] | null;
  nextBefore: string | null;
  busy: boolean;
  error: string | null;
}

export const $auditLog = atom<AuditLogState>({ filter: { action: '', actorId: '' }, entries: null, nextBefore: null, busy: false, error: null });

async function fetchPage(filter: AuditFilter, before: string | null): Promise<void> {
  $auditLog.set({ ...$auditLog.get(), filter, busy: true, error: null });
  const result = await privacyApi.auditLog({
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(before ? { before } : {}),
  });
  const state = $auditLog.get();
  // A newer filter was chosen meanwhile: this page belongs to the old one.
  if (state.filter !== filter) return;
  if (!result.ok) {
    $auditLog.set({ ...state, busy: false, error: result.error.message });
    return;
  }
  const entries = before ? [...(state.entries ?? []), ...result.data.entries] : result.data.entries;
  $auditLog.set({ ...state, entries, nextBefore: result.data.nextBefore, busy: false });
}

/** The newest page for a filter (the current one when none is given). */
export const loadAuditLog = (filter: AuditFilter = $auditLog.get().filter): Promise<void> => fetchPage(filter, null);

export async function loadOlderAuditEntries(): Promise<void> {
  const { filter, nextBefore } = $auditLog.get();
  if (nextBefore) await fetchPage(filter, nextBefore);
}
