// Composition root of the widget: starts it once, mounts the UI and connects when there is reason to.
import { connectVisitor, hasVisitorToken } from './transport/socket';
import type { InitOptions } from './options';
import { configureHelp } from './state/help';
import { tickets } from './state/tickets';
import { setHostContext } from './state/host-context';
import { watchReading } from './state/read-state';
import { $open } from './state/ui';
import { mountWidget } from './ui/mount';

let started = false;

function whenBodyReady(run: () => void): void {
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run, { once: true });
}

/** `defaultServer` is where the widget script came from, used when the host does not name a server. */
export function start(options: InitOptions, defaultServer: string): void {
  // One widget per page: a second init is ignored rather than opening a second connection.
  if (started) return;
  if (!options?.appKey) {
    console.error('[ClassroomSupport] init needs an appKey');
    return;
  }
  started = true;
  setHostContext({ role: options.user?.role, ...options.context });
  whenBodyReady(mountWidget);
  configureHelp(options.server || defaultServer, options.locale);
  tickets.server = (options.server || defaultServer).replace(/\/+$/, '');
  tickets.appKey = options.appKey;
  watchReading();

  const connect = () =>
    connectVisitor({
      server: options.server || defaultServer,
      appKey: options.appKey,
      token: options.token,
      name: options.user?.name,
    });
  // A new anonymous visitor connects only when opening the chat: no server identity for every page view.
  if (options.token || hasVisitorToken(options.appKey) || $open.get()) return void connect();
  const stop = $open.listen((open) => {
    if (!open) return;
    stop();
    connect();
  });
}
