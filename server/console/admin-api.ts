// The console's client of the administration API (docs/api.md): agents, organisations, canned replies.
import type {
  CannedReplyInput,
  CreateAgentSchema,
  CreateOrganisationSchema,
  UpdateAgentSchema,
  UpdateOrganisationSchema,
} from '../../shared/admin-schemas';
import type { AdminAgent, AdminOrganisation, CannedReply } from '../../shared/routing-model';
import type * as v from 'valibot';
import { call } from './api';

type In<S extends v.GenericSchema> = v.InferInput<S>;
type Issued = { organisation: AdminOrganisation; identitySecret: string };

export const adminApi = {
  agents: () => call<AdminAgent[]>('GET', '/api/admin/agents'),
  createAgent: (input: In<typeof CreateAgentSchema>) => call<{ agent: AdminAgent; generatedPassword?: string }>('POST', '/api/admin/agents', input),
  updateAgent: (id: string, patch: In<typeof UpdateAgentSchema>) => call<AdminAgent>('PATCH', `/api/admin/agents/${id}`, patch),

  organisations: () => call<AdminOrganisation[]>('GET', '/api/admin/organisations'),
  createOrganisation: (input: In<typeof CreateOrganisationSchema>) => call<Issued>('POST', '/api/admin/organisations', input),
  updateOrganisation: (id: string, patch: In<typeof UpdateOrganisationSchema>) =>
    call<AdminOrganisation>('PATCH', `/api/admin/organisations/${id}`, patch),
  rotateSecret: (id: string) => call<Issued>('POST', `/api/admin/organisations/${id}/rotate-secret`),

  createCanned: (input: CannedReplyInput) => call<CannedReply>('POST', '/api/admin/canned-replies', input),
  updateCanned: (id: string, input: CannedReplyInput) => call<CannedReply>('PUT', `/api/admin/canned-replies/${id}`, input),
  deleteCanned: (id: string) => call<null>('DELETE', `/api/admin/canned-replies/${id}`),
};
