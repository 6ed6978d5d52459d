// The host page's event handlers (`ClassroomSupport.on/off`): who listens to what, and what the last value was.
import type { HostEventName, HostEvents } from './public-api';

type Handler = (...args: never[]) => void;

/** Events a handler added late still hears once, with the latest value: "ready", and the badge count. */
const sticky = (event: HostEventName) => event === 'ready' || event === 'unread';

export interface HostEventHub {
  on<E extends HostEventName>(event: E, handler: HostEvents[E]): void;
  off<E extends HostEventName>(event: E, handler: HostEvents[E]): void;
  emit<E extends HostEventName>(event: E, ...args: Parameters<HostEvents[E]>): void;
}

export function createHostEvents(): HostEventHub {
  const handlers = new Map<string, Set<Handler>>();
  const last = new Map<string, unknown[]>();
  const call = (event: string, handler: Handler, args: unknown[]) => {
    // The host's code must never break the widget, nor one handler the next.
    try {
      (handler as (...a: unknown[]) => void)(...args);
    } catch (error) {
      console.error('[ClassroomSupport]', event, error);
    }
  };
  return {
    on(event, handler) {
      // Plain page data may arrive here through the stub's queue: only real functions (unknown events never fire).
      if (typeof handler !== 'function') return;
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      if (set.has(handler)) return;
      set.add(handler);
      const replay = last.get(event);
      if (replay) call(event, handler, replay);
    },
    off(event, handler) {
      handlers.get(event)?.delete(handler);
    },
    emit(event, ...args) {
      if (sticky(event)) last.set(event, args);
      for (const handler of [...(handlers.get(event) ?? [])]) call(event, handler, args);
    },
  };
}
