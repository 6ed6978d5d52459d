// Quality over the sockets: visitors' reports into the monitor (and, with Redis, to every other node, so each
// keeps the whole picture and judges the same), and what the monitor decides back out — a notice to the
// affected user's widget, an alert to available agents and the account manager. Every node decides the same
// things, so each tells only its own sockets (`local`): nobody hears it twice.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { QualityAlert } from '../../../shared/quality';
import { DomainError } from '../../domain/errors';
import type { QualityChange, ReportingUser } from '../../domain/monitoring/quality-monitor';
import type { SupportServices } from '../../domain/services';
import type { QualityBatch } from './cluster-events';
import type { ClusterSignals } from './cluster-signals';
import type { OnVisitorRequest } from './handler';
import { agentRoom, endUserRoom } from './rooms';
import type { AgentNamespace, VisitorNamespace, VisitorSocket } from './types';

/** Reports closer together than this from one connection are refused (the widget sends at most every 5 s). */
export const QUALITY_REPORT_FLOOR_MS = 2_000;
const FORWARD_EVERY_MS = 1_000;

export interface QualityFeed {
  /** Registers `quality:report` on a visitor's socket. */
  listen(on: OnVisitorRequest, socket: VisitorSocket): void;
  stop(): void;
}

export function feedQuality(
  services: SupportServices,
  visitors: VisitorNamespace,
  agents: AgentNamespace,
  cluster: ClusterSignals,
  log: Logger,
): QualityFeed {
  const { monitor } = services.monitoring;
  const node = randomUUID();
  let outgoing: QualityBatch['reports'] = [];
  const forward = cluster.clustered
    ? setInterval(() => {
        if (!outgoing.length) return;
        const reports = outgoing;
        outgoing = [];
        agents.serverSideEmit('cluster:quality', { node, reports });
      }, FORWARD_EVERY_MS)
    : null;
  forward?.unref();
  if (cluster.clustered) {
    agents.on('cluster:quality', (batch) => {
      if (batch.node === node) return;
      for (const { user, classroomId, report } of batch.reports) monitor.report(user, classroomId, report);
    });
  }

  const stopListening = services.monitoring.onChange((change) => {
    void deliver(change).catch((error: unknown) => log.error({ err: error, change: change.type }, 'could not deliver a quality change'));
  });

  async function deliver(change: QualityChange): Promise<void> {
    if (change.type === 'user.notice') {
      visitors.local.to(endUserRoom(change.user.id)).emit('quality:notice', change.notice);
    } else if (change.type === 'classroom.degraded') {
      const { classroom } = change;
      const recipients = await services.routing.alerts.forOrganisation(classroom.organisationId);
      if (!recipients.length) return;
      const alert: QualityAlert = {
        organisationId: classroom.organisationId,
        organisationName: classroom.organisationName,
        classroomId: classroom.classroomId,
        degradedUsers: classroom.degradedUsers,
        reportingUsers: classroom.reportingUsers,
        at: services.clock.now(),
      };
      agents.local.to(recipients.map(agentRoom)).emit('quality:alert', alert);
    }
  }

  return {
    listen(on, socket) {
      // A user of an open incident sees it again after a reload or reconnect.
      void services.incidents
        .noticeFor(socket.data.user.id)
        .then((notice) => notice && socket.emit('incident:notice', notice))
        .catch((error: unknown) => log.error({ err: error }, 'could not look up the user’s incident'));
      let lastAt = 0;
      // Built once per connection, not per report: a class of thousands reports every few seconds.
      let user: ReportingUser | null = null;
      on.now('quality:report', (report) => {
        const now = Date.now();
        if (now - lastAt < QUALITY_REPORT_FLOOR_MS) {
          throw new DomainError('rate_limited', 'Quality reports come at most every 5 seconds');
        }
        lastAt = now;
        const { user: endUser, organisation } = socket.data;
        if (user?.id !== endUser.id || user.name !== endUser.name || user.role !== endUser.role || user.organisationName !== organisation.name) {
          user = { id: endUser.id, name: endUser.name, role: endUser.role, organisationId: organisation.id, organisationName: organisation.name };
        }
        // A verified user's classroom comes from their token; the host's word is taken only for anonymous ones.
        const classroomId = (endUser.verified && endUser.classroomId) || report.classroomId || endUser.classroomId || null;
        monitor.report(user, classroomId, report);
        if (forward) outgoing.push({ user, classroomId, report });
        return null;
      });
    },
    stop() {
      if (forward) clearInterval(forward);
      stopListening();
    },
  };
}
