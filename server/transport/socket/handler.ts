// Registers a socket's request handlers by event name: validate the payload with the event's shared schema
// (protocol-schemas.ts), run the handler, answer with a Result ack of the event's type.
import type { IncomingMessage } from 'node:http';
import type * as v from 'valibot';
import type { Logger } from 'pino';
import type { Result } from '../../../shared/errors';
import type { AgentClientEvents, VisitorClientEvents } from '../../../shared/protocol';
import { AGENT_REQUESTS, VISITOR_REQUESTS, type AckOf, type SchemasOf } from '../../../shared/protocol-schemas';
import { validate } from '../../../shared/validate';
import type { InFlight } from '../in-flight';
import { toWireError } from '../wire-error';
import type { AgentSocket, VisitorSocket } from './types';

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

function handle<S extends v.GenericSchema, T>(
  ctx: HandlerContext,
  event: string,
  schema: S,
  run: (input: v.InferOutput<S>) => Promise<T>,
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

/** See OnRequest.now. */
function handleNow<S extends v.GenericSchema, T>(
  ctx: HandlerContext,
  event: string,
  schema: S,
  run: (input: v.InferOutput<S>) => T,
): (...args: unknown[]) => void {
  return (...args) => {
    const started = performance.now();
    const { payload, ack } = splitArgs(args);
    let result: Result<T>;
    const input = validate(schema, payload);
    if (!input.ok) result = input;
    else {
      try {
        result = { ok: true, data: run(input.data) };
      } catch (error) {
        const { wire, unexpected } = toWireError(error);
        if (unexpected) ctx.log.error({ err: error, event }, 'socket handler failed');
        result = { ok: false, error: wire };
      }
    }
    ack(result);
    ctx.observeAck?.(event, result.ok ? 'ok' : result.error.code, (performance.now() - started) / 1000);
  };
}

/** Where a socket's requests are registered: one listener per event name. */
interface Listening {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/**
 * Registers one request handler of event `E`: its payload is what `E`'s schema outputs, and what it resolves with
 * must be what `E`'s ack carries (protocol.ts); `acked` runs right after a successful ack went out, for work that
 * must follow it on the wire.
 */
export interface OnRequest<M, S extends SchemasOf<M>> {
  <E extends keyof M & string>(event: E, run: (input: v.InferOutput<S[E]>) => Promise<AckOf<M, E>>, acked?: (data: AckOf<M, E>) => void): void;
  /**
   * For a handler that only changes memory (no store, nothing to make durable), e.g. `quality:report` by the
   * thousand a second: validated, run and answered in the same turn, without the promise chain, the in-flight
   * count and the durability barrier that writes need. What it throws (DomainError) is answered as above.
   */
  now<E extends keyof M & string>(event: E, run: (input: v.InferOutput<S[E]>) => AckOf<M, E>): void;
}

function requestsOf<M, S extends SchemasOf<M>>(socket: Listening, schemas: S, ctx: HandlerContext): OnRequest<M, S> {
  const on = <E extends keyof M & string>(event: E, run: (input: v.InferOutput<S[E]>) => Promise<AckOf<M, E>>, acked?: (data: AckOf<M, E>) => void) =>
    void socket.on(event, handle(ctx, event, schemas[event], run, acked));
  return Object.assign(on, {
    now: <E extends keyof M & string>(event: E, run: (input: v.InferOutput<S[E]>) => AckOf<M, E>) =>
      void socket.on(event, handleNow(ctx, event, schemas[event], run)),
  });
}

export type OnVisitorRequest = OnRequest<VisitorClientEvents, typeof VISITOR_REQUESTS>;
export type OnAgentRequest = OnRequest<AgentClientEvents, typeof AGENT_REQUESTS>;

/** The widget's requests on one visitor socket, typed by the visitor event map. */
export const visitorRequests = (socket: VisitorSocket, ctx: HandlerContext): OnVisitorRequest => requestsOf(untyped(socket), VISITOR_REQUESTS, ctx);

/** The console's requests on one agent socket, typed by the agent event map. */
export const agentRequests = (socket: AgentSocket, ctx: HandlerContext): OnAgentRequest => requestsOf(untyped(socket), AGENT_REQUESTS, ctx);

/**
 * The one cast: a listener takes the raw arguments as `unknown` and checks them with the event's schema itself,
 * which a typed socket's `on` (expecting arguments already of the payload's type) cannot express.
 */
function untyped(socket: VisitorSocket | AgentSocket): Listening {
  return socket as unknown as Listening;
}
