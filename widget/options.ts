// What `ClassroomSupport.init()` accepts, and how a bare script tag's data attributes become the same thing.
import type { HostContext } from './context';

export interface InitOptions {
  /** Origin of the support server; defaults to the origin the widget script was loaded from. */
  server?: string;
  appKey: string;
  /** Signed identity JWT from the host's backend, or a function fetching a fresh one (called on every connect). */
  token?: string | (() => Promise<string>);
  /** Self-declared identity of an anonymous visitor. */
  user?: { name?: string; role?: 'student' | 'teacher' };
  context?: HostContext;
  /** Language of help articles to prefer ("zh-CN", "en"; any zh-* counts as Chinese); default: the browser's. */
  locale?: string;
}

export function optionsFromScript(script: HTMLScriptElement | null): InitOptions | null {
  const data = script?.dataset;
  if (!data?.appKey) return null;
  const role = data.role as 'student' | 'teacher' | undefined;
  return {
    appKey: data.appKey,
    server: data.server,
    user: { name: data.name, role },
    locale: data.locale,
    context: { classroomId: data.classroom, role, hostApp: data.hostApp },
  };
}
