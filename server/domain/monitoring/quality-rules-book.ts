// Each organisation's monitoring rules: read by admins, changed by admins (audited), and looked up
// synchronously by the monitor from a cache that a change or a short age refreshes (another node's change
// reaches this one within REFRESH_MS).
import { DEFAULT_QUALITY_RULES, type QualityRules } from '../../../shared/quality';
import { DomainError } from '../errors';
import type { Clock, Store } from '../ports';
import type { AuditLog, RequestOrigin } from '../privacy/audit-log';
import type { Agent } from '../records';
import { requireRole } from '../roles';

const REFRESH_MS = 30_000;

export interface OrganisationRules {
  organisationId: string;
  rules: QualityRules;
  /** False while the organisation uses the defaults. */
  custom: boolean;
}

export class QualityRulesBook {
  private readonly cache = new Map<string, { rules: QualityRules; loadedAt: number }>();
  private readonly loading = new Set<string>();

  constructor(private readonly deps: { store: Store; clock: Clock; audit: AuditLog; onError(error: unknown): void }) {}

  /** The rules now: cached, or the defaults while the organisation's own are being loaded. */
  rulesFor(organisationId: string): QualityRules {
    const cached = this.cache.get(organisationId);
    if (!cached || this.deps.clock.now() - cached.loadedAt > REFRESH_MS) this.load(organisationId);
    return cached?.rules ?? DEFAULT_QUALITY_RULES;
  }

  private load(organisationId: string): void {
    if (this.loading.has(organisationId)) return;
    this.loading.add(organisationId);
    this.deps.store
      .getQualityRules(organisationId)
      .then(
        (rules) => this.cache.set(organisationId, { rules: rules ?? DEFAULT_QUALITY_RULES, loadedAt: this.deps.clock.now() }),
        (error: unknown) => this.deps.onError(error),
      )
      .finally(() => this.loading.delete(organisationId));
  }

  async get(admin: Agent, organisationId: string): Promise<OrganisationRules> {
    requireRole(admin, 'admin');
    await this.organisation(organisationId);
    const rules = await this.deps.store.getQualityRules(organisationId);
    return { organisationId, rules: rules ?? DEFAULT_QUALITY_RULES, custom: rules !== null };
  }

  /** `rules` null: back to the defaults. */
  async set(admin: Agent, organisationId: string, rules: QualityRules | null, origin: RequestOrigin): Promise<OrganisationRules> {
    requireRole(admin, 'admin');
    const organisation = await this.organisation(organisationId);
    const before = await this.deps.store.getQualityRules(organisationId);
    const now = this.deps.clock.now();
    await this.deps.store.setQualityRules(organisationId, rules, now);
    this.cache.set(organisationId, { rules: rules ?? DEFAULT_QUALITY_RULES, loadedAt: now });
    await this.deps.audit.record({
      actor: { kind: 'agent', agent: admin },
      action: 'organisation.quality_rules_changed',
      target: { kind: 'organisation', id: organisationId, label: organisation.name },
      details: { from: before ?? 'defaults', to: rules ?? 'defaults' },
      origin,
    });
    return { organisationId, rules: rules ?? DEFAULT_QUALITY_RULES, custom: rules !== null };
  }

  private async organisation(id: string) {
    const organisation = await this.deps.store.getOrganisation(id);
    if (!organisation) throw new DomainError('not_found', 'No such organisation');
    return organisation;
  }
}
