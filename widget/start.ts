// Composition root of the widget: starts it once, mounts the UI and connects when there is reason to.
import { connectVisitor, hasVisitorToken } from './transport/socket';
import type { InitOptions } from './options';
import { dictionaries } from './i18n/i18n';
import { loadDictionary, loadPanelStyles } from './lazy';
import { panelStyles } from './ui/panel-ready';
import { $locale, pageLocale, supportedLocale } from './i18n/locale';
import { configureHelp } from './state/help';
import { tickets } from './state/tickets';
import { setHostContext } from './state/host-context';
import { hostEvents, watchHostSignals } from './state/host-signals';
import { watchReading } from './state/read-state';
import { watchSatisfaction } from './state/satisfaction-link';
import { watchLinkFragment } from './state/link-fragment';
import { $open } from './state/ui';
import { link } from './state/quality-link';
import { mountWidget } from './ui/mount';

let started = false;
/** A language set by setLocale() before init wins over init's own. */
let chosenLocale: string | undefined;

function whenBodyReady(run: () => void): void {
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run, { once: true });
}

function refuse(message: string): void {
  console.error('[ClassroomSupport]', message);
  hostEvents.emit('error', { code: 'init_invalid', message });
}

/**
 * `defaultServer` is where the widget script came from, used when the host does not name a server (null from npm);
 * `tagLocale` the script tag's data-locale.
 */
export function start(options: InitOptions, defaultServer: string | null, tagLocale?: string): void {
  // One widget per page: a second init is ignored rather than opening a second connection.
  if (started) return;
  if (!options?.appKey) return refuse('init needs an appKey');
  const server = options.server || defaultServer;
  if (!server) return refuse('init needs a server');
  started = true;
  watchHostSignals();
  dictionaries.load = (locale) => loadDictionary(server.replace(/\/+$/, ''), locale);
  panelStyles.load = () => loadPanelStyles(server.replace(/\/+$/, ''));
  $locale.set(pageLocale(chosenLocale ?? options.locale, tagLocale));
  setHostContext({ role: options.user?.role, ...options.context });
  whenBodyReady(() => {
    mountWidget();
    hostEvents.emit('ready');
  });
  configureHelp(server);
  tickets.server = server.replace(/\/+$/, '');
  tickets.appKey = options.appKey;
  watchReading();
  watchSatisfaction();
  watchLinkFragment();

  let connected = false;
  // Once: opening the panel or a quality report, whichever comes first.
  const connect = () => {
    if (connected) return;
    connected = true;
    connectVisitor({
      server,
      appKey: options.appKey,
      token: options.token,
      name: options.user?.name,
    });
  };
  link.connect = connect;
  // A new anonymous visitor connects only when opening the chat (or reporting quality): no identity for every page view.
  if (options.token || hasVisitorToken(options.appKey) || $open.get()) return void connect();
  const stop = $open.listen((open) => {
    if (!open) return;
    stop();
    connect();
  });
}

/** ClassroomSupport.setLocale(): the panel, its articles and the tickets view switch at once; other tags are refused. */
export function setLocale(locale: string): void {
  const supported = supportedLocale(locale);
  if (!supported) return void console.error('[ClassroomSupport] setLocale takes zh-CN or en', locale);
  chosenLocale = supported;
  $locale.set(supported);
}
