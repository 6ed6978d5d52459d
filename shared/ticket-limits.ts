// Size limits and accepted attachment types of tickets, shared by the widget (refuse early) and the server (enforce).
export const TICKET_LIMITS = {
  subject: 200,
  description: 8000,
  steps: 4000,
  reply: 8000,
  category: 60,
  phone: 32,
  preferredTime: 120,
  fileName: 200,
  /** Per file. */
  attachmentBytes: 10 * 1024 * 1024,
  attachmentsPerTicket: 20,
  listPage: 200,
  apiTokenName: 80,
} as const;

/** Accepted attachment types and the file name endings that go with them (used when a browser names no type). */
export const ATTACHMENT_TYPES: Record<string, string[]> = {
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
  'application/pdf': ['.pdf'],
  'text/plain': ['.txt', '.log'],
  'application/json': ['.json', '.har'],
};

/** The declared type to send for a file: its own when accepted, else one inferred from its name; null when not accepted. */
export function attachmentTypeFor(name: string, declared: string): string | null {
  const type = declared.split(';')[0]!.trim().toLowerCase();
  if (type in ATTACHMENT_TYPES) return type;
  const lower = name.toLowerCase();
  for (const [candidate, endings] of Object.entries(ATTACHMENT_TYPES)) {
    if (endings.some((ending) => lower.endsWith(ending))) return candidate;
  }
  return null;
}

/** "640 B", "88 KB", "2.4 MB". */
export const formatFileSize = (bytes: number): string =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Checks a file before sending it: the type to declare, or why it would be refused (in words for people). */
export function checkAttachment(name: string, declared: string, size: number): { type: string } | { problem: string } {
  const type = attachmentTypeFor(name, declared);
  if (!type) return { problem: 'Only screenshots (PNG, JPEG, GIF, WebP), PDF, text logs and JSON/HAR files can be attached.' };
  if (size > TICKET_LIMITS.attachmentBytes) return { problem: `Files may be at most ${formatFileSize(TICKET_LIMITS.attachmentBytes)}.` };
  if (size === 0) return { problem: 'The file is empty.' };
  return { type };
}
