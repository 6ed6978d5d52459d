// The time zone the console shows clock times in (ticket due times, history, alerts): the agent's choice in
// Account, kept in this browser like the sound switch; empty means the browser's own zone.
import { atom } from 'nanostores';

const KEY = 'cs-console-time-zone';

/** Whether Intl knows this IANA zone (e.g. Asia/Shanghai). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function saved(): string {
  try {
    const zone = localStorage.getItem(KEY) ?? '';
    return zone && isTimeZone(zone) ? zone : '';
  } catch {
    return '';
  }
}

export const $timeZone = atom<string>(typeof localStorage === 'undefined' ? '' : saved());

/** The browser's own zone, the default. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** '' goes back to the browser's zone. An unknown zone is refused and changes nothing. */
export function setTimeZone(zone: string): void {
  if (zone && !isTimeZone(zone)) throw new RangeError(`unknown time zone: ${zone}`);
  $timeZone.set(zone);
  try {
    if (zone) localStorage.setItem(KEY, zone);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
}
