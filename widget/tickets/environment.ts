// The environment sent with a ticket, and how it is shown to the visitor before sending: nothing goes unseen.
import type { ClientContextInput } from '../../shared/protocol';

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

function network(context: ClientContextInput): string | undefined {
  const n = context.network;
  const measured = [
    n?.rttMs !== undefined && `${n.rttMs} ms round trip`,
    n?.packetLossPct !== undefined && `${n.packetLossPct}% packets lost`,
    n?.jitterMs !== undefined && `${n.jitterMs} ms jitter`,
  ].filter(Boolean);
  if (measured.length) return measured.join(', ');
  const type = context.extra?.connectionType;
  return type ? `${String(type).toUpperCase()} connection${context.extra?.downlinkMbps ? `, about ${context.extra.downlinkMbps} Mbit/s` : ''}` : undefined;
}

/** Label and value of each detail the ticket will carry, in plain words. */
export function environmentLines(context: ClientContextInput): Array<[string, string]> {
  const lines: Array<[string, string | undefined]> = [
    ['Browser', context.browser],
    ['System', context.os],
    ['Classroom', context.classroomId],
    ['Role', context.role],
    ['Network', network(context)],
    ['App', [context.hostApp, context.hostAppVersion].filter(Boolean).join(' ') || undefined],
    ['Support widget', context.sdkVersion],
    ['Page', context.pageUrl],
  ];
  return lines.filter((line): line is [string, string] => !!line[1]);
}
