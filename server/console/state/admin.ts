// Administration state: agents, organisations and canned replies as the admin API returns them, the last
// error, and secrets or passwords to show once after they were issued.
import { atom } from 'nanostores';
import type { Result } from '../../../shared/errors';
import type { AdminAgent, AdminOrganisation } from '../../../shared/routing-model';
import { adminApi } from '../admin-api';
import { loadCanned } from './canned';
import { texts } from '../i18n/i18n';

const adminTexts = texts('admin');

export interface AdminList<T> {
  items: T[] | null;
  busy: boolean;
  error: string | null;
  /** Shown once, e.g. "First password for lin@school.example: …". */
  issued: string | null;
}

const empty = <T>(): AdminList<T> => ({ items: null, busy: false, error: null, issued: null });

export const $adminAgents = atom<AdminList<AdminAgent>>(empty());
export const $adminOrganisations = atom<AdminList<AdminOrganisation>>(empty());
export const $adminCannedState = atom<{ busy: boolean; error: string | null }>({ busy: false, error: null });

/** Runs one admin call with progress and error on `store`; resolves to the answer, or null after a refusal. */
async function run<T, L extends { busy: boolean; error: string | null }>(
  store: { get(): L; set(v: L): void },
  call: () => Promise<Result<T>>,
): Promise<{ data: T } | null> {
  store.set({ ...store.get(), busy: true, error: null });
  const result = await call();
  store.set({ ...store.get(), busy: false, error: result.ok ? null : result.error.message });
  return result.ok ? { data: result.data } : null;
}

export async function loadAdminAgents(): Promise<void> {
  const answer = await run($adminAgents, adminApi.agents);
  if (answer) $adminAgents.set({ ...$adminAgents.get(), items: answer.data });
}

export async function createAgent(input: Parameters<typeof adminApi.createAgent>[0]): Promise<boolean> {
  const answer = await run($adminAgents, () => adminApi.createAgent(input));
  if (!answer) return false;
  const created = answer.data;
  const issued = created.generatedPassword
    ? adminTexts.get().firstPassword({ email: created.agent.email, password: created.generatedPassword })
    : null;
  $adminAgents.set({ ...$adminAgents.get(), issued });
  await loadAdminAgents();
  return true;
}

export async function updateAgent(id: string, patch: Parameters<typeof adminApi.updateAgent>[1]): Promise<boolean> {
  const answer = await run($adminAgents, () => adminApi.updateAgent(id, patch));
  if (!answer) return false;
  const updated = answer.data;
  const list = $adminAgents.get();
  $adminAgents.set({ ...list, items: (list.items ?? []).map((a) => (a.id === id ? updated : a)) });
  return true;
}

export async function loadAdminOrganisations(): Promise<void> {
  const answer = await run($adminOrganisations, adminApi.organisations);
  if (answer) $adminOrganisations.set({ ...$adminOrganisations.get(), items: answer.data });
}

const secretNotice = (org: AdminOrganisation, secret: string) => adminTexts.get().identitySecret({ name: org.name, secret });

export async function createOrganisation(input: Parameters<typeof adminApi.createOrganisation>[0]): Promise<boolean> {
  const answer = await run($adminOrganisations, () => adminApi.createOrganisation(input));
  if (!answer) return false;
  $adminOrganisations.set({ ...$adminOrganisations.get(), issued: secretNotice(answer.data.organisation, answer.data.identitySecret) });
  await loadAdminOrganisations();
  return true;
}

export async function updateOrganisation(id: string, patch: Parameters<typeof adminApi.updateOrganisation>[1]): Promise<boolean> {
  const answer = await run($adminOrganisations, () => adminApi.updateOrganisation(id, patch));
  if (!answer) return false;
  const updated = answer.data;
  const list = $adminOrganisations.get();
  $adminOrganisations.set({ ...list, items: (list.items ?? []).map((o) => (o.id === id ? updated : o)) });
  return true;
}

export async function rotateSecret(id: string): Promise<void> {
  const answer = await run($adminOrganisations, () => adminApi.rotateSecret(id));
  if (answer) $adminOrganisations.set({ ...$adminOrganisations.get(), issued: secretNotice(answer.data.organisation, answer.data.identitySecret) });
}

export function dismissIssued(store: typeof $adminAgents | typeof $adminOrganisations): void {
  (store as typeof $adminAgents).set({ ...(store as typeof $adminAgents).get(), issued: null });
}

/** Canned replies: the list itself is the one every agent has ($canned); edits reload it. */
export async function saveCanned(id: string | null, input: Parameters<typeof adminApi.createCanned>[0]): Promise<boolean> {
  const answer = await run($adminCannedState, () => (id ? adminApi.updateCanned(id, input) : adminApi.createCanned(input)));
  if (answer) await loadCanned();
  return answer !== null;
}

export async function deleteCanned(id: string): Promise<void> {
  if (await run($adminCannedState, () => adminApi.deleteCanned(id))) await loadCanned();
}
