// Checks that a file's bytes are what its declared type claims: magic numbers for binaries, clean UTF-8 for text.
const startsWith = (head: Uint8Array, bytes: number[], at = 0): boolean => bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

function isText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  try {
    // stream: true tolerates a character cut in half at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function isJson(head: Uint8Array): boolean {
  if (!isText(head)) return false;
  const start = new TextDecoder()
    .decode(head.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return start.startsWith('{') || start.startsWith('[');
}

const MATCHES: Record<string, (head: Uint8Array) => boolean> = {
  'image/png': (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (h) => startsWith(h, [0xff, 0xd8, 0xff]),
  'image/gif': (h) => startsWith(h, ascii('GIF87a')) || startsWith(h, ascii('GIF89a')),
  'image/webp': (h) => startsWith(h, ascii('RIFF')) && startsWith(h, ascii('WEBP'), 8),
  'application/pdf': (h) => startsWith(h, ascii('%PDF-')),
  'text/plain': isText,
  'application/json': isJson,
};

/** How many leading bytes the checks need. */
export const SNIFF_BYTES = 4096;

/** True when the first bytes of the file fit `type`; false for types we do not accept at all. */
export function contentMatches(type: string, head: Uint8Array): boolean {
  return MATCHES[type]?.(head) ?? false;
}

/** Images are safe to show inline in a browser; everything else downloads. */
export const showsInline = (type: string): boolean => type.startsWith('image/');
