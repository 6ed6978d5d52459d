// What each administration route records in the audit log: action code, target and what changed, never a
// password or secret (the AuditLog drops such keys as well, should one slip in).
import type { Request } from 'express';
import { CannedReplySchema, CreateOrganisationSchema, UpdateAgentSchema, UpdateOrganisationSchema } from '../../../shared/admin-schemas';
import type { AdminAgent, AdminOrganisation, CannedReply } from '../../../shared/routing-model';
import type { AdminAction } from './audit-trail';
import { parse } from './request-auth';

const pathId = (req: Request): string => String(req.params.id);

export const agentCreated = ({ agent, generatedPassword }: { agent: AdminAgent; generatedPassword?: string }): AdminAction => ({
  action: 'agent.created',
  target: { kind: 'agent', id: agent.id, label: agent.email },
  details: {
    name: agent.name,
    role: agent.role,
    tier: agent.tier,
    capacity: agent.capacity,
    credentials: generatedPassword ? 'generated' : 'chosen by admin',
  },
});

export const agentUpdated = (agent: AdminAgent, req: Request): AdminAction => {
  const changes = parse(UpdateAgentSchema, req.body);
  const action =
    changes.active === false
      ? 'agent.deactivated'
      : changes.active === true
        ? 'agent.reactivated'
        : changes.role
          ? 'agent.role_changed'
          : 'agent.updated';
  return { action, target: { kind: 'agent', id: agent.id, label: agent.email }, details: { changes } };
};

export const organisationCreated = ({ organisation }: { organisation: AdminOrganisation }, req: Request): AdminAction => ({
  action: 'organisation.created',
  target: { kind: 'organisation', id: organisation.id, label: organisation.name },
  details: { ...parse(CreateOrganisationSchema, req.body), appKey: organisation.appKey },
});

export const organisationUpdated = (organisation: AdminOrganisation, req: Request): AdminAction => ({
  action: 'organisation.updated',
  target: { kind: 'organisation', id: organisation.id, label: organisation.name },
  details: { changes: parse(UpdateOrganisationSchema, req.body) },
});

export const secretRotated = ({ organisation }: { organisation: AdminOrganisation }): AdminAction => ({
  action: 'organisation.secret_rotated',
  target: { kind: 'organisation', id: organisation.id, label: organisation.name },
});

export const cannedSaved =
  (action: 'canned_reply.created' | 'canned_reply.updated') =>
  (reply: CannedReply, req: Request): AdminAction => ({
    action,
    target: { kind: 'canned_reply', id: reply.id, label: `/${reply.shortcut}` },
    details: action === 'canned_reply.created' ? { title: reply.title } : { changes: parse(CannedReplySchema, req.body) },
  });

export const cannedDeleted = (_result: unknown, req: Request): AdminAction => ({
  action: 'canned_reply.deleted',
  target: { kind: 'canned_reply', id: pathId(req) },
});
