// What the host app told us about the classroom; changes reach an open conversation at once.
import { atom } from 'nanostores';
import type { ClientContextInput } from '../../shared/protocol';
import { buildContext, collectEnvironment, type HostContext } from '../context';
import { $conversation } from './conversation';
import { request } from './wire';

export const $hostContext = atom<HostContext>({});

/** The language the widget shows; it goes along with the context so agents see it. */
let shownLocale: string | undefined;
export const setContextLocale = (locale: string): void => {
  shownLocale = locale;
};

export function currentContext(): ClientContextInput {
  const context = buildContext($hostContext.get(), collectEnvironment());
  return shownLocale ? { ...context, locale: shownLocale } : context;
}

export function setHostContext(partial: HostContext): void {
  $hostContext.set({ ...$hostContext.get(), ...partial });
  const conversation = $conversation.get();
  if (conversation && conversation.status !== 'closed') {
    // Best effort: context is a hint for the agent, and the next conversation carries it anyway.
    request('context:update', { conversationId: conversation.id, context: currentContext() }).catch(() => {});
  }
}
