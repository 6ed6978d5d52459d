// Delivers webhooks over HTTP(S). Connections go through request-filtering-agent, which checks the address a
// host name resolved to at connect time, so a name that later resolves to a private address (DNS rebinding)
// is refused too; registration checks the same rule up front for a clear error.
import { lookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import ipaddr from 'ipaddr.js';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { DomainError } from '../../domain/errors';
import type { SendResult, WebhookSender } from '../../domain/integrations/webhooks/webhook-sender';

export const SEND_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 4096;

/** Only public unicast addresses, unless the deployment allows private ones (tests, on-premises receivers). */
export function isRefusedAddress(address: string, allowPrivate: boolean): boolean {
  if (allowPrivate) return false;
  if (!ipaddr.isValid(address)) return true;
  const parsed = ipaddr.process(address);
  return parsed.range() !== 'unicast';
}

export function httpWebhookSender({ allowPrivate, timeoutMs = SEND_TIMEOUT_MS }: { allowPrivate: boolean; timeoutMs?: number }): WebhookSender {
  const agentOptions = { allowPrivateIPAddress: allowPrivate, keepAlive: true, maxSockets: 8 };
  const httpAgent = new RequestFilteringHttpAgent(agentOptions);
  const httpsAgent = new RequestFilteringHttpsAgent(agentOptions);

  return {
    async checkUrl(url) {
      const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
      let addresses: string[];
      try {
        addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
      } catch {
        throw new DomainError('bad_request', `url: ${host} cannot be resolved`);
      }
      if (addresses.some((a) => isRefusedAddress(a, allowPrivate))) {
        throw new DomainError(
          'bad_request',
          `url: ${host} resolves to a loopback or private address; set SUPPORT_WEBHOOK_ALLOW_PRIVATE=1 to allow it`,
        );
      }
    },

    send(url, headers, body) {
      const started = Date.now();
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      return new Promise<SendResult>((resolve) => {
        let settled = false;
        const finish = (result: SendResult) => {
          if (settled) return;
          settled = true;
          resolve(result);
        };
        const req = (secure ? httpsRequest : httpRequest)(
          target,
          {
            method: 'POST',
            headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
            agent: secure ? httpsAgent : httpAgent,
            timeout: timeoutMs,
          },
          (res) => {
            const chunks: Buffer[] = [];
            let size = 0;
            res.on('data', (chunk: Buffer) => {
              if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
              size += chunk.length;
            });
            res.on('end', () =>
              finish({
                answered: true,
                status: res.statusCode ?? 0,
                body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_ANSWER_BYTES),
                durationMs: Date.now() - started,
              }),
            );
            res.on('error', (error) => finish({ answered: false, reason: error.message, durationMs: Date.now() - started }));
          },
        );
        // One deadline for the whole exchange, not just for silence on the socket.
        const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
        req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
        req.on('error', (error) => finish({ answered: false, reason: error.message, durationMs: Date.now() - started }));
        req.on('close', () => clearTimeout(deadline));
        req.end(body);
      });
    },
  };
}
