// Who is this widget connection? App key + exact origin, then a verified JWT or an anonymous bearer token.
import * as v from 'valibot';
import { IdentityClaimsSchema } from '../../../shared/schemas';
import { DomainError } from '../errors';
import { addressGroup } from '../limits/address-group';
import type { FloodLimits } from '../limits/flood-limits';
import type { Clock, Store } from '../ports';
import type { EndUser, Organisation } from '../records';
import { KeyedSharedRead } from '../chats/shared-read';
import { groupBatches } from '../group-batches';
import { Hs256Error, verifyHs256 } from './hs256';
import { IdentityKeys } from './identity-keys';
import { hashToken, newToken } from './tokens';

/** Identity tokens may live at most this long (plus a little clock skew). */
export const MAX_TOKEN_LIFETIME_S = 600;
const CLOCK_SKEW_S = 30;

export interface VisitorCredentials {
  appKey: string;
  token?: string;
  visitorToken?: string;
  name?: string;
}

export interface ResolvedVisitor {
  organisation: Organisation;
  user: EndUser;
  /** Set when a new anonymous identity was issued: the widget must keep it. */
  issuedVisitorToken?: string;
}

interface ExternalKey {
  organisationId: string;
  externalId: string;
}
const externalKey = (user: { organisationId: string; externalId: string | null }): ExternalKey => ({
  organisationId: user.organisationId,
  externalId: user.externalId ?? '',
});
const keyText = (key: { organisationId: string; externalId: string | null }) => `${key.organisationId}\n${key.externalId ?? ''}`;
const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

export class VisitorIdentity {
  private readonly keys = new IdentityKeys();
  /**
   * A connect storm is thousands of handshakes for a few app keys: they share reads of the organisation, each
   * still one that began after its handshake did (so a rotated secret or a removed origin counts at once).
   */
  private readonly organisations: KeyedSharedRead<string, Organisation | null>;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly newId: () => string,
    private readonly floods: FloodLimits,
  ) {
    this.organisations = new KeyedSharedRead((appKey) => this.store.findOrganisationByAppKey(appKey));
  }

  /**
   * Verified users by external id, read together with the other handshakes waiting (one query per batch, not
   * per visitor); each read begins after its handshake asked, so it sees every user committed before.
   */
  private readonly byExternalId = groupBatches<ExternalKey, EndUser | null>(async (keys) => {
    const found = new Map<string, EndUser>();
    const byOrganisation = new Map<string, Set<string>>();
    for (const { organisationId, externalId } of keys) {
      byOrganisation.set(organisationId, (byOrganisation.get(organisationId) ?? new Set()).add(externalId));
    }
    await Promise.all(
      [...byOrganisation].map(async ([organisationId, ids]) => {
        for (const user of await this.store.findEndUsersByExternalIds(organisationId, [...ids])) found.set(keyText(user), user);
      }),
    );
    return keys.map((key) => found.get(keyText(key)) ?? null);
  });

  /**
   * New verified users, created together with the other handshakes waiting: one insert, one commit per batch
   * (a storm of new visitors was one transaction each). One user's failure is theirs alone: a user another
   * handshake created first (two tabs, two nodes) is answered with that record, and if the batch fails as a
   * whole each user is tried on their own, so every handshake gets its own outcome, never another's.
   */
  private readonly creations = groupBatches<EndUser, EndUser>(async (users) => {
    let created: Set<string>;
    try {
      created = new Set(await this.store.createEndUsers(users));
    } catch (error) {
      if (users.length === 1) return [asError(error)];
      return Promise.all(users.map((user) => this.store.createEndUser(user).catch(asError)));
    }
    return Promise.all(
      users.map(async (user) => {
        if (created.has(user.id)) return user;
        const existing = await this.byExternalId.load(externalKey(user));
        return existing ?? new Error(`end user ${user.externalId ?? user.id} was neither created nor found`);
      }),
    );
  });

  /** `clientAddress` is the connecting client's (after trusted proxies): new anonymous identities are limited per address. */
  async resolve(credentials: VisitorCredentials, origin: string | undefined, clientAddress?: string): Promise<ResolvedVisitor> {
    const organisation = await this.organisations.read(credentials.appKey);
    if (!organisation) throw new DomainError('unknown_app_key', 'No organisation has this app key');
    if (!origin || !organisation.allowedOrigins.includes(origin)) {
      throw new DomainError('origin_not_allowed', `Origin ${origin ?? '(none)'} may not embed this widget`);
    }
    if (credentials.token) {
      return { organisation, user: await this.verifiedUser(organisation, credentials.token) };
    }
    if (organisation.identityRequired) {
      throw new DomainError('identity_required', 'This organisation requires a signed identity token');
    }
    return this.anonymousVisitor(organisation, credentials, clientAddress);
  }

  private async verifiedUser(org: Organisation, token: string): Promise<EndUser> {
    const claims = this.verifyToken(org, token);
    const user = await this.verifiedProfile(org, claims);
    // Only tokens that carry an address cost a read (and a write when it changed).
    if (claims.email && (await this.store.getEndUserEmail(user.id)) !== claims.email)
      await this.store.setEndUserEmail(user.id, claims.email, this.clock.now());
    return user;
  }

  private async verifiedProfile(org: Organisation, claims: ReturnType<VisitorIdentity['verifyToken']>): Promise<EndUser> {
    const now = this.clock.now();
    const profile = { name: claims.name, role: claims.role, classroomId: claims.classroom ?? null };
    const existing = await this.byExternalId.load({ organisationId: org.id, externalId: claims.sub });
    if (existing) {
      // A reconnect storm is mostly the same people with the same profile: no write (and no commit) for them.
      const same = existing.name === profile.name && existing.role === profile.role && existing.classroomId === profile.classroomId;
      if (!same) await this.store.updateEndUserProfile(existing.id, profile);
      return { ...existing, ...profile };
    }
    try {
      return await this.creations.load({
        id: this.newId(),
        organisationId: org.id,
        externalId: claims.sub,
        ...profile,
        verified: true,
        tokenHash: null,
        createdAt: now,
      });
    } catch (error) {
      // Two tabs of a new user connecting at once: the other one created the record first.
      const created = await this.store.findEndUserByExternalId(org.id, claims.sub);
      if (created) return created;
      throw error;
    }
  }

  private verifyToken(org: Organisation, token: string) {
    const nowS = Math.floor(this.clock.now() / 1000);
    let payload: unknown;
    try {
      payload = verifyHs256(token, this.keys.forSecret(org.identitySecret), nowS, CLOCK_SKEW_S);
    } catch (error) {
      if (error instanceof Hs256Error && error.reason === 'expired') throw new DomainError('token_expired', 'The identity token has expired');
      if (error instanceof Hs256Error) throw new DomainError('token_invalid', 'The identity token is not valid for this organisation');
      throw error;
    }
    const parsed = v.safeParse(IdentityClaimsSchema, payload);
    if (!parsed.success) throw new DomainError('token_invalid', 'The identity token lacks sub, name, role or exp');
    const claims = parsed.output;
    const lifetime = claims.exp - (claims.iat ?? nowS);
    if (lifetime > MAX_TOKEN_LIFETIME_S || claims.exp - nowS > MAX_TOKEN_LIFETIME_S + CLOCK_SKEW_S) {
      throw new DomainError('token_invalid', 'Identity tokens may be valid for at most 10 minutes');
    }
    return claims;
  }

  private async anonymousVisitor(org: Organisation, credentials: VisitorCredentials, clientAddress: string | undefined): Promise<ResolvedVisitor> {
    if (credentials.visitorToken) {
      const known = await this.store.findEndUserByTokenHash(org.id, hashToken(credentials.visitorToken));
      if (known) return { organisation: org, user: known };
    }
    // Only new identities are counted: a returning visitor never meets this limit.
    await this.floods.take('anonymous.identity', { address: addressGroup(clientAddress) });
    const token = newToken();
    const id = this.newId();
    const user = await this.store.createEndUser({
      id,
      organisationId: org.id,
      externalId: null,
      name: credentials.name || `Visitor ${id.slice(0, 4).toUpperCase()}`,
      role: null,
      classroomId: null,
      verified: false,
      tokenHash: hashToken(token),
      createdAt: this.clock.now(),
    });
    return { organisation: org, user, issuedVisitorToken: token };
  }
}
