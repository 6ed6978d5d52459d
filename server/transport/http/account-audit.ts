// What the account administration routes record in the audit log: never a link or its token, only that one
// was issued, for whom and until when.
import type { IssuedLink } from '../../../shared/account-model';
import type { AdminAgent } from '../../../shared/routing-model';
import type { Agent } from '../../domain/records';
import type { AdminAction } from './audit-trail';

const agentTarget = (agent: Pick<Agent, 'id' | 'email'> | null) => ({ kind: 'agent', id: agent?.id ?? null, label: agent?.email ?? null });

export const agentInvited = ({ agent, link }: { agent: AdminAgent; link: IssuedLink }): AdminAction => ({
  action: 'agent.invited',
  target: agentTarget(agent),
  details: { name: agent.name, role: agent.role, tier: agent.tier, capacity: agent.capacity, linkExpiresAt: link.expiresAt },
});

export const passwordReset = (agent: Agent | null, link: IssuedLink): AdminAction => ({
  action: 'agent.password_reset',
  target: agentTarget(agent),
  details: { via: 'link', purpose: link.purpose, linkExpiresAt: link.expiresAt },
});

export const twoFactorReset = (agent: Agent | null): AdminAction => ({ action: 'agent.two_factor_reset', target: agentTarget(agent) });

export const sessionsRevoked = (agent: Agent | null, ended: number): AdminAction => ({
  action: 'agent.sessions_revoked',
  target: agentTarget(agent),
  details: { ended },
});
