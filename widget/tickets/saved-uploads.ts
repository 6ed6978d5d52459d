// Ticket files the server has not acknowledged yet, kept in IndexedDB (localStorage cannot hold files) per app key
// and user, so a reload or a closed tab loses none. Never throws: without IndexedDB (some private modes, sandboxed
// iframes) every call answers "nothing saved" and uploads work as before, only not across a reload.
import { markUploadsWaiting } from './upload-owner';

export interface SavedUpload {
  /** Also the upload id the server stores the attachment under, so a resend is stored once. */
  id: string;
  /** See upload-owner.ts. */
  owner: string;
  ticketId: string;
  name: string;
  /** The type to declare. */
  type: string;
  file: Blob;
  /** Restored in the order they were picked. */
  savedAt: number;
}

const DB_NAME = 'classroom-support';
const UPLOADS = 'uploads';

let opening: Promise<IDBDatabase | null> | null = null;

function openDatabase(): Promise<IDBDatabase | null> {
  opening ??= new Promise<IDBDatabase | null>((resolve) => {
    try {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(UPLOADS, { keyPath: 'id' }).createIndex('owner', 'owner');
      request.onsuccess = () => {
        const db = request.result;
        // A later widget version in another tab may upgrade the database: let it, and open afresh next time.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        db.onclose = () => (opening = null);
        resolve(db);
      };
      request.onerror = () => resolve(null);
    } catch {
      // No indexedDB at all, or access refused (SecurityError in sandboxed frames).
      resolve(null);
    }
  });
  return opening;
}

/** Runs `work` in one transaction; its result once the transaction has committed, null if anything failed. */
async function inTransaction<T>(mode: IDBTransactionMode, work: (uploads: IDBObjectStore) => () => T): Promise<{ value: T } | null> {
  const db = await openDatabase();
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      const tx = db.transaction(UPLOADS, mode);
      const result = work(tx.objectStore(UPLOADS));
      tx.oncomplete = () => resolve({ value: result() });
      tx.onerror = () => resolve(null);
      tx.onabort = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

const isSaved = (record: Partial<SavedUpload> | null): record is SavedUpload =>
  typeof record?.id === 'string' &&
  typeof record.owner === 'string' &&
  typeof record.ticketId === 'string' &&
  typeof record.name === 'string' &&
  typeof record.type === 'string' &&
  typeof record.savedAt === 'number' &&
  record.file instanceof Blob;

/** Keeps the file until forgetUpload; false when it could not be saved (it is still sent, just not across a reload). */
export async function saveUpload(upload: SavedUpload): Promise<boolean> {
  const done = await inTransaction('readwrite', (uploads) => {
    uploads.put(upload);
    return () => true;
  });
  if (done) markUploadsWaiting(upload.owner, true);
  return done !== null;
}

/** The owner's saved uploads, oldest first; damaged records are skipped. */
export async function savedUploads(owner: string): Promise<SavedUpload[]> {
  const read = await inTransaction('readonly', (uploads) => {
    const request = uploads.index('owner').getAll(owner);
    return () => (request.result as Array<Partial<SavedUpload> | null>).filter(isSaved);
  });
  const list = read?.value ?? [];
  // A flag without files (storage cleared, or IndexedDB gone) must not load the tickets view on every visit.
  if (list.length === 0) markUploadsWaiting(owner, false);
  return list.sort((a, b) => a.savedAt - b.savedAt);
}

/** The server has the file, or the user removed it. */
export async function forgetUpload(owner: string, id: string): Promise<void> {
  const left = await inTransaction('readwrite', (uploads) => {
    uploads.delete(id);
    const count = uploads.index('owner').count(owner);
    return () => count.result;
  });
  if (left?.value === 0) markUploadsWaiting(owner, false);
}
