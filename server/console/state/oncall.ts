// One organisation's on-call rota and recent pages as the admin screen shows them, and what is in progress.
import { atom } from 'nanostores';
import type { Result } from '../../../shared/errors';
import type { OncallView, PageView } from '../../../shared/paging';
import { oncallApi } from '../oncall-api';

export interface OncallState {
  organisationId: string | null;
  view: OncallView | null;
  pages: PageView[] | null;
  busy: boolean;
  error: string | null;
  /** Which change just succeeded (a dictionary key of the screen), for the status line. */
  done: 'saved' | 'shiftAdded' | 'chatAdded' | null;
}

const empty: OncallState = { organisationId: null, view: null, pages: null, busy: false, error: null, done: null };
export const $oncall = atom<OncallState>(empty);
const patch = (change: Partial<OncallState>) => $oncall.set({ ...$oncall.get(), ...change });

async function refresh(): Promise<void> {
  const org = $oncall.get().organisationId;
  if (!org) return;
  const [view, pages] = await Promise.all([oncallApi.view(org), oncallApi.pages(org)]);
  if (org !== $oncall.get().organisationId) return;
  patch({
    view: view.ok ? view.data : $oncall.get().view,
    pages: pages.ok ? pages.data : $oncall.get().pages,
    error: view.ok ? (pages.ok ? null : pages.error.message) : view.error.message,
  });
}

/** Runs a change; on success refreshes and says which. False (the error shown, input kept) when refused. */
async function change<T>(work: (org: string) => Promise<Result<T>>, done: OncallState['done']): Promise<boolean> {
  const org = $oncall.get().organisationId;
  if (!org) return false;
  patch({ busy: true, error: null, done: null });
  const result = await work(org);
  if (!result.ok) {
    patch({ busy: false, error: result.error.message });
    return false;
  }
  await refresh();
  patch({ busy: false, done });
  return true;
}

export async function loadOncall(organisationId: string): Promise<void> {
  const current = $oncall.get();
  // Reloading the organisation on screen keeps its forms mounted (and what the admin is typing in them) until the
  // fresh view arrives; another organisation starts empty.
  $oncall.set(current.organisationId === organisationId ? { ...current, busy: true } : { ...empty, organisationId, busy: true });
  await refresh();
  patch({ busy: false });
}

export const saveTimeZone = (timeZone: string) => change((org) => oncallApi.setTimeZone(org, timeZone), 'saved');
export const addShift = (input: Parameters<typeof oncallApi.addShift>[1]) => change((org) => oncallApi.addShift(org, input), 'shiftAdded');
export const deleteShift = (id: string) => change((org) => oncallApi.deleteShift(org, id), null);
export const addChannel = (input: Parameters<typeof oncallApi.addChannel>[1]) => change((org) => oncallApi.addChannel(org, input), 'chatAdded');
export const deleteChannel = (id: string) => change((org) => oncallApi.deleteChannel(org, id), null);
export const acknowledgePage = (id: string) => change(() => oncallApi.acknowledge(id), null);
