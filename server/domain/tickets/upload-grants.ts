// Short-lived grants that let the widget upload and download ticket files over plain HTTP, signed per organisation.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors';
import type { Clock, Store } from '../ports';
import type { EndUser, Organisation } from '../records';

export type GrantPurpose = 'upload' | 'download';

const LIFETIME_MS: Record<GrantPurpose, number> = { upload: 15 * 60_000, download: 60 * 60_000 };

interface GrantBody {
  /** purpose */
  p: GrantPurpose;
  /** end user */
  u: string;
  /** ticket (upload) or attachment (download) */
  s: string;
  /** expiry, epoch ms */
  e: number;
}

export interface VerifiedGrant {
  organisation: Organisation;
  user: EndUser;
  subjectId: string;
}

/**
 * The widget authenticates over its socket; file transfers need HTTP (progress, plain links). A grant
 * carries who may do what with which ticket or file, signed with the organisation's identity secret, so
 * it survives restarts and works on every node without server-side state.
 */
export class UploadGrants {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  issue(org: Organisation, user: EndUser, purpose: GrantPurpose, subjectId: string): { token: string; expiresAt: number } {
    const expiresAt = this.clock.now() + LIFETIME_MS[purpose];
    const body = Buffer.from(JSON.stringify({ p: purpose, u: user.id, s: subjectId, e: expiresAt } satisfies GrantBody)).toString('base64url');
    return { token: `${body}.${sign(org.identitySecret, body)}`, expiresAt };
  }

  async verify(token: string | undefined, purpose: GrantPurpose): Promise<VerifiedGrant> {
    const refused = new DomainError('unauthorized', 'This link has expired or is not valid; open the ticket again');
    const [body, signature, extra] = (token ?? '').split('.');
    if (!body || !signature || extra !== undefined) throw refused;
    let claims: GrantBody;
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as GrantBody;
    } catch {
      throw refused;
    }
    if (claims.p !== purpose || typeof claims.u !== 'string' || typeof claims.s !== 'string' || !(claims.e > this.clock.now())) throw refused;
    const user = await this.store.getEndUser(claims.u);
    const organisation = user ? await this.store.getOrganisation(user.organisationId) : null;
    if (!user || !organisation) throw refused;
    const expected = Buffer.from(sign(organisation.identitySecret, body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw refused;
    return { organisation, user, subjectId: claims.s };
  }
}

const sign = (secret: string, body: string): string => createHmac('sha256', `upload-grant:${secret}`).update(body).digest('base64url');
