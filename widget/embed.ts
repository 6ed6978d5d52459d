// Entry of the widget bundle: the host-page API `window.ClassroomSupport = { init, open, close, setContext }`.
import { installHostApi } from './host-api';
import { optionsFromScript } from './options';
import { start } from './start';
import { setHostContext } from './state/host-context';
import { closePanel, openPanel } from './state/ui';

// Only readable while this script runs for the first time, so captured before anything else.
const script = document.currentScript as HTMLScriptElement | null;
const scriptOrigin = script?.src ? new URL(script.src).origin : location.origin;

installHostApi(
  window as { ClassroomSupport?: object },
  {
    init: (options) => start(options, scriptOrigin),
    open: openPanel,
    close: closePanel,
    setContext: setHostContext,
  },
  optionsFromScript(script),
);
