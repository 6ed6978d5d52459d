// Once a second: end grace periods that ran out, and offer the queue again. Events already offer chats the
// moment capacity frees in this process; the sweep also catches what changed in another process sharing the
// database, so a waiting chat is offered within a second either way.
import type { Logger } from 'pino';
import type { SupportServices } from '../domain/services';
import type { InFlight } from './in-flight';

export const ROUTING_SWEEP_MS = 1_000;

export function sweepRouting({ routing }: SupportServices, inFlight: InFlight, log: Logger): () => void {
  let running = false;
  const timer = setInterval(() => {
    // A slow sweep (a busy database) must not pile up behind itself.
    if (running) return;
    running = true;
    inFlight
      .track(async () => {
        await routing.agentPresence.expireGrace();
        await routing.router.offerQueued();
      })
      .catch((error: unknown) => log.error({ err: error }, 'routing sweep failed'))
      .finally(() => {
        running = false;
      });
  }, ROUTING_SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
