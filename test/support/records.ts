// Builders for store records in tests, with sensible defaults and unique ids.
import { randomUUID } from 'node:crypto';
import type { Agent, AgentSessionRecord, EndUser, NewMessage, Organisation } from '../../server/domain/records';
import type { NewConversation } from '../../server/domain/ports';
import { initialRouting } from '../../server/domain/routing/initial-routing';

export const anOrganisation = (over: Partial<Organisation> = {}): Organisation => ({
  id: randomUUID(),
  name: 'Maple School',
  appKey: `app-${randomUUID()}`,
  allowedOrigins: ['http://127.0.0.1:5173'],
  identitySecret: 'secret-'.padEnd(40, 'x'),
  identityRequired: false,
  accountManagerId: null,
  hotline: null,
  supportPlanId: null,
  createdAt: 1_000,
  ...over,
});

export const anEndUser = (organisationId: string, over: Partial<EndUser> = {}): EndUser => ({
  id: randomUUID(),
  organisationId,
  externalId: null,
  name: 'Ada Student',
  role: 'student',
  classroomId: 'room-1',
  verified: false,
  tokenHash: null,
  createdAt: 1_000,
  ...over,
});

export const anAgent = (over: Partial<Agent> = {}): Agent => ({
  id: randomUUID(),
  email: `agent-${randomUUID()}@example.com`,
  name: 'Lin Agent',
  passwordHash: 'scrypt$x',
  role: 'agent',
  tier: 'L1',
  capacity: 3,
  presence: 'available',
  active: true,
  createdAt: 1_000,
  mustChangePassword: false,
  twoFactorEnabled: false,
  locale: null,
  timeZone: null,
  ...over,
});

/** A session of `agentId` whose token hash is `tokenHash` (tests look sessions up by it). */
export const aSession = (agentId: string, tokenHash: string, over: Partial<AgentSessionRecord> = {}): AgentSessionRecord => ({
  id: randomUUID(),
  tokenHash,
  agentId,
  createdAt: 0,
  expiresAt: 9_999,
  lastUsedAt: 0,
  address: '127.0.0.1',
  userAgent: 'test',
  ...over,
});

export const aConversation = (organisationId: string, endUserId: string, over: Partial<NewConversation> = {}): NewConversation => {
  const draft = {
    id: randomUUID(),
    organisationId,
    endUserId,
    clientId: randomUUID(),
    context: { organisation: 'Maple School', classroomId: 'room-1', role: 'student' as const },
    createdAt: 2_000,
    ...over,
  };
  // A chat nobody rated: P3, due two hours after it arrived.
  return { routing: initialRouting(draft.context, null, draft.createdAt), ...draft };
};

export const aMessage = (conversationId: string, authorId: string, over: Partial<NewMessage> = {}): NewMessage => ({
  id: randomUUID(),
  conversationId,
  clientId: randomUUID(),
  authorKind: 'visitor',
  authorId,
  authorName: 'Ada Student',
  text: 'My audio is not working',
  createdAt: 3_000,
  ...over,
});
