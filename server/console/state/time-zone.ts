// The time zone the console shows clock times in (ticket due times, history, alerts): the agent's choice in
// Account, saved with the account (so it follows the agent to another browser, and emails to them use it too);
// empty means the browser's own zone.
import { atom } from 'nanostores';
import { isTimeZone } from '../../../shared/time-zone';
import { accountApi } from '../account-api';

export { isTimeZone };

export const $timeZone = atom<string>('');

/** The browser's own zone, the default. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** '' goes back to the browser's zone. An unknown zone is refused and changes nothing. */
export function setTimeZone(zone: string): void {
  if (zone && !isTimeZone(zone)) throw new RangeError(`unknown time zone: ${zone}`);
  $timeZone.set(zone);
}

/** The zone saved with the account, as sign-in or /me reported it (null: none chosen, the browser's). */
export function useAccountTimeZone(zone: string | null | undefined): void {
  setTimeZone(zone && isTimeZone(zone) ? zone : '');
}

/** Shows times in `zone` at once and saves it with the account; the server's refusal comes back as its message. */
export async function chooseTimeZone(zone: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  setTimeZone(zone);
  const result = await accountApi.setTimeZone(zone || null);
  return result.ok ? { ok: true } : { ok: false, reason: result.error.message };
}
