// Files on their way to tickets: saved first (saved-uploads.ts), sent one at a time with progress and the same
// upload id on every try (the server stores each once), resent after a reload or reconnect until the server has it.
import { atom } from 'nanostores';
import { uploadWithProgress, type TicketUpload } from '../../shared/browser-upload';
import type { ErrorCode, WireError } from '../../shared/errors';
import { retryDelayOf } from '../../shared/retry-after';
import { checkAttachment } from '../../shared/ticket-limits';
import type { AttachmentView } from '../../shared/ticket-model';
import { newClientId } from '../uuid';
import type { TicketsBridge } from './bridge';
import { forgetUpload, saveUpload, savedUploads } from './saved-uploads';

export interface Upload extends TicketUpload {
  file: Blob;
  /** The type to declare; empty when the file cannot be sent. */
  type: string;
  /** Whose saved copy it has (see upload-owner.ts); null when it is not saved. */
  owner: string | null;
  /** Sent again by itself on every reconnect and reload; false once the server refused it (then only Retry). */
  auto: boolean;
  /** Tries in a row without an answer; at MAX_TRIES it shows "Not sent" and waits for a reconnect or Retry. */
  tries: number;
}

export const $uploads = atom<Upload[]>([]);

const MAX_TRIES = 3;
const RETRY_DELAY_MS = 1_500;
/** Failures a later try may cure; every other refusal waits for the user's Retry. */
const RETRYABLE: ErrorCode[] = ['internal', 'rate_limited', 'conflict'];
export const NO_ANSWER = 'No connection to the support server. The file is kept and sent when the connection is back.';

let bridge: TicketsBridge | null = null;
/** Whose saved uploads this page has taken over. */
let restoredFor: string | null = null;
let pumping = false;
const acknowledged = new Set<(ticketId: string) => void>();
let lastStamp = 0;

/** Called with the ticket each time the server confirms one of its files; returns a function that stops it. */
export function onUploaded(listener: (ticketId: string) => void): () => void {
  acknowledged.add(listener);
  return () => acknowledged.delete(listener);
}

/**
 * Hands the widget's connection over: called when the tickets view mounts, and by the widget itself when files
 * from an earlier page wait (even if the view is never opened). Safe to call again.
 */
export function startUploads(to: TicketsBridge): void {
  const first = bridge === null;
  bridge = to;
  // For the life of the page, also after the view unmounts: what waits is sent on every reconnect.
  if (first) to.onReconnect(() => void resumeUploads());
  void resumeUploads();
}

/** The user's saved uploads join the list once the user is known; everything not refused is sent (again). */
async function resumeUploads(): Promise<void> {
  const owner = bridge?.owner() ?? null;
  if (owner && owner !== restoredFor) {
    restoredFor = owner;
    const saved = await savedUploads(owner);
    const current = $uploads.get().filter((u) => u.owner === null || u.owner === owner);
    const restored = saved
      .filter((s) => !current.some((u) => u.id === s.id))
      .map(
        ({ id, ticketId, name, type, file }): Upload => ({ id, ticketId, name, type, file, owner, progress: 0, error: null, auto: true, tries: 0 }),
      );
    $uploads.set([...restored, ...current]);
  }
  // "Not sent" after tries without an answer goes again on a fresh connection.
  for (const u of $uploads.get()) if (u.error && u.auto && u.type) patch(u.id, { error: null, tries: 0 });
  await pump();
}

/** Saves each sendable file, then uploads them in order; a file that cannot be sent shows why, and is not sent. */
export async function uploadFiles(ticketId: string, files: File[]): Promise<void> {
  const owner = bridge?.owner() ?? null;
  const added = await Promise.all(
    files.map(async (file): Promise<Upload> => {
      const check = checkAttachment(file.name, file.type, file.size);
      const upload: Upload = {
        id: newClientId(),
        ticketId,
        name: file.name,
        progress: 0,
        file,
        type: '',
        error: null,
        owner: null,
        auto: true,
        tries: 0,
      };
      if ('problem' in check) return { ...upload, error: check.problem, auto: false };
      const type = check.type;
      // Saved before the first byte is sent: from here on a reload or a closed tab loses nothing.
      const saved = owner !== null && (await saveUpload({ id: upload.id, owner, ticketId, name: file.name, type, file, savedAt: stamp() }));
      return { ...upload, type, owner: saved ? owner : null };
    }),
  );
  $uploads.set([...$uploads.get(), ...added]);
  await pump();
}

export function retryUpload(id: string): void {
  patch(id, { error: null, tries: 0, auto: true });
  void pump();
}

/** Removes it for good, also from what a reload would send. */
export function dropUpload(id: string): void {
  const upload = $uploads.get().find((u) => u.id === id);
  $uploads.set($uploads.get().filter((u) => u.id !== id));
  if (upload?.owner) void forgetUpload(upload.owner, id);
}

const patch = (id: string, change: Partial<Upload>) => $uploads.set($uploads.get().map((u) => (u.id === id ? { ...u, ...change } : u)));
const find = (id: string) => $uploads.get().find((u) => u.id === id);
const stamp = () => (lastStamp = Math.max(Date.now(), lastStamp + 1));
const sendable = (u: Upload) => u.type !== '' && u.error === null;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One file at a time, in the order picked, so a ticket's files arrive in that order. */
async function pump(): Promise<void> {
  if (pumping || !bridge) return;
  pumping = true;
  try {
    let next = $uploads.get().find(sendable);
    while (next) {
      await attempt(bridge, next);
      next = $uploads.get().find(sendable);
    }
  } finally {
    pumping = false;
  }
}

async function attempt(to: TicketsBridge, upload: Upload): Promise<void> {
  patch(upload.id, { progress: 0 });
  const failure = await send(to, upload);
  if (!failure) {
    $uploads.set($uploads.get().filter((u) => u.id !== upload.id));
    if (upload.owner) await forgetUpload(upload.owner, upload.id);
    for (const listener of acknowledged) listener(upload.ticketId);
    return;
  }
  const current = find(upload.id);
  if (!current) return;
  // The server asked to slow down and said for how long: not an unanswered try, just a wait.
  if (failure.code === 'rate_limited') {
    await delay(retryDelayOf(failure));
    return;
  }
  if (!RETRYABLE.includes(failure.code)) return patch(upload.id, { error: failure.message, auto: false });
  const tries = current.tries + 1;
  if (tries >= MAX_TRIES) return patch(upload.id, { tries, error: failure.message });
  patch(upload.id, { tries });
  await delay(RETRY_DELAY_MS * tries);
}

/** One try: a fresh grant (they expire), then the bytes. Null when the server has the file. */
async function send(to: TicketsBridge, upload: Upload): Promise<WireError | null> {
  try {
    const grant = await to.request('ticket:upload-grant', { ticketId: upload.ticketId });
    if (!grant.ok) return grant.error;
    const headers = {
      Authorization: `Grant ${grant.data.token}`,
      'Content-Type': upload.type,
      'X-File-Name': encodeURIComponent(upload.name),
      'X-Upload-Id': upload.id,
    };
    const result = await uploadWithProgress<AttachmentView>(`${to.server}${grant.data.url}`, upload.file, headers, (progress) =>
      patch(upload.id, { progress }),
    );
    return result.ok ? null : result.error;
  } catch {
    // Offline, or no answer in time: the same upload id goes again.
    return { code: 'internal', message: NO_ANSWER };
  }
}
