// Typed Socket.IO namespaces of the server, from the shared event maps.
import type { Namespace, Socket } from 'socket.io';
import type { AgentClientEvents, AgentServerEvents, VisitorClientEvents, VisitorServerEvents } from '../../../shared/protocol';
import type { Agent, EndUser, Organisation } from '../../domain/records';
import type { ClusterEvents } from './cluster-events';

export interface VisitorSocketData {
  organisation: Organisation;
  user: EndUser;
  issuedVisitorToken?: string;
}

export interface AgentSocketData {
  agent: Agent;
  /** The session the console signed in with: its room closes when the session ends. */
  sessionId: string;
}

type NoServerEvents = Record<string, never>;

export type VisitorNamespace = Namespace<VisitorClientEvents, VisitorServerEvents, NoServerEvents, VisitorSocketData>;
export type VisitorSocket = Socket<VisitorClientEvents, VisitorServerEvents, NoServerEvents, VisitorSocketData>;
/** The agent namespace also carries what nodes tell each other (cluster-signals.ts). */
export type AgentNamespace = Namespace<AgentClientEvents, AgentServerEvents, ClusterEvents, AgentSocketData>;
export type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, ClusterEvents, AgentSocketData>;

/** Socket.IO middleware errors carry `data` to the client's connect_error. */
export function handshakeError(code: string, message: string, retryAfterMs?: number): Error & { data: { code: string; retryAfterMs?: number } } {
  return Object.assign(new Error(message), { data: retryAfterMs === undefined ? { code } : { code, retryAfterMs } });
}
