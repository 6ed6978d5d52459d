// The port through which state talks to the server; transport/socket.ts plugs the real connection in.
import type { Result } from '../../shared/errors';
import type { Typing, VisitorClientEvents } from '../../shared/protocol';
import type { AckedEventOf, AckOf, PayloadOf } from '../../shared/protocol-schemas';
import type { QualityReport } from '../../shared/quality';

/** The widget's requests, their payloads and acks: the same typing as the server's handlers (protocol-schemas.ts). */
export type RequestName = AckedEventOf<VisitorClientEvents>;
export type RequestPayload<E extends RequestName> = PayloadOf<VisitorClientEvents, E>;
export type Reply<E extends RequestName> = AckOf<VisitorClientEvents, E>;

export interface Wire {
  /** Resolves with the server's ack; rejects with OFFLINE at once when not connected, or with an error when no ack comes in time. */
  request<E extends RequestName>(event: E, payload: RequestPayload<E>): Promise<Result<Reply<E>>>;
  typing(payload: Typing): void;
  /** A quality report, without an ack (nobody waits for it); dropped while not connected — the next one says the same. */
  reportQuality(report: QualityReport): void;
}

/** Message of the rejection when there is no connection: the caller waits for the next session instead of failing. */
export const OFFLINE = 'offline';

let current: Wire | null = null;

export function setWire(wire: Wire | null): void {
  current = wire;
}

export function request<E extends RequestName>(event: E, payload: RequestPayload<E>): Promise<Result<Reply<E>>> {
  return current ? current.request(event, payload) : Promise.reject(new Error(OFFLINE));
}

export function sendQualityReport(report: QualityReport): void {
  current?.reportQuality(report);
}

export function notifyTyping(payload: Typing): void {
  current?.typing(payload);
}
