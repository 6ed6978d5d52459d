// What the user reads when their chat changes hands: plain words, no tiers or queue jargon.
import type { RoutingTarget } from '../../../shared/model';
import type { ChatMove } from '../../../shared/routing-model';
import type { Agent } from '../records';
import { TIER_FOR_USERS } from '../tiers';

/** The author name of the server's own messages in a conversation. */
export const SUPPORT_AUTHOR = 'Classroom Support';

export const nowTalkingTo = (agent: Pick<Agent, 'name' | 'tier'>): string =>
  `You are now talking to ${agent.name}, ${TIER_FOR_USERS[agent.tier]}.`;

const WHO_COMES_NEXT: Record<RoutingTarget, string> = {
  L1: 'another support engineer',
  L2: TIER_FOR_USERS.L2,
  account_manager: TIER_FOR_USERS.account_manager,
  supervisors: 'a support supervisor',
};

/** The chat went back to the queue for someone else to take. */
export const bringingIn = (target: RoutingTarget, manager?: Pick<Agent, 'name'>): string =>
  `We are bringing in ${WHO_COMES_NEXT[target]}${manager ? `, ${manager.name}` : ''}. You stay at the front of the queue.`;

/** The agent left without handing over. */
export function agentLeft(agent: Pick<Agent, 'name'>, reason: NonNullable<ChatMove['reason']>): string {
  const what = reason === 'agent_away' ? 'lost their connection' : 'is no longer available';
  return `${agent.name} ${what}. You are back at the front of the queue, and the next free engineer will continue with you.`;
}
