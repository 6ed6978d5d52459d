// What the user reads when their chat changes hands, as notices (codes with parameters, rendered in each
// reader's language by shared/notices): plain words, no tiers or queue jargon.
import type { RoutingTarget } from '../../../shared/model';
import { SYSTEM_AUTHOR } from '../../../shared/system-author';
import type { NoticeOf } from '../../../shared/notices';
import type { ChatMove } from '../../../shared/routing-model';
import type { Agent } from '../records';

/** The author name of the server's own messages in a conversation (an English fallback; clients name it themselves). */
export const SUPPORT_AUTHOR = SYSTEM_AUTHOR;

export const nowTalkingTo = (agent: Pick<Agent, 'name' | 'tier'>): NoticeOf<'assigned'> => ({
  code: 'assigned',
  agent: agent.name,
  tier: agent.tier,
});

/** The chat went back to the queue for someone else to take. */
export const bringingIn = (target: RoutingTarget, manager?: Pick<Agent, 'name'>): NoticeOf<'bringing_in'> =>
  manager ? { code: 'bringing_in', target, manager: manager.name } : { code: 'bringing_in', target };

/** The agent left without handing over. */
export const agentLeft = (agent: Pick<Agent, 'name'>, reason: NonNullable<ChatMove['reason']>): NoticeOf<'agent_left'> => ({
  code: 'agent_left',
  agent: agent.name,
  reason,
});
