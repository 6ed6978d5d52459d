// Support plans in the console (admins): the plans with their organisations, saving one (a new version), and
// putting an organisation on a plan (or back on the default policy).
import { atom } from 'nanostores';
import type { AdminOrganisation } from '../../../shared/routing-model';
import type { SupportPlanView } from '../../../shared/support-plan';
import type { CreateSupportPlanInput } from '../../../shared/support-plan-schemas';
import { adminApi } from '../admin-api';
import { deskApi } from '../desk-api';

export const $plans = atom<SupportPlanView[] | null>(null);
export const $planOrganisations = atom<AdminOrganisation[] | null>(null);
/** The last change: busy, an error, or what was saved (for the status line). */
export const $planChange = atom<{
  busy: boolean;
  error: string | null;
  saved: { name: string; version: number } | null;
  applied: { name: string; plan: string } | null;
}>({
  busy: false,
  error: null,
  saved: null,
  applied: null,
});

export async function loadPlans(): Promise<void> {
  const [plans, orgs] = await Promise.all([deskApi.plans(), adminApi.organisations()]);
  if (plans.ok) $plans.set(plans.data);
  if (orgs.ok) $planOrganisations.set(orgs.data);
  const problem = !plans.ok ? plans.error.message : !orgs.ok ? orgs.error.message : null;
  if (problem) $planChange.set({ busy: false, error: problem, saved: null, applied: null });
}

/** Only the plans (for pickers elsewhere, e.g. the Organisations screen); a failure leaves the list as it was. */
export async function loadPlanList(): Promise<void> {
  const plans = await deskApi.plans();
  if (plans.ok) $plans.set(plans.data);
}

/** Creates a plan (no id) or saves a new version of one; true when saved. */
export async function savePlan(id: string | null, input: CreateSupportPlanInput): Promise<boolean> {
  $planChange.set({ busy: true, error: null, saved: null, applied: null });
  const result = id ? await deskApi.updatePlan(id, input) : await deskApi.createPlan(input);
  $planChange.set({
    busy: false,
    error: result.ok ? null : result.error.message,
    saved: result.ok ? { name: result.data.name, version: result.data.version } : null,
    applied: null,
  });
  if (result.ok) await loadPlans();
  return result.ok;
}

/** `planId` null: back to the default policy. New tickets of the organisation follow it from now on. */
export async function putOnPlan(org: AdminOrganisation, planId: string | null, planName: string): Promise<void> {
  $planChange.set({ busy: true, error: null, saved: null, applied: null });
  const result = await adminApi.updateOrganisation(org.id, { supportPlanId: planId });
  $planChange.set({
    busy: false,
    error: result.ok ? null : result.error.message,
    saved: null,
    applied: result.ok ? { name: org.name, plan: planName } : null,
  });
  if (result.ok) await loadPlans();
}
