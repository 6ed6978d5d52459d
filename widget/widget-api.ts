// The object behind `window.ClassroomSupport` and the npm export: each method wired to the widget's state.
import type { HostApi } from './host-api';
import { setLocale, start } from './start';
import { setHostContext } from './state/host-context';
import { hostEvents } from './state/host-signals';
import { closePanel, openPanel } from './state/ui';
import { reportQuality } from './state/quality-link';

/**
 * `defaultServer`: where the widget script came from (the script tag), or null from npm, where init names it;
 * `tagLocale`: the script tag's data-locale.
 */
export function widgetApi(defaultServer: string | null, tagLocale?: string): HostApi {
  return {
    init: (options) => start(options, defaultServer, tagLocale),
    setLocale,
    open: openPanel,
    close: closePanel,
    setContext: setHostContext,
    on: hostEvents.on,
    off: hostEvents.off,
    reportQuality,
  };
}
