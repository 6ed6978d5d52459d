// API tokens for the REST API: created and revoked by admins, shown once, stored only as a hash.
import { DomainError } from '../errors';
import type { Clock, Store } from '../ports';
import type { Agent } from '../records';
import type { ApiTokenRecord } from '../tickets/ticket-records';
import { hashToken, newToken } from './tokens';

export const API_TOKEN_PREFIX = 'cst_';

/** Recording every use would write on every request; once a minute is enough to see a token is in use. */
const TOUCH_EVERY_MS = 60_000;

export type ApiTokenView = Omit<ApiTokenRecord, 'tokenHash'>;

export const apiTokenView = ({ tokenHash: _hidden, ...view }: ApiTokenRecord): ApiTokenView => view;

export class ApiTokens {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  /** Returns the token itself once; afterwards only its hash exists. */
  async create(admin: Agent, name: string): Promise<{ token: string; record: ApiTokenView }> {
    requireAdmin(admin);
    const token = `${API_TOKEN_PREFIX}${newToken()}`;
    const record: ApiTokenRecord = {
      id: this.newId(),
      name,
      tokenHash: hashToken(token),
      createdBy: admin.id,
      createdAt: this.clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.store.createApiToken(record);
    return { token, record: apiTokenView(record) };
  }

  async list(admin: Agent): Promise<ApiTokenView[]> {
    requireAdmin(admin);
    return (await this.store.listApiTokens()).map(apiTokenView);
  }

  async revoke(admin: Agent, id: string): Promise<void> {
    requireAdmin(admin);
    if (!(await this.store.revokeApiToken(id, this.clock.now()))) throw new DomainError('not_found', 'No such active token');
  }

  /** The live token behind a bearer value, or null. */
  async authenticate(raw: string): Promise<ApiTokenRecord | null> {
    if (!raw.startsWith(API_TOKEN_PREFIX)) return null;
    const record = await this.store.findApiTokenByHash(hashToken(raw));
    if (!record || record.revokedAt !== null) return null;
    const now = this.clock.now();
    if (record.lastUsedAt === null || now - record.lastUsedAt > TOUCH_EVERY_MS) await this.store.touchApiToken(record.id, now);
    return record;
  }
}

function requireAdmin(agent: Agent): void {
  if (agent.role !== 'admin') throw new DomainError('forbidden', 'Only admins manage API tokens');
}
