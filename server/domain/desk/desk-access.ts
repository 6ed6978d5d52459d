// Who runs which customer relationship: an account manager their own organisations, supervisors and admins
// every one. Others see no desk; an account manager learns nothing of organisations that are not theirs.
import { DomainError } from '../errors';
import type { Store } from '../ports';
import type { Agent, Organisation } from '../records';

export const mayUseDesk = (actor: Agent): boolean => actor.role === 'supervisor' || actor.role === 'admin' || actor.tier === 'account_manager';

const forbidden = () => new DomainError('forbidden', 'Only account managers, supervisors and administrators use the desk');

export async function deskOrganisations(store: Store, actor: Agent): Promise<Organisation[]> {
  if (!mayUseDesk(actor)) throw forbidden();
  const all = await store.listOrganisations();
  const mine = actor.role === 'supervisor' || actor.role === 'admin' ? all : all.filter((o) => o.accountManagerId === actor.id);
  return mine.sort((a, b) => a.name.localeCompare(b.name));
}

export async function deskOrganisation(store: Store, actor: Agent, organisationId: string): Promise<Organisation> {
  if (!mayUseDesk(actor)) throw forbidden();
  const org = await store.getOrganisation(organisationId);
  const entitled = org && (actor.role === 'supervisor' || actor.role === 'admin' || org.accountManagerId === actor.id);
  if (!entitled) throw new DomainError('not_found', 'No such organisation');
  return org;
}
