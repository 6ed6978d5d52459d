// The environment sent with a ticket, and how it is shown to the visitor before sending: nothing goes unseen.
import type { ClientContextInput } from '../../shared/protocol';
import { $ticketsLocale, environmentText } from './messages';

interface NetworkInformation {
  effectiveType?: string;
  downlink?: number;
  rtt?: number;
}

/** Adds what the browser itself knows about the connection (Chromium browsers only) to what the host reported. */
export function withConnection(context: ClientContextInput): ClientContextInput {
  const connection = (navigator as { connection?: NetworkInformation }).connection;
  if (!connection?.effectiveType) return context;
  const extra: Record<string, string | number | boolean> = { ...context.extra, connectionType: connection.effectiveType };
  if (typeof connection.downlink === 'number') extra.downlinkMbps = connection.downlink;
  if (typeof connection.rtt === 'number') extra.browserRttMs = connection.rtt;
  return { ...context, extra };
}

function network(context: ClientContextInput, t = environmentText.get()): string | undefined {
  const n = context.network;
  const measured = [
    n?.rttMs !== undefined && t.rtt({ ms: n.rttMs }),
    n?.packetLossPct !== undefined && t.loss({ pct: n.packetLossPct }),
    n?.jitterMs !== undefined && t.jitter({ ms: n.jitterMs }),
  ].filter(Boolean);
  if (measured.length) return measured.join($ticketsLocale.get() === 'zh-CN' ? '，' : ', ');
  const type = context.extra?.connectionType;
  if (!type) return undefined;
  const mbps = context.extra?.downlinkMbps;
  return mbps ? t.speed({ type: String(type).toUpperCase(), mbps: String(mbps) }) : t.connection({ type: String(type).toUpperCase() });
}

/** Label and value of each detail the ticket will carry, in plain words. */
export function environmentLines(context: ClientContextInput): Array<[string, string]> {
  const t = environmentText.get();
  const lines: Array<[string, string | undefined]> = [
    [t.browser, context.browser],
    [t.system, context.os],
    [t.classroom, context.classroomId],
    [t.role, context.role && t[context.role]],
    [t.network, network(context, t)],
    [t.app, [context.hostApp, context.hostAppVersion].filter(Boolean).join(' ') || undefined],
    [t.widget, context.sdkVersion],
    [t.page, context.pageUrl],
  ];
  return lines.filter((line): line is [string, string] => !!line[1]);
}
