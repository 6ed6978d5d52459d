// Wraps a socket event handler: validate the payload with its shared schema, run it, answer with a Result ack.
import type { IncomingMessage } from 'node:http';
import * as v from 'valibot';
import type { Logger } from 'pino';
import type { Result } from '../../../shared/errors';
import { validate } from '../../../shared/validate';
import type { InFlight } from '../in-flight';
import { toWireError } from '../wire-error';

type AckFn = (result: Result<unknown>) => void;

export interface HandlerContext {
  log: Logger;
  inFlight: InFlight;
  /** Resolves once every commit so far is on disk: no answer may show data a crash could still take back. */
  durable?: () => Promise<void>;
  /** The client's address behind trusted proxies (client-address.ts), for per-address limits. */
  clientAddress?: (request: IncomingMessage) => string | undefined;
  /** Told of every ack: the event, 'ok' or the error code, and the seconds since the request arrived (metrics). */
  observeAck?: (event: string, result: string, seconds: number) => void;
}

/** Splits raw socket arguments into payload and ack; a client that sends no ack still gets its work done. */
function splitArgs(args: unknown[]): { payload: unknown; ack: AckFn } {
  const last = args[args.length - 1];
  if (typeof last === 'function') return { payload: args.length > 1 ? args[0] : undefined, ack: last as AckFn };
  return { payload: args[0], ack: () => {} };
}

export function handle<S extends v.GenericSchema, T>(
  ctx: HandlerContext,
  event: string,
  schema: S,
  run: (input: v.InferOutput<S>) => Promise<T>,
  /** Runs right after a successful ack went out, for work that must follow it on the wire. */
  acked?: (data: T) => void,
): (...args: unknown[]) => void {
  return (...args) => {
    const started = performance.now();
    const { payload, ack: send } = splitArgs(args);
    const ack: AckFn = (result) => {
      send(result);
      ctx.observeAck?.(event, result.ok ? 'ok' : result.error.code, (performance.now() - started) / 1000);
    };
    const input = validate(schema, payload);
    if (!input.ok) return ack(input);
    ctx.inFlight
      .track(async () => {
        const data = await run(input.data);
        await ctx.durable?.();
        return data;
      })
      .then(
        (data) => {
          ack({ ok: true, data });
          acked?.(data);
        },
        (error: unknown) => {
          const { wire, unexpected } = toWireError(error);
          if (unexpected) ctx.log.error({ err: error, event }, 'socket handler failed');
          ack({ ok: false, error: wire });
        },
      );
  };
}

/** For events without a payload (e.g. 'inbox:fetch'): anything sent along is ignored. */
export function handleBare<T>(ctx: HandlerContext, event: string, run: () => Promise<T>): (...args: unknown[]) => void {
  return handle(ctx, event, v.unknown(), () => run());
}
