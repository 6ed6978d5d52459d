// Each organisation's retention as admins set it: days to keep closed chats and tickets, or keep (null).
import { atom } from 'nanostores';
import type { OrganisationRetention } from '../../../shared/personal-data';
import { texts } from '../i18n/i18n';
import { privacyApi } from '../privacy-api';

const privacyTexts = texts('privacy');

export interface RetentionState {
  items: OrganisationRetention[] | null;
  busy: boolean;
  error: string | null;
  saved: string | null;
}

export const $retention = atom<RetentionState>({ items: null, busy: false, error: null, saved: null });

export async function loadRetention(): Promise<void> {
  $retention.set({ ...$retention.get(), busy: true, error: null });
  const result = await privacyApi.retention();
  $retention.set({ ...$retention.get(), busy: false, ...(result.ok ? { items: result.data } : { error: result.error.message }) });
}

export async function saveRetention(organisationId: string, days: number | null): Promise<boolean> {
  $retention.set({ ...$retention.get(), busy: true, error: null, saved: null });
  const result = await privacyApi.setRetention(organisationId, days);
  const state = $retention.get();
  if (!result.ok) {
    $retention.set({ ...state, busy: false, error: result.error.message });
    return false;
  }
  const saved = result.data;
  $retention.set({
    ...state,
    busy: false,
    saved:
      saved.days === null
        ? privacyTexts.get().keptAll({ name: saved.name })
        : privacyTexts.get().deletedAfter({ name: saved.name, days: saved.days }),
    items: state.items?.map((r) => (r.organisationId === organisationId ? saved : r)) ?? null,
  });
  return true;
}
