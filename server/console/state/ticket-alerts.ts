// Ticket alerts for this agent: SLA warnings, breaches, escalations and assignments come and go; a call-back
// request stays as an alarm until someone takes it (it is kept on the server, so it survives reloads).
import { atom } from 'nanostores';
import { renderNotice } from '../../../shared/notices/render';
import type { TicketAlert } from '../../../shared/ticket-model';
import { $locale } from '../i18n/locale';
import { ticketsApi, type OpenCallback } from '../tickets-api';

export interface ShownAlert extends TicketAlert {
  id: number;
}

const SHOW_MS = 20_000;
const MOST = 5;

export const $ticketAlerts = atom<ShownAlert[]>([]);
export const $callbackAlarms = atom<OpenCallback[]>([]);
export const $alarmError = atom<string | null>(null);

let lastId = 0;

export function dismissTicketAlert(id: number): void {
  $ticketAlerts.set($ticketAlerts.get().filter((a) => a.id !== id));
}

/** The server sends a code with parameters: `message` becomes its words in the console's language. */
const inLanguage = (alert: ShownAlert): ShownAlert => (alert.notice ? { ...alert, message: renderNotice(alert.notice, $locale.get()) } : alert);
// Switching the console's language re-words the alerts showing.
$locale.listen(() => $ticketAlerts.set($ticketAlerts.get().map(inLanguage)));

export function receiveTicketAlert(alert: TicketAlert): void {
  if (alert.kind === 'callback') {
    void loadCallbackAlarms();
    return;
  }
  const shown = inLanguage({ ...alert, id: ++lastId });
  $ticketAlerts.set([...$ticketAlerts.get(), shown].slice(-MOST));
  setTimeout(() => dismissTicketAlert(shown.id), SHOW_MS);
}

export async function loadCallbackAlarms(): Promise<void> {
  const result = await ticketsApi.openCallbacks();
  if (result.ok) $callbackAlarms.set(result.data);
}

/** "I'll call them": the alarm stops for everyone and the customer is told. */
export async function takeCallback(alarm: OpenCallback): Promise<void> {
  $alarmError.set(null);
  const result = await ticketsApi.acknowledgeCallback(alarm.ticket.id, alarm.id);
  if (!result.ok) $alarmError.set(result.error.message);
  await loadCallbackAlarms();
}

export function resetTicketAlerts(): void {
  $ticketAlerts.set([]);
  $callbackAlarms.set([]);
  $alarmError.set(null);
}
