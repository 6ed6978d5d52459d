// The name an attachment is stored and shown under: what the uploader called it, made safe to show and to
// put in a Content-Disposition header, and honest about its type.
import { ATTACHMENT_TYPES, TICKET_LIMITS } from '../../../shared/ticket-limits';

/**
 * Control characters, quotes, and the invisible bidirectional controls (embeddings, overrides, isolates and the
 * directional marks) that make "invoice‮fdp.exe" display as "invoiceexe.pdf".
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters from file names is the point
const UNSAFE = /[\u0000-\u001f\u007f"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A name safe to show: no path, no control or bidi characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(UNSAFE, '').trim().slice(0, TICKET_LIMITS.fileName);
  return clean || 'attachment';
}

/**
 * The clean name with an extension that agrees with `type`, the type the content was checked to be: a
 * PNG called "grades.exe" is stored as "grades.png", so whoever downloads it opens what it is.
 */
export function attachmentFileName(name: string, type: string): string {
  const clean = cleanFileName(name);
  const endings = ATTACHMENT_TYPES[type] ?? [];
  if (endings.length === 0 || endings.some((ending) => clean.toLowerCase().endsWith(ending))) return clean;
  const dot = clean.lastIndexOf('.');
  const stem = dot > 0 && /^[a-z0-9]{1,5}$/i.test(clean.slice(dot + 1)) ? clean.slice(0, dot) : clean;
  const ending = endings[0]!;
  return `${stem.slice(0, TICKET_LIMITS.fileName - ending.length)}${ending}`;
}
