// Who hears of a classroom whose quality turned bad: the agents available now, and the organisation's account
// manager (whether available or not).
import type { Store } from '../ports';

export class AlertRecipients {
  constructor(private readonly store: Store) {}

  /** The agents' ids, each once. */
  async forOrganisation(organisationId: string): Promise<string[]> {
    const [available, organisation] = await Promise.all([this.store.listAvailableAgents(), this.store.getOrganisation(organisationId)]);
    const ids = new Set(available.map((a) => a.agentId));
    if (organisation?.accountManagerId) ids.add(organisation.accountManagerId);
    return [...ids];
  }
}
