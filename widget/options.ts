// What `ClassroomSupport.init()` accepts, and how a bare script tag's data attributes become the same thing.
import type { InitOptions } from './public-api';

export type { InitOptions };

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
