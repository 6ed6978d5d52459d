// Entry of the npm package `classroom-support/widget`: the same widget as widget.js, imported by a bundled app.
// Importing it installs the one widget object of the page (window.ClassroomSupport, taking over a paste-in stub's
// queue, or the copy a script tag already loaded) and exports it; nothing starts before `init`.
import { installHostApi } from './host-api';
import type { ClassroomSupportApi } from './public-api';
import { widgetApi } from './widget-api';

export type * from './public-api';

/** Server-side rendering imports the module without a browser: every call is a no-op there. */
const withoutBrowser: ClassroomSupportApi = {
  init() {},
  open() {},
  close() {},
  setContext() {},
  setLocale() {},
  on() {},
  off() {},
  reportQuality() {},
};

export const ClassroomSupport: ClassroomSupportApi =
  typeof window === 'undefined' ? withoutBrowser : installHostApi(window as { ClassroomSupport?: object }, widgetApi(null), null);

export default ClassroomSupport;
