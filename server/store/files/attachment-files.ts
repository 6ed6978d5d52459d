// Attachment bytes as files under SUPPORT_DATA_DIR/attachments, written to a .part file, fsynced, then renamed.
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { FileTooLargeError, type AttachmentFiles } from '../../domain/tickets/attachments';

export function attachmentFiles(root: string): AttachmentFiles {
  const base = resolve(root);
  const pathOf = (key: string): string => {
    const path = resolve(base, key);
    // Keys come from the domain (ticket id / attachment id), but a path must never leave the folder.
    if (!path.startsWith(base + sep)) throw new Error(`attachment key escapes the folder: ${key}`);
    return path;
  };

  return {
    async save(key, body, maxBytes, headBytes) {
      const path = pathOf(key);
      const part = `${path}.part`;
      await mkdir(dirname(path), { recursive: true });
      const file = await open(part, 'w');
      let size = 0;
      const head: Uint8Array[] = [];
      let headLength = 0;
      try {
        for await (const chunk of body) {
          size += chunk.byteLength;
          if (size > maxBytes) throw new FileTooLargeError(maxBytes);
          if (headLength < headBytes) {
            const take = chunk.subarray(0, headBytes - headLength);
            head.push(Uint8Array.from(take));
            headLength += take.byteLength;
          }
          await file.write(chunk);
        }
        // The metadata row is committed only after this: a stored attachment always has its bytes.
        await file.sync();
        await file.close();
      } catch (error) {
        await file.close().catch(() => {});
        await rm(part, { force: true });
        throw error;
      }
      await rename(part, path);
      return { size, head: Buffer.concat(head) };
    },
    read: (key) => createReadStream(pathOf(key)),
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

export const attachmentsDir = (dataDir: string): string => join(dataDir, 'attachments');
