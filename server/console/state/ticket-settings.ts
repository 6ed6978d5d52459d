// Admin settings for tickets: the SLA policy form and API tokens (a new token is shown once).
import { atom } from 'nanostores';
import type { SlaPolicy } from '../../../shared/ticket-model';
import type { SlaPolicyInput } from '../../../shared/ticket-schemas';
import { ticketsApi, type ApiTokenRow } from '../tickets-api';

export const $policy = atom<SlaPolicy | null>(null);
export const $policyForm = atom<{ saving: boolean; error: string | null; saved: boolean }>({ saving: false, error: null, saved: false });

export const $apiTokens = atom<ApiTokenRow[] | null>(null);
export const $newToken = atom<{ name: string; token: string } | null>(null);
export const $tokenError = atom<string | null>(null);

export async function loadTicketSettings(): Promise<void> {
  const [policy, tokens] = await Promise.all([ticketsApi.policy(), ticketsApi.tokens()]);
  if (policy.ok) $policy.set(policy.data);
  if (tokens.ok) $apiTokens.set(tokens.data);
  const problem = !policy.ok ? policy.error.message : !tokens.ok ? tokens.error.message : null;
  $policyForm.set({ saving: false, error: problem, saved: false });
}

export async function savePolicy(input: SlaPolicyInput): Promise<void> {
  $policyForm.set({ saving: true, error: null, saved: false });
  const result = await ticketsApi.savePolicy(input);
  if (result.ok) $policy.set(result.data);
  $policyForm.set({ saving: false, error: result.ok ? null : result.error.message, saved: result.ok });
}

/** What the token form asks: a name, one organisation or ALL_ORGANISATIONS, and an optional last day (yyyy-mm-dd). */
export interface TokenForm {
  name: string;
  scope: string;
  lastDay: string;
}

export const ALL_ORGANISATIONS = '*';

/** The token stops working at the end of its last day, in the admin's time zone. */
export const endOfDay = (day: string): number => new Date(`${day}T23:59:59.999`).getTime();

export async function createToken({ name, scope, lastDay }: TokenForm): Promise<boolean> {
  $tokenError.set(null);
  const result = await ticketsApi.createToken({
    name,
    ...(scope === ALL_ORGANISATIONS ? { allOrganisations: true as const } : { organisationId: scope }),
    ...(lastDay ? { expiresAt: endOfDay(lastDay) } : {}),
  });
  if (!result.ok) {
    $tokenError.set(result.error.message);
    return false;
  }
  $newToken.set({ name, token: result.data.token });
  $apiTokens.set([result.data.record, ...($apiTokens.get() ?? [])]);
  return true;
}

export async function revokeToken(id: string): Promise<void> {
  $tokenError.set(null);
  const result = await ticketsApi.revokeToken(id);
  if (!result.ok) $tokenError.set(result.error.message);
  const tokens = await ticketsApi.tokens();
  if (tokens.ok) $apiTokens.set(tokens.data);
}
