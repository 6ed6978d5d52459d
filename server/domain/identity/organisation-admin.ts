// Administration of organisations: app key, allowed origins, identity requirement, the dedicated account
// manager and hotline. The identity secret is shown once, when it is issued or rotated.
import { randomBytes } from 'node:crypto';
import type { CreateOrganisationInput, UpdateOrganisationInput } from '../../../shared/admin-schemas';
import type { AdminOrganisation } from '../../../shared/routing-model';
import { DomainError } from '../errors';
import type { Clock, Store } from '../ports';
import type { Agent, Organisation } from '../records';
import { requireRole } from '../roles';

const newSecret = (): string => randomBytes(32).toString('base64url');
const newAppKey = (): string => `org-${randomBytes(9).toString('base64url')}`;

export class OrganisationAdmin {
  constructor(private readonly deps: { store: Store; clock: Clock; newId: () => string }) {}

  async list(actor: Agent): Promise<AdminOrganisation[]> {
    requireRole(actor, 'admin');
    const { store } = this.deps;
    const agents = new Map((await store.listAgents()).map((a) => [a.id, a]));
    const plans = await this.planNames();
    return (await store.listOrganisations()).map((org) => this.view(org, agents, plans));
  }

  async create(actor: Agent, input: CreateOrganisationInput): Promise<{ organisation: AdminOrganisation; identitySecret: string }> {
    requireRole(actor, 'admin');
    const { store, clock, newId } = this.deps;
    await this.checkAccountManager(input.accountManagerId);
    await this.checkPlan(input.supportPlanId);
    const organisation: Organisation = {
      id: newId(),
      name: input.name,
      appKey: newAppKey(),
      allowedOrigins: input.allowedOrigins,
      identitySecret: newSecret(),
      identityRequired: input.identityRequired,
      accountManagerId: input.accountManagerId,
      hotline: input.hotline,
      createdAt: clock.now(),
      supportPlanId: input.supportPlanId,
    };
    await store.createOrganisation(organisation);
    return { organisation: await this.viewOf(organisation.id), identitySecret: organisation.identitySecret };
  }

  async update(actor: Agent, id: string, patch: UpdateOrganisationInput): Promise<AdminOrganisation> {
    requireRole(actor, 'admin');
    if (patch.accountManagerId !== undefined) await this.checkAccountManager(patch.accountManagerId);
    await this.checkPlan(patch.supportPlanId);
    if (!(await this.deps.store.updateOrganisation(id, patch))) throw new DomainError('not_found', 'No such organisation');
    return this.viewOf(id);
  }

  /** A new identity secret; tokens signed with the old one stop working at once. */
  async rotateSecret(actor: Agent, id: string): Promise<{ organisation: AdminOrganisation; identitySecret: string }> {
    requireRole(actor, 'admin');
    const identitySecret = newSecret();
    if (!(await this.deps.store.updateOrganisation(id, { identitySecret }))) throw new DomainError('not_found', 'No such organisation');
    return { organisation: await this.viewOf(id), identitySecret };
  }

  private async checkPlan(planId: string | null | undefined): Promise<void> {
    if (planId && !(await this.deps.store.getSupportPlan(planId))) throw new DomainError('bad_request', 'supportPlanId: no such support plan');
  }

  private async checkAccountManager(agentId: string | null): Promise<void> {
    if (agentId === null) return;
    const agent = await this.deps.store.getAgent(agentId);
    if (!agent?.active || agent.tier !== 'account_manager') {
      throw new DomainError('bad_request', 'accountManagerId: must be an active agent of the account manager tier');
    }
  }

  private async viewOf(id: string): Promise<AdminOrganisation> {
    const organisation = await this.deps.store.getOrganisation(id);
    if (!organisation) throw new DomainError('not_found', 'No such organisation');
    const manager = organisation.accountManagerId ? await this.deps.store.getAgent(organisation.accountManagerId) : null;
    return this.view(organisation, new Map(manager ? [[manager.id, manager]] : []), await this.planNames());
  }

  private async planNames(): Promise<Map<string, string>> {
    return new Map((await this.deps.store.listSupportPlans()).map((p) => [p.id, p.name]));
  }

  private view(org: Organisation, agents: Map<string, Agent>, plans: Map<string, string>): AdminOrganisation {
    const manager = org.accountManagerId ? agents.get(org.accountManagerId) : undefined;
    const planId = org.supportPlanId ?? null;
    return {
      id: org.id,
      name: org.name,
      appKey: org.appKey,
      allowedOrigins: org.allowedOrigins,
      identityRequired: org.identityRequired,
      accountManager: manager ? { id: manager.id, name: manager.name } : null,
      hotline: org.hotline,
      createdAt: org.createdAt,
      supportPlan: planId ? { id: planId, name: plans.get(planId) ?? '' } : null,
    };
  }
}
