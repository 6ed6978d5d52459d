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

export interface NewApiToken {
  name: string;
  organisationId?: string;
  allOrganisations?: boolean;
  expiresAt?: number;
}

export const apiTokenView = ({ tokenHash: _hidden, ...view }: ApiTokenRecord): ApiTokenView => view;

export class ApiTokens {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  /** Only admins manage tokens; checked before a request's body is even looked at. */
  mayManage(agent: Agent): void {
    requireAdmin(agent);
  }

  /**
   * Returns the token itself once; afterwards only its hash exists. The scope is one organisation, or every
   * organisation when the admin says so explicitly (`allOrganisations`); the expiry, if any, lies ahead.
   */
  async create(admin: Agent, input: NewApiToken): Promise<{ token: string; record: ApiTokenView }> {
    requireAdmin(admin);
    const now = this.clock.now();
    if (!input.allOrganisations === !input.organisationId) {
      throw new DomainError('bad_request', 'Give the token one organisationId, or allOrganisations: true');
    }
    if (input.organisationId && !(await this.store.getOrganisation(input.organisationId))) {
      throw new DomainError('not_found', 'No such organisation');
    }
    if (input.expiresAt !== undefined && input.expiresAt <= now) throw new DomainError('bad_request', 'expiresAt must lie in the future');
    const token = `${API_TOKEN_PREFIX}${newToken()}`;
    const record: ApiTokenRecord = {
      id: this.newId(),
      name: input.name,
      tokenHash: hashToken(token),
      createdBy: admin.id,
      createdAt: now,
      lastUsedAt: null,
      revokedAt: null,
      organisationId: input.organisationId ?? null,
      expiresAt: input.expiresAt ?? null,
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
    const now = this.clock.now();
    if (!record || record.revokedAt !== null || (record.expiresAt !== null && now >= record.expiresAt)) return null;
    if (record.lastUsedAt === null || now - record.lastUsedAt > TOUCH_EVERY_MS) await this.store.touchApiToken(record.id, now);
    return record;
  }
}

function requireAdmin(agent: Agent): void {
  if (agent.role !== 'admin') throw new DomainError('forbidden', 'Only admins manage API tokens');
}
