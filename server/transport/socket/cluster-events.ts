// What nodes tell each other beside socket broadcasts (Socket.IO server-side events over Redis): the kinds of
// change that happened on a node, for state every node keeps for its own sockets, and who is online where.
import type { DomainEvent } from '../../domain/events';
import type { QualityReport } from '../../../shared/quality';
import type { ReportingUser } from '../../domain/monitoring/quality-monitor';

export interface ClusterChange {
  /** Kinds of domain event that happened on the sending node since its last signal. */
  types: DomainEvent['type'][];
  /** Agents whose record changed there (role, name, tier): each node refreshes its own consoles' copy. */
  agents: string[];
}

export interface PresenceReport {
  node: string;
  /** End users online on that node (connected, or within their grace period): all of them, or what changed. */
  online: string[];
  offline: string[];
  /** True when `online` is everything the node has, replacing what was known of it. */
  full: boolean;
}

/** Quality reports a node received from its visitors, passed on so every node keeps the whole picture. */
export interface QualityBatch {
  node: string;
  reports: { user: ReportingUser; classroomId: string | null; report: QualityReport }[];
}

export interface ClusterEvents {
  'cluster:quality': (batch: QualityBatch) => void;
  'cluster:changed': (change: ClusterChange) => void;
  'cluster:presence': (report: PresenceReport) => void;
  /** A node started or got Redis back: the others send it their full presence. */
  'cluster:hello': (node: string) => void;
}
