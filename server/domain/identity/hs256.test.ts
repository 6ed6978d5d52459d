// The HS256 check against tokens signed by jose (what the README tells host backends to use), and against the
// ways a token can be forged, stretched or mangled.
import { createHmac, createSecretKey } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { Hs256Error, verifyHs256 } from './hs256';

const secret = 'identity-secret-'.padEnd(40, 'x');
const key = createSecretKey(Buffer.from(secret));
const raw = new TextEncoder().encode(secret);
const NOW = 1_700_000_000;
const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256' }) =>
  new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(raw);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token made by hand, signed with `secret` over exactly the parts given. */
const handMade = (header: unknown, payload: unknown, withSecret = secret) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', withSecret).update(input).digest('base64url')}`;
};
const reason = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof Hs256Error) return error.reason;
    throw error;
  }
  return 'accepted';
};

describe('verifyHs256', () => {
  it('accepts what jose signs and returns the same claims jose verifies', async () => {
    const token = await sign({ sub: 'u-1', name: 'Ada', role: 'student', iat: NOW, exp: NOW + 600 });
    const ours = verifyHs256(token, key, NOW, 30);
    const { payload } = await jwtVerify(token, raw, { algorithms: ['HS256'], currentDate: new Date(NOW * 1000), clockTolerance: 30 });
    expect(ours).toEqual(payload);
  });

  it('refuses another secret, a changed payload and a cut or padded signature', async () => {
    const token = await sign({ sub: 'u-1', exp: NOW + 600 });
    expect(reason(() => verifyHs256(token, createSecretKey(Buffer.from('other-secret'.padEnd(40, 'y'))), NOW, 30))).toBe('signature');
    const [h, , s] = token.split('.');
    expect(reason(() => verifyHs256(`${h}.${b64({ sub: 'admin', exp: NOW + 600 })}.${s}`, key, NOW, 30))).toBe('signature');
    expect(reason(() => verifyHs256(token.slice(0, -2), key, NOW, 30))).toBe('signature');
    expect(reason(() => verifyHs256(`${token}AA`, key, NOW, 30))).toBe('signature');
  });

  it('accepts only HS256 with no extensions: not none, not another algorithm, no crit, no b64', () => {
    const claims = { sub: 'u', exp: NOW + 600 };
    expect(reason(() => verifyHs256(handMade({ alg: 'HS256', typ: 'JWT' }, claims), key, NOW, 30))).toBe('accepted');
    expect(reason(() => verifyHs256(`${b64({ alg: 'none' })}.${b64(claims)}.`, key, NOW, 30))).toBe('malformed');
    expect(reason(() => verifyHs256(handMade({ alg: 'none' }, claims), key, NOW, 30))).toBe('algorithm');
    expect(reason(() => verifyHs256(handMade({ alg: 'HS512' }, claims), key, NOW, 30))).toBe('algorithm');
    expect(reason(() => verifyHs256(handMade({ alg: 'hs256' }, claims), key, NOW, 30))).toBe('algorithm');
    expect(reason(() => verifyHs256(handMade({ alg: 'HS256', crit: ['exp'] }, claims), key, NOW, 30))).toBe('algorithm');
    expect(reason(() => verifyHs256(handMade({ alg: 'HS256', b64: false }, claims), key, NOW, 30))).toBe('algorithm');
  });

  it('refuses what is not a compact JWS of two JSON objects', () => {
    for (const token of ['', 'a.b', 'a.b.c.d', 'a..c', 'a.b.c', '@@.b.c', handMade([1], { exp: NOW + 60 })]) {
      expect(reason(() => verifyHs256(token, key, NOW, 30))).toBe('malformed');
    }
    expect(reason(() => verifyHs256(handMade({ alg: 'HS256' }, 'a string'), key, NOW, 30))).toBe('malformed');
  });

  it('checks time claims as jose does, with the clock tolerance', () => {
    const at = (claims: Record<string, unknown>) => reason(() => verifyHs256(handMade({ alg: 'HS256' }, claims), key, NOW, 30));
    expect(at({ exp: NOW - 29 })).toBe('accepted');
    expect(at({ exp: NOW - 30 })).toBe('expired');
    expect(at({})).toBe('claims');
    expect(at({ exp: String(NOW + 60) })).toBe('claims');
    expect(at({ exp: NOW + 60, iat: 'yesterday' })).toBe('claims');
    expect(at({ exp: NOW + 60, nbf: NOW + 30 })).toBe('accepted');
    expect(at({ exp: NOW + 60, nbf: NOW + 31 })).toBe('not_yet_valid');
    expect(at({ exp: NOW + 60, nbf: 'later' })).toBe('claims');
  });

  it('agrees with jose on expiry at the edge', async () => {
    for (const exp of [NOW - 31, NOW - 30, NOW - 29]) {
      const token = await sign({ sub: 'u', exp });
      const jose = await jwtVerify(token, raw, { algorithms: ['HS256'], currentDate: new Date(NOW * 1000), clockTolerance: 30 }).then(
        () => 'accepted',
        () => 'expired',
      );
      expect(reason(() => verifyHs256(token, key, NOW, 30))).toBe(jose);
    }
  });
});
