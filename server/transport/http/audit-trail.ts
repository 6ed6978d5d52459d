// Records an administrative request in the audit log: one call per admin route, after the change succeeded,
// with the actor, the client's address (req.ip: after a trusted proxy's forwarding header) and user agent.
import type { Request } from 'express';
import type { AuditRecordInput, RequestOrigin } from '../../domain/privacy/audit-log';
import type { Agent } from '../../domain/records';
import type { SupportServices } from '../../domain/services';

/** What an admin route did: the action, its target and a small summary of the change. */
export type AdminAction = Omit<AuditRecordInput, 'actor' | 'origin'>;

export const requestOrigin = (req: Request): RequestOrigin => ({
  address: req.ip ?? null,
  userAgent: req.get('user-agent') ?? null,
});

export async function recordAdminAction(services: SupportServices, req: Request, admin: Agent, action: AdminAction): Promise<void> {
  await services.privacy.audit.record({ ...action, actor: { kind: 'agent', agent: admin }, origin: requestOrigin(req) });
}
