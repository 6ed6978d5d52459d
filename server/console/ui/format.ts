// Wording and formatting shared by the console's components.
import type { ConversationStatus, Tier, UserRole } from '../../../shared/model';

/** "just now", "4 min", "2 h 5 min", "3 d" — how long something has been waiting. */
export function formatAge(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatClock = (epochMs: number): string => clock.format(epochMs);
export const formatFull = (epochMs: number): string => full.format(epochMs);
export const isoTime = (epochMs: number): string => new Date(epochMs).toISOString();

export const STATUS_LABEL: Record<ConversationStatus, string> = { queued: 'Queued', active: 'Active', closed: 'Closed' };
export const TIER_LABEL: Record<Tier, string> = { L1: 'L1', L2: 'L2', account_manager: 'Account manager' };
export const ROLE_LABEL: Record<UserRole, string> = { student: 'Student', teacher: 'Teacher' };

/** A page address the visitor reported, as a link only when it is plain http(s): never javascript: or data:. */
export function safeHttpUrl(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
