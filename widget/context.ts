// The classroom context sent with a conversation: what the host app tells us plus what the browser tells us.
import type { ClientContextInput } from '../shared/protocol';
import { LIMITS } from '../shared/limits';
import type { HostContext } from './public-api';
import { WIDGET_VERSION } from './version';

export type { HostContext };

export interface Environment {
  browser?: string;
  os?: string;
  pageUrl?: string;
  sdkVersion: string;
}

// Order matters: Edge and most others also claim "Chrome", Chrome claims "Safari", Android claims "Linux".
const BROWSERS: [string, RegExp][] = [
  ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /Version\/(\d+(?:\.\d+)?).*Safari\//],
];
const SYSTEMS: [string, RegExp][] = [
  ['iOS', /(?:iPhone|iPad|iPod).*? OS (\d+(?:_\d+)?)/],
  ['Android', /Android (\d+(?:\.\d+)?)/],
  ['ChromeOS', /CrOS/],
  ['Windows', /Windows/],
  ['macOS', /Mac OS X/],
  ['Linux', /Linux/],
];

function firstMatch(table: [string, RegExp][], ua: string): string | undefined {
  for (const [name, pattern] of table) {
    const found = pattern.exec(ua);
    if (found) return found[1] ? `${name} ${found[1].replace(/_/g, '.')}` : name;
  }
  return undefined;
}

/** Browser and OS with their major version where the user agent tells it, e.g. "Chrome 120" and "Android 14". */
export function parseUserAgent(ua: string): { browser?: string; os?: string } {
  return { browser: firstMatch(BROWSERS, ua), os: firstMatch(SYSTEMS, ua) };
}

export function collectEnvironment(): Environment {
  return { ...parseUserAgent(navigator.userAgent), pageUrl: location.href.slice(0, 2000), sdkVersion: WIDGET_VERSION };
}

type Scalar = string | number | boolean;

// The server refuses a whole conversation:start over one bad field, so anything it would reject is dropped here.
function scalar(value: unknown): Scalar | undefined {
  if (typeof value === 'string') return value.trim().slice(0, LIMITS.contextValue) || undefined;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
  return undefined;
}

const NAMED = ['classroomId', 'hostApp', 'hostAppVersion'];

const NETWORK_LIMITS = { rttMs: 600_000, packetLossPct: 100, jitterMs: 600_000 } as const;

/** Only the known measures, as numbers within what the server accepts. */
function networkQuality(raw: unknown): HostContext['network'] | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const quality: Record<string, number> = {};
  for (const [key, max] of Object.entries(NETWORK_LIMITS)) {
    const value = (raw as Record<string, unknown>)[key];
    if (typeof value === 'number' && value >= 0 && value <= max) quality[key] = value;
  }
  return Object.keys(quality).length ? quality : undefined;
}

/** Host fields and environment, trimmed to the limits the server enforces. */
export function buildContext(host: HostContext, env: Environment): ClientContextInput {
  // Undefined fields vanish in JSON, so the environment can be copied as it is.
  const context: ClientContextInput = { ...env };
  const extra: Record<string, Scalar> = {};
  let extras = 0;
  for (const [key, raw] of Object.entries(host)) {
    if (key === 'network') {
      const network = networkQuality(raw);
      if (network) context.network = network;
      continue;
    }
    const value = scalar(raw);
    if (value === undefined) continue;
    if (key === 'role') {
      if (value === 'student' || value === 'teacher') context.role = value;
    } else if (key === 'liveClass') {
      if (typeof value === 'boolean') context.liveClass = value;
    } else if (NAMED.includes(key)) {
      context[key as 'hostApp'] = String(value);
    } else if (extras < LIMITS.contextExtraKeys && key.length <= 64) {
      extra[key] = value;
      extras++;
    }
  }
  if (extras) context.extra = extra;
  return context;
}
