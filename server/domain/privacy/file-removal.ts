// Removes attachment bytes whose rows a retention run or an erasure already deleted.
import type { AttachmentFiles } from '../tickets/attachments';

/**
 * Bytes go after their rows are committed: a crash in between leaves an unreferenced file (found by listing the
 * folder), never a row without bytes. A file that cannot be removed is reported and the rest still go.
 */
export async function removeFiles(files: AttachmentFiles | null, keys: string[], onError: (error: unknown, key: string) => void): Promise<number> {
  let removed = 0;
  for (const key of keys) {
    try {
      await files?.remove(key);
      removed += 1;
    } catch (error) {
      onError(error, key);
    }
  }
  return removed;
}
