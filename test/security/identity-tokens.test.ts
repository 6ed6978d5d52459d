// Attacks on the widget's identity token that already held, replayed: forged, expired, unsigned (`alg: none`),
// another algorithm, too long-lived, oversized, or another organisation's. Each handshake is refused with its
// code, and no end user is created or changed.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../../server/domain/records';
import { connectError, identityToken, startTestServer, type TestServer } from '../support/server';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowS = () => Math.floor(Date.now() / 1000);

describe('identity token attacks', () => {
  let server: TestServer;
  let school: Organisation;
  let other: Organisation;

  beforeAll(async () => {
    server = await startTestServer();
    school = await server.organisation({ identityRequired: true });
    other = await server.organisation({ identityRequired: true });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const claims = (sub: string) => ({ sub, name: 'Ms. Rivera', role: 'teacher' as const });
  const sign = (payload: Record<string, unknown>, secret: string, alg = 'HS256') =>
    new SignJWT(payload).setProtectedHeader({ alg }).sign(new TextEncoder().encode(secret));

  const attacks: Array<[string, string, (sub: string) => Promise<string>]> = [
    ['signed with a guessed secret', 'token_invalid', (sub) => identityToken('not-the-secret-'.padEnd(40, 'x'), claims(sub))],
    ['expired', 'token_expired', (sub) => identityToken(school.identitySecret, claims(sub), { issuedAt: nowS() - 900, expiresIn: nowS() - 300 })],
    [
      'unsigned (alg: none)',
      'token_invalid',
      async (sub) => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims(sub), iat: nowS(), exp: nowS() + 300 })}.`,
    ],
    [
      'signed with HS512 instead of HS256',
      'token_invalid',
      (sub) => sign({ ...claims(sub), iat: nowS(), exp: nowS() + 300 }, school.identitySecret, 'HS512'),
    ],
    ['valid for a day', 'token_invalid', (sub) => identityToken(school.identitySecret, claims(sub), { expiresIn: '1d' })],
    ['without an expiry', 'token_invalid', (sub) => sign({ ...claims(sub), iat: nowS() }, school.identitySecret)],
    ["another organisation's", 'token_invalid', (sub) => identityToken(other.identitySecret, claims(sub))],
    [
      'with a role we do not know',
      'token_invalid',
      (sub) => sign({ ...claims(sub), role: 'admin', iat: nowS(), exp: nowS() + 300 }, school.identitySecret),
    ],
    [
      'over-long (5 KB)',
      'bad_request',
      (sub) => sign({ ...claims(sub), pad: 'x'.repeat(5000), iat: nowS(), exp: nowS() + 300 }, school.identitySecret),
    ],
    ['with a 1 KB user id', 'token_invalid', () => identityToken(school.identitySecret, claims('u'.repeat(1024)))],
    ['not a JWT at all', 'token_invalid', async () => 'hello.world.again'],
  ];

  it.each(attacks)('refuses a token %s, and creates no one', async (name, code, make) => {
    const sub = `victim-${attacks.findIndex(([n]) => n === name)}`;
    const token = await make(sub);
    expect(await connectError(server.visitor({ appKey: school.appKey, token }))).toMatchObject({ code });
    expect(await server.services.store.findEndUserByExternalId(school.id, sub)).toBeNull();
  });

  it('refuses no token where identity is required, and an unknown app key', async () => {
    expect(await connectError(server.visitor({ appKey: school.appKey, name: 'Anonymous' }))).toMatchObject({ code: 'identity_required' });
    expect(
      await connectError(server.visitor({ appKey: 'no-such-app', token: await identityToken(school.identitySecret, claims('x')) })),
    ).toMatchObject({ code: 'unknown_app_key' });
  });

  it('still accepts the genuine token, so the refusals above were about the tokens', async () => {
    const socket = server.visitor({ appKey: school.appKey, token: await identityToken(school.identitySecret, claims('genuine')) });
    await new Promise<void>((resolve, reject) => {
      socket.once('session', () => resolve());
      socket.once('connect_error', reject);
    });
    expect(await server.services.store.findEndUserByExternalId(school.id, 'genuine')).toMatchObject({ verified: true, role: 'teacher' });
  });
});
