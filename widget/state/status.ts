// The one line under the panel header saying where the visitor stands: queue, agent, ended, or connection trouble.
import { computed } from 'nanostores';
import { $locale } from '../i18n/locale';
import { errorsText, errorText, statusText } from '../i18n/messages';
import { $conversation } from './conversation';
import { $connection, $connectionError } from './session';

export const $status = computed(
  [$connection, $connectionError, $conversation, statusText, errorsText, $locale],
  (connection, error, conversation, t, errors, locale) => {
    // A refusal in our plain words for its code, in every language: the server's own words are for developers
    // (the host page's `error` event carries them), not for a student.
    if (connection === 'error') return error ? errorText(errors, locale, error.code) : t.unavailable;
    if (connection === 'offline') return t.reconnecting;
    if (connection === 'connecting') return t.connecting;
    if (!conversation) return t.ask;
    switch (conversation.status) {
      case 'queued':
        return conversation.queuePosition ? t.waitingAt({ position: conversation.queuePosition }) : t.waiting;
      case 'active':
        return t.chatting({ name: conversation.agentName ?? t.support });
      case 'closed':
        return t.ended;
    }
  },
);
