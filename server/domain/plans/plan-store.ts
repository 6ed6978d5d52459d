// The Store's part for support plans: versions saved whole, the latest of each plan, an organisation's plan.
import type { SupportPlan } from '../../../shared/support-plan';

export interface PlanStore {
  /** Saves the plan as its next version (1 for a new id); two saves at once get consecutive versions. */
  saveSupportPlanVersion(plan: Omit<SupportPlan, 'version'>): Promise<SupportPlan>;
  /** One version, or the latest without `version`. */
  getSupportPlan(id: string, version?: number): Promise<SupportPlan | null>;
  /** The latest version of every plan, by name. */
  listSupportPlans(): Promise<SupportPlan[]>;
  /** The latest version of the organisation's plan; null when it has none. */
  organisationSupportPlan(organisationId: string): Promise<SupportPlan | null>;
}
