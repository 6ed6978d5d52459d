// Wording and formatting shared by the console's components.
import type { AgentRole, Tier, UserRole } from '../../../shared/model';
import { ERASED_TEXT, ERASED_USER_NAME } from '../../../shared/personal-data';
import { texts } from '../i18n/i18n';
import { $locale } from '../i18n/locale';
import { $timeZone } from '../state/time-zone';

const timeTexts = texts('time');
const contextTexts = texts('context');
const appTexts = texts('app');
const peopleTexts = texts('people');
const privacyTexts = texts('privacy');

/** Intl formatters of the console's current language and the agent's time zone, made once per pair. */
interface Formatters {
  minutes: Intl.NumberFormat;
  hours: Intl.NumberFormat;
  days: Intl.NumberFormat;
  clock: Intl.DateTimeFormat;
  full: Intl.DateTimeFormat;
}
const cache = new Map<string, Formatters>();

function formatters(locale: string, zone = $timeZone.get()): Formatters {
  const key = `${locale}|${zone}`;
  let f = cache.get(key);
  if (!f) {
    // Clock times in the zone the agent chose in Account (the browser's when none): a due time means the same
    // instant to an agent in Shanghai and one in London, each read in their own zone.
    const timeZone = zone ? { timeZone: zone } : {};
    const unit = (unit: string) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' });
    f = {
      minutes: unit('minute'),
      hours: unit('hour'),
      days: unit('day'),
      clock: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...timeZone }),
      full: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...timeZone }),
    };
    cache.set(key, f);
  }
  return f;
}

/** "just now", "4 min", "2 hr 5 min", "3 days" (「4分钟」…) — how long something has been waiting, through Intl. */
export function formatAge(ms: number): string {
  const f = formatters($locale.get());
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return timeTexts.get().justNow;
  if (minutes < 60) return f.minutes.format(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${f.hours.format(hours)} ${f.minutes.format(minutes % 60)}` : f.hours.format(hours);
  return f.days.format(Math.floor(hours / 24));
}

export const formatClock = (epochMs: number): string => formatters($locale.get()).clock.format(epochMs);
export const formatFull = (epochMs: number): string => formatters($locale.get()).full.format(epochMs);
/** Date and time on the wall clock of a named zone (a customer's), in the console's language. */
export const formatFullIn = (epochMs: number, zone: string): string => formatters($locale.get(), zone).full.format(epochMs);
export const isoTime = (epochMs: number): string => new Date(epochMs).toISOString();

/** A user's role in class, in the console's language. */
export const roleLabel = (role: UserRole): string => (role === 'teacher' ? contextTexts.get().teacher : contextTexts.get().student);

/** An agent's tier: L1 and L2 stay as they are, the account manager is named. */
export const tierLabel = (tier: Tier): string => (tier === 'account_manager' ? appTexts.get().accountManager : tier);

/** A user's name as the console shows it: an erased user's stored placeholder in the console's language. */
export const personName = (name: string): string => (name === ERASED_USER_NAME ? privacyTexts.get().erasedUser : name);

/** What a user wrote as the console shows it: an erased text's stored placeholder in the console's language. */
export const writtenText = (text: string): string => (text === ERASED_TEXT ? privacyTexts.get().erasedText : text);

/** An agent's role in the console (agent, supervisor, admin). */
export const agentRoleLabel = (role: AgentRole): string => peopleTexts.get()[role];

/** A page address the visitor reported, as a link only when it is plain http(s): never javascript: or data:. */
export function safeHttpUrl(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
