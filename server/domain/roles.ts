// Role checks for what only supervisors or admins may do.
import type { AgentRole } from '../../shared/model';
import { DomainError } from './errors';
import type { Agent } from './records';

const WORDING: Record<string, string> = {
  admin: 'Only administrators can do this',
  'supervisor,admin': 'Only supervisors and administrators can do this',
};

export function requireRole(agent: Agent, ...roles: AgentRole[]): void {
  if (!roles.includes(agent.role)) throw new DomainError('forbidden', WORDING[roles.join(',')] ?? 'Not allowed for your role');
}
