// What the widget adds to a chat's or ticket's context about the connection as the browser sees it (the Network
// Information API, Chromium browsers only). The keys travel in `context.extra` beside the host's own fields; the
// console shows them as one labelled line instead of raw keys.

/** `context.extra` keys the widget itself writes; everything else in `extra` is the host app's. */
export const BROWSER_CONNECTION_KEYS = { type: 'connectionType', downlinkMbps: 'downlinkMbps', rttMs: 'browserRttMs' } as const;

export interface BrowserConnection {
  /** The effective type: 'slow-2g', '2g', '3g' or '4g'. */
  type: string;
  downlinkMbps?: number;
  rttMs?: number;
}

const WIDGET_KEYS: ReadonlySet<string> = new Set(Object.values(BROWSER_CONNECTION_KEYS));

/** The browser's connection, if the widget reported one, and the host's own extra fields without it. */
export function splitBrowserConnection(extra: Readonly<Record<string, unknown>> | undefined): {
  connection: BrowserConnection | null;
  hostFields: Array<[string, unknown]>;
} {
  const fields = Object.entries(extra ?? {});
  const type = extra?.[BROWSER_CONNECTION_KEYS.type];
  if (typeof type !== 'string') return { connection: null, hostFields: fields };
  const mbps = extra?.[BROWSER_CONNECTION_KEYS.downlinkMbps];
  const rtt = extra?.[BROWSER_CONNECTION_KEYS.rttMs];
  return {
    connection: { type, ...(typeof mbps === 'number' ? { downlinkMbps: mbps } : {}), ...(typeof rtt === 'number' ? { rttMs: rtt } : {}) },
    hostFields: fields.filter(([key]) => !WIDGET_KEYS.has(key)),
  };
}
