// The desk's state: the account manager's organisations with health (refreshed every 30 s while the section
// shows), the chosen organisation's check-ins and launch windows, and changes to them. Check-in reminders
// arrive as desk:reminder and show as a notice with a chime, like other alerts.
import { atom } from 'nanostores';
import type { CheckInReminder, DeskDetail, DeskOrganisation } from '../../../shared/desk';
import type { CreateCheckInInput, CreateLaunchWindowInput, UpdateCheckInInput } from '../../../shared/desk-schemas';
import { deskApi } from '../desk-api';
import { texts } from '../i18n/i18n';
import type { AgentLink } from '../transport';
import { $locale } from '../i18n/locale';
import { notify } from './alerts';

export const $desk = atom<{ organisations: DeskOrganisation[] | null; error: string | null }>({ organisations: null, error: null });
export const $deskChosen = atom<string | null>(null);
export const $deskDetail = atom<DeskDetail | null>(null);
/** The last change's outcome: busy while saving, an error, or what was done (a dictionary key). */
export const $deskChange = atom<{ busy: boolean; error: string | null; done: 'scheduled' | 'notesSaved' | 'declared' | null }>({
  busy: false,
  error: null,
  done: null,
});

const REFRESH_MS = 30_000;
const deskText = texts('desk');

export async function loadDesk(): Promise<void> {
  const result = await deskApi.overview();
  $desk.set(result.ok ? { organisations: result.data, error: null } : { organisations: $desk.get().organisations, error: result.error.message });
  const chosen = $deskChosen.get();
  if (chosen) await loadDetail(chosen);
}

async function loadDetail(organisationId: string): Promise<void> {
  const result = await deskApi.detail(organisationId);
  if ($deskChosen.get() !== organisationId) return;
  if (result.ok) $deskDetail.set(result.data);
  else $deskChange.set({ busy: false, error: result.error.message, done: null });
}

export function chooseOrganisation(organisationId: string | null): void {
  $deskChosen.set(organisationId);
  $deskDetail.set(null);
  $deskChange.set({ busy: false, error: null, done: null });
  if (organisationId) void loadDetail(organisationId);
}

/** While the section shows: load now and every 30 s. */
export function watchDesk(): () => void {
  void loadDesk();
  const timer = setInterval(() => void loadDesk(), REFRESH_MS);
  return () => clearInterval(timer);
}

async function change(
  done: 'scheduled' | 'notesSaved' | 'declared' | null,
  run: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>,
): Promise<boolean> {
  $deskChange.set({ busy: true, error: null, done: null });
  const result = await run();
  $deskChange.set({ busy: false, error: result.ok ? null : result.error.message, done: result.ok ? done : null });
  if (result.ok) await loadDesk();
  return result.ok;
}

export const scheduleCheckIn = (input: CreateCheckInInput) => change('scheduled', () => deskApi.scheduleCheckIn(input));
export const updateCheckIn = (id: string, patch: UpdateCheckInInput) => change('notesSaved', () => deskApi.updateCheckIn(id, patch));
export const cancelCheckIn = (id: string) => change(null, () => deskApi.cancelCheckIn(id));
export const declareLaunch = (input: CreateLaunchWindowInput) => change('declared', () => deskApi.declareLaunch(input));
export const removeLaunch = (id: string) => change(null, () => deskApi.removeLaunch(id));

export const reminderText = (r: CheckInReminder): string =>
  deskText.get().reminderNotice({
    organisation: r.organisationName,
    when: new Intl.DateTimeFormat($locale.get(), { dateStyle: 'medium', timeStyle: 'short' }).format(r.at),
    agenda: r.agenda,
  });

export function listenForReminders(link: AgentLink): void {
  link.listen('desk:reminder', (reminder) => {
    notify(reminderText(reminder), null);
    // The desk, if it is showing, says the reminder went out.
    if ($desk.get().organisations) void loadDesk();
  });
}

export function resetDesk(): void {
  $desk.set({ organisations: null, error: null });
  $deskChosen.set(null);
  $deskDetail.set(null);
}
