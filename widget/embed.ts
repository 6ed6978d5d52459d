// Entry of the widget bundle: the host-page API `window.ClassroomSupport = { init, open, close, setContext, on, off, … }`.
import { installHostApi } from './host-api';
import { optionsFromScript } from './options';
import { widgetApi } from './widget-api';

// Only readable while this script runs for the first time, so captured before anything else.
const script = document.currentScript as HTMLScriptElement | null;
const scriptOrigin = script?.src ? new URL(script.src).origin : location.origin;

installHostApi(window as { ClassroomSupport?: object }, widgetApi(scriptOrigin, script?.dataset.locale), optionsFromScript(script));
