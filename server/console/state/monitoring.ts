// The Monitoring section's state: classrooms' live health (refreshed every 5 s while the section shows), the
// selected classroom's chart, and quality alerts — a chime and notice, and a count in the tab title until
// the agent looks at Monitoring.
import { atom } from 'nanostores';
import type { ClassroomHealth, QualityAlert } from '../../../shared/quality';
import { monitoringApi, type ClassroomDetail } from '../monitoring-api';
import type { AgentLink } from '../transport';
import { notify } from './alerts';
import { $section } from './section';

export const $classrooms = atom<ClassroomHealth[] | null>(null);
export const $monitoringError = atom<string | null>(null);
export const $selectedClassroom = atom<{ organisationId: string; classroomId: string } | null>(null);
export const $classroomDetail = atom<ClassroomDetail | null>(null);
/** Alerts not yet seen in the Monitoring section: shown in the tab title. */
export const $unseenQualityAlerts = atom(0);
/** The latest alert per classroom, to mark it in the list. */
export const $recentAlerts = atom<QualityAlert[]>([]);

const REFRESH_MS = 5_000;
let timer: ReturnType<typeof setInterval> | null = null;

export async function loadClassrooms(): Promise<void> {
  const result = await monitoringApi.classrooms();
  if (!result.ok) return $monitoringError.set(result.error.message);
  $monitoringError.set(null);
  $classrooms.set(result.data);
  const selected = $selectedClassroom.get();
  if (selected) await loadDetail(selected.organisationId, selected.classroomId);
}

async function loadDetail(organisationId: string, classroomId: string): Promise<void> {
  const result = await monitoringApi.classroom(organisationId, classroomId);
  const still = $selectedClassroom.get();
  if (still?.organisationId !== organisationId || still.classroomId !== classroomId) return;
  if (result.ok) $classroomDetail.set(result.data);
  else $monitoringError.set(result.error.message);
}

export function selectClassroom(organisationId: string, classroomId: string): void {
  $selectedClassroom.set({ organisationId, classroomId });
  $classroomDetail.set(null);
  void loadDetail(organisationId, classroomId);
}

/** While the section shows: load now and every 5 s; the tab title's alert count is cleared. */
export function watchMonitoring(): () => void {
  $unseenQualityAlerts.set(0);
  void loadClassrooms();
  timer ??= setInterval(() => void loadClassrooms(), REFRESH_MS);
  return () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
}

export const alertText = (a: QualityAlert): string =>
  `Classroom ${a.classroomId} (${a.organisationName}): ${a.degradedUsers} of ${a.reportingUsers} users have an unstable connection`;

export function receiveQualityAlert(alert: QualityAlert): void {
  notify(alertText(alert), null);
  $recentAlerts.set(
    [alert, ...$recentAlerts.get().filter((a) => a.classroomId !== alert.classroomId || a.organisationId !== alert.organisationId)].slice(0, 20),
  );
  if ($section.get() === 'monitoring') void loadClassrooms();
  else $unseenQualityAlerts.set($unseenQualityAlerts.get() + 1);
}

export function listenForQuality(link: AgentLink): void {
  link.listen('quality:alert', receiveQualityAlert);
}

export function resetMonitoring(): void {
  $classrooms.set(null);
  $classroomDetail.set(null);
  $selectedClassroom.set(null);
  $unseenQualityAlerts.set(0);
  $recentAlerts.set([]);
}
