// End users as admins handle their personal data: search, export as a file, erase after confirmation.
import { atom } from 'nanostores';
import type { EndUserExport, EndUserSummary } from '../../../shared/personal-data';
import { texts } from '../i18n/i18n';
import { privacyApi } from '../privacy-api';

const privacyTexts = texts('privacy');

export interface PeopleState {
  query: string;
  results: EndUserSummary[] | null;
  busy: boolean;
  error: string | null;
  /** What the last export or erasure did, in words. */
  notice: string | null;
}

export const $people = atom<PeopleState>({ query: '', results: null, busy: false, error: null, notice: null });

export async function searchPeople(query: string): Promise<void> {
  $people.set({ ...$people.get(), query, busy: true, error: null, notice: null });
  const result = await privacyApi.searchEndUsers(query);
  $people.set({ ...$people.get(), busy: false, ...(result.ok ? { results: result.data } : { error: result.error.message }) });
}

/** The export, or null after a refusal (the error is in $people). */
export async function exportPerson(id: string): Promise<EndUserExport | null> {
  $people.set({ ...$people.get(), busy: true, error: null, notice: null });
  const result = await privacyApi.exportEndUser(id);
  $people.set({ ...$people.get(), busy: false, ...(result.ok ? { notice: privacyTexts.get().exportReady } : { error: result.error.message }) });
  return result.ok ? result.data : null;
}

export async function erasePerson(id: string, name: string): Promise<boolean> {
  $people.set({ ...$people.get(), busy: true, error: null, notice: null });
  const result = await privacyApi.eraseEndUser(id);
  if (!result.ok) {
    $people.set({ ...$people.get(), busy: false, error: result.error.message });
    return false;
  }
  const { conversations, tickets, files } = result.data;
  const state = $people.get();
  $people.set({
    ...state,
    busy: false,
    notice: privacyTexts.get().erased({ name, chats: conversations, tickets, files }),
    results:
      state.results?.map((u) =>
        u.id === id ? { ...u, name: privacyTexts.get().erasedUser, externalId: null, erasedAt: result.data.erasedAt } : u,
      ) ?? null,
  });
  return true;
}
