// Which proxies to believe, and so the client's address, the same way for HTTP (express) and for Socket.IO
// handshakes. Only a hop count or named proxy addresses are trusted: trusting the whole X-Forwarded-For chain
// would let every request claim any address it likes, and so escape every per-address limit.
import { BlockList, isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** `false`: no proxy; `true` or a number: that many proxies in front (true = 1); a list: proxies' addresses or CIDRs. */
export type TrustProxy = boolean | number | string[];

/** Is the address at `hop` (0 = the peer of the TCP connection) a proxy we trust? */
export type TrustFn = (address: string, hop: number) => boolean;

/** The names express's `trust proxy` understands, with the same ranges. */
const PRESETS: Record<string, string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

const unmapped = (address: string): string => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

function blockListOf(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries.flatMap((item) => PRESETS[item] ?? [item])) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address);
    if (!family) throw new Error(`not an IP address or CIDR range: ${entry}`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

/** Checks a list of proxy addresses / CIDRs / preset names; throws on anything else. */
export function checkProxyList(entries: string[]): void {
  blockListOf(entries);
}

export function trustFunction(trust: TrustProxy): TrustFn {
  if (trust === false) return () => false;
  const hops = trust === true ? 1 : trust;
  if (typeof hops === 'number') return (_address, hop) => hop < hops;
  const list = blockListOf(hops);
  return (address) => {
    const plain = unmapped(address);
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * The client's address: walk from the TCP peer back through X-Forwarded-For while each hop is a trusted proxy
 * (proxy-addr's algorithm, which express uses for `req.ip`).
 */
export function clientAddressOf(request: Pick<IncomingMessage, 'headers' | 'socket'>, trust: TrustFn): string | undefined {
  const peer = request.socket.remoteAddress;
  if (!peer) return undefined;
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .reverse();
  const chain = [peer, ...forwarded];
  for (let hop = 0; hop < chain.length - 1; hop++) {
    if (!trust(chain[hop]!, hop)) return chain[hop];
  }
  return chain[chain.length - 1];
}
