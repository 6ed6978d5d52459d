// Messages the visitor wrote that the server has not acknowledged yet, in the order written. Saved in
// localStorage per app key and user, so a reload or a closed tab never loses them and nobody else sends them.
import { atom } from 'nanostores';
import { readStored, writeStored } from '../storage';

export interface OutboxItem {
  clientId: string;
  text: string;
  /**
   * 'failed': no answer in time. While `auto`, it still goes by itself (shown as waiting for the connection);
   * refused by the server (`auto` false) it shows "Not sent", why, and Retry.
   */
  status: 'sending' | 'failed';
  /** Sent again by itself whenever there is a connection; false once the server refused it (then only Retry). */
  auto: boolean;
  /** The server's error code when it refused the message. */
  refused?: string;
  /** Attempts on this connection that got no answer. */
  tries: number;
}

/** What survives a reload: enough to send it again with the same client id. */
type Saved = Pick<OutboxItem, 'clientId' | 'text'>;

export const $outbox = atom<OutboxItem[]>([]);

/** Where the current user's items are saved; null until we know who the visitor is. */
let savedAt: string | null = null;

export const outboxKey = (appKey: string, userId: string) => `cs:outbox:${appKey}:${userId}`;

function readSaved(key: string): Saved[] {
  try {
    const list: unknown = JSON.parse(readStored(key) ?? '[]');
    return Array.isArray(list) ? list.filter((s: Saved) => typeof s?.clientId === 'string' && typeof s.text === 'string') : [];
  } catch {
    return [];
  }
}

/** Another tab of the same user may have saved items since: change only the ones named here. */
function save(add: Saved[], remove: readonly (string | null)[]): void {
  if (!savedAt) return;
  const before = readSaved(savedAt);
  const list = before.filter((s) => !remove.includes(s.clientId));
  for (const { clientId, text } of add) if (!list.some((s) => s.clientId === clientId)) list.push({ clientId, text });
  if (list.length !== before.length) writeStored(savedAt, list.length ? JSON.stringify(list) : null);
}

const pending = ({ clientId, text }: Saved): OutboxItem => ({ clientId, text, status: 'sending', auto: true, tries: 0 });

/**
 * From now on the outbox belongs to this key's user: their saved items are loaded (oldest first), and what
 * was written before anyone was known is theirs too. Another user's items stay in that user's storage.
 */
export function bindOutbox(key: string): void {
  if (key === savedAt) return;
  const unsaved = savedAt === null ? $outbox.get() : [];
  savedAt = key;
  const saved = readSaved(key).map(pending);
  save(unsaved, []);
  $outbox.set([...saved, ...unsaved.filter((item) => !saved.some((s) => s.clientId === item.clientId))]);
}

export function findPending(clientId: string): OutboxItem | undefined {
  return $outbox.get().find((item) => item.clientId === clientId);
}

/** Saved before it is sent: what the visitor wrote survives whatever happens next. */
export function addPending(clientId: string, text: string): void {
  $outbox.set([...$outbox.get(), pending({ clientId, text })]);
  save([{ clientId, text }], []);
}

export function patchPending(clientId: string, patch: Partial<OutboxItem>): void {
  $outbox.set($outbox.get().map((item) => (item.clientId === clientId ? { ...item, ...patch } : item)));
}

/** Drops the pending copies of messages the server now holds (also ones another tab of this user sent). */
export function settlePending(clientIds: (string | null)[]): void {
  const outbox = $outbox.get();
  const rest = outbox.filter((item) => !clientIds.includes(item.clientId));
  if (rest.length !== outbox.length) $outbox.set(rest);
  save([], clientIds);
}
