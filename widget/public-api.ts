// The widget's public API as host apps see it: init options, host context, host events, quality reports.
// Declarations only and no imports: `npm run build:package` copies this file as the npm package's type file,
// so what the widget is built against and what `classroom-support/widget` promises are the same text.

/** Fields the host app may pass to `init({ context })` or `setContext()`; unknown keys travel in `extra`. */
export interface HostContext {
  classroomId?: string;
  role?: 'student' | 'teacher';
  hostApp?: string;
  hostAppVersion?: string;
  /** The user's live class is running right now: their chat is more urgent. */
  liveClass?: boolean;
  /** Recent network quality measured by the host app (shown to the agent). */
  network?: { rttMs?: number; packetLossPct?: number; jitterMs?: number };
  [key: string]: unknown;
}

/** What `ClassroomSupport.init()` accepts. */
export interface InitOptions {
  /** Origin of the support server; defaults to the origin the widget script was loaded from (required from npm). */
  server?: string;
  appKey: string;
  /** Signed identity JWT from the host's backend, or a function fetching a fresh one (called on every connect). */
  token?: string | (() => Promise<string>);
  /** Self-declared identity of an anonymous visitor. */
  user?: { name?: string; role?: 'student' | 'teacher' };
  context?: HostContext;
  /**
   * The widget's language and its help articles' ("zh-CN" or "en"; any zh-* counts as Chinese, en-* as English);
   * default: the script tag's data-locale, else the page's <html lang>, else the browser's. See setLocale().
   */
  locale?: string;
}

/** One sample of the user's media quality, as the host's RTC SDK measured it (see docs/monitoring.md). */
export interface QualityReport {
  /** Round-trip time to the media server, milliseconds. */
  rttMs?: number;
  /** Share of packets lost, percent (0–100). */
  packetLossPct?: number;
  jitterMs?: number;
  /** Video freezes since the last report. */
  freezes?: number;
  audioLevelLow?: boolean;
  /** The SDK's own network-quality grade, when it has one. */
  sdkNetworkQuality?: number | string;
}

/** A ticket of the user's changed: status, or a reply from support they have not read. */
export interface TicketUpdatedEvent {
  /** The ticket's number as the user sees it, e.g. "T-1042". */
  number: string;
  status: 'new' | 'open' | 'pending' | 'resolved' | 'closed';
  /** Support wrote something on it the user has not read yet. */
  hasNewReply: boolean;
}

/** Something went wrong that the host may want to know about (the widget also shows it to the user). */
export interface WidgetErrorEvent {
  /** A stable code: "init_invalid", "connection_refused", or a server error code such as "forbidden_origin". */
  code: string;
  message: string;
}

/** The events `ClassroomSupport.on()` delivers, and what each handler receives. */
export interface HostEvents {
  /** The widget is on the page (mounted); once. A handler added later is called at once. */
  ready: () => void;
  open: () => void;
  close: () => void;
  /** What the launcher's badge shows: unread replies from support in the chat and on tickets. */
  unread: (count: number) => void;
  'ticket:updated': (ticket: TicketUpdatedEvent) => void;
  error: (error: WidgetErrorEvent) => void;
}

export type HostEventName = keyof HostEvents;

/** `window.ClassroomSupport`, and the `ClassroomSupport` export of `classroom-support/widget`. */
export interface ClassroomSupportApi {
  init(options: InitOptions): void;
  open(): void;
  close(): void;
  setContext(context: HostContext): void;
  /** Switches the widget's language at once: "zh-CN" or "en" (any zh-* or en-* tag). */
  setLocale(locale: string): void;
  on<E extends HostEventName>(event: E, handler: HostEvents[E]): void;
  off<E extends HostEventName>(event: E, handler: HostEvents[E]): void;
  /** Media quality from the host's RTC SDK; call as often as it measures (every second is normal). */
  reportQuality(report: QualityReport): void;
}
