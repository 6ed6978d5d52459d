// What the widget's tickets view shows of support itself: whether agents are on, the hotline, and the support
// plan's opening hours now; read fresh each time, since an admin may have changed them since the widget connected.
import type { SupportStatus } from '../../../shared/ticket-model';
import { openingState } from '../sla/business-time';
import type { Clock, Store } from '../ports';
import type { EndUser, Organisation } from '../records';

export class CustomerSupport {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  /** The user's organisation as it is now (null only if it was deleted meanwhile). */
  organisationOf(user: EndUser): Promise<Organisation | null> {
    return this.deps.store.getOrganisation(user.organisationId);
  }

  async status(organisation: Organisation): Promise<SupportStatus> {
    const { store, clock } = this.deps;
    const [plan, available] = await Promise.all([
      organisation.supportPlanId ? store.getSupportPlan(organisation.supportPlanId) : null,
      store.listAvailableAgents(),
    ]);
    return {
      agentsAvailable: available.length > 0,
      hotline: organisation.hotline,
      // Outside the plan's hours the widget says when people are back and offers a ticket instead of the queue.
      hours: openingState(plan?.businessHours ?? null, clock.now()),
    };
  }
}
