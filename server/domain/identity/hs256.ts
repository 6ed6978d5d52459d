// Verifies a compact HS256 JWT on the spot: a few microseconds of HMAC on the calling thread.
//
// jose verifies through WebCrypto, which hands every verification to libuv's thread pool as a job; in a connect
// storm (a district's classes opening the page at once) dispatching those jobs was the largest single cost of a
// verified handshake in the server's profile — far more than the HMAC itself (~3 µs for a token). Only what our
// identity tokens use is accepted: `alg` exactly HS256, no `crit` or `b64` header (no extensions), a 32-byte
// signature compared in constant time, and the registered time claims checked as jose checks them.
import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';

export type Hs256Failure = 'malformed' | 'algorithm' | 'signature' | 'claims' | 'expired' | 'not_yet_valid';

export class Hs256Error extends Error {
  constructor(readonly reason: Hs256Failure) {
    super(`identity token refused: ${reason}`);
  }
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function jsonObject(part: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new Hs256Error('malformed');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Hs256Error('malformed');
  return value as Record<string, unknown>;
}

/**
 * The token's claims if its signature is right for `key` and its time claims hold at `nowS` (seconds) with
 * `toleranceS` of clock skew: `exp` (required) not passed, `nbf` (if any) reached, `iat` (if any) a number.
 */
export function verifyHs256(token: string, key: KeyObject, nowS: number, toleranceS: number): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) throw new Hs256Error('malformed');
  const [header, payload, signature] = parts as [string, string, string];
  const protectedHeader = jsonObject(header);
  if (protectedHeader.alg !== 'HS256' || 'crit' in protectedHeader || 'b64' in protectedHeader) throw new Hs256Error('algorithm');
  const expected = createHmac('sha256', key).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Hs256Error('signature');
  const claims = jsonObject(payload);
  const { exp, nbf, iat } = claims;
  if (typeof exp !== 'number' || (nbf !== undefined && typeof nbf !== 'number') || (iat !== undefined && typeof iat !== 'number')) {
    throw new Hs256Error('claims');
  }
  if (exp <= nowS - toleranceS) throw new Hs256Error('expired');
  if (typeof nbf === 'number' && nbf > nowS + toleranceS) throw new Hs256Error('not_yet_valid');
  return claims;
}
