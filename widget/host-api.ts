// Installs window.ClassroomSupport over the paste-in stub and replays, in order, the calls queued before we loaded.
import type { ClassroomSupportApi } from './public-api';

export type HostApi = ClassroomSupportApi;

type QueuedCall = [method: string, args: unknown[]];

interface Stub extends Partial<HostApi> {
  _q?: QueuedCall[] | { push(call: QueuedCall): void };
  _loaded?: boolean;
}

const METHODS: (keyof HostApi)[] = ['init', 'open', 'close', 'setContext', 'on', 'off', 'reportQuality', 'setLocale'];
const SUBSCRIBING = (method: string) => method === 'on' || method === 'off';

function invoke(api: HostApi, [method, args]: QueuedCall): void {
  // Only our own methods: the queue is plain page data that anything on the page can push to.
  if (!METHODS.includes(method as keyof HostApi)) return;
  try {
    (api[method as keyof HostApi] as (...args: unknown[]) => void)(...args);
  } catch (error) {
    console.error(`[ClassroomSupport] ${method} failed`, error);
  }
}

/**
 * Replaces the stub's methods with `api` on the same object (host code may hold a reference to it), attaches the
 * queued event handlers first (so they hear everything from the start, even an auto-init's refusal), auto-inits
 * from the script tag when nobody queued an init, then replays the other calls in order. Returns the object the
 * page uses (the one already installed, when a second copy of the widget loads).
 */
export function installHostApi(win: { ClassroomSupport?: Stub }, api: HostApi, fromScriptTag: InitOptions | null): HostApi {
  win.ClassroomSupport ??= {};
  const stub = win.ClassroomSupport;
  // A second copy of the bundle on the page must not mount a second widget.
  if (stub._loaded) return stub as HostApi;
  const queue = Array.isArray(stub._q) ? stub._q : [];
  Object.assign(stub, api, {
    _loaded: true,
    // Stub methods captured before we loaded still push here: run those calls at once.
    _q: { push: (call: QueuedCall) => invoke(api, call) },
  });
  for (const call of queue) if (SUBSCRIBING(call[0])) invoke(api, call);
  if (fromScriptTag && !queue.some(([method]) => method === 'init')) api.init(fromScriptTag);
  for (const call of queue) if (!SUBSCRIBING(call[0])) invoke(api, call);
  return stub as HostApi;
}

type InitOptions = Parameters<HostApi['init']>[0];
