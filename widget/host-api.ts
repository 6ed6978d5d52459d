// Installs window.ClassroomSupport over the paste-in stub and replays, in order, the calls queued before we loaded.
import type { HostContext } from './context';
import type { InitOptions } from './options';

export interface HostApi {
  init(options: InitOptions): void;
  open(): void;
  close(): void;
  setContext(context: HostContext): void;
}

type QueuedCall = [method: string, args: unknown[]];

interface Stub extends Partial<HostApi> {
  _q?: QueuedCall[] | { push(call: QueuedCall): void };
  _loaded?: boolean;
}

const METHODS: (keyof HostApi)[] = ['init', 'open', 'close', 'setContext'];

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
 * Replaces the stub's methods with `api` on the same object (host code may hold a reference to it),
 * auto-inits from the script tag when nobody queued an init, then replays the queue.
 */
export function installHostApi(win: { ClassroomSupport?: Stub }, api: HostApi, fromScriptTag: InitOptions | null): void {
  const stub = (win.ClassroomSupport ??= {});
  // A second copy of the bundle on the page must not mount a second widget.
  if (stub._loaded) return;
  const queue = Array.isArray(stub._q) ? stub._q : [];
  Object.assign(stub, api, {
    _loaded: true,
    // Stub methods captured before we loaded still push here: run those calls at once.
    _q: { push: (call: QueuedCall) => invoke(api, call) },
  });
  if (fromScriptTag && !queue.some(([method]) => method === 'init')) api.init(fromScriptTag);
  for (const call of queue) invoke(api, call);
}
