// The one line under the panel header saying where the visitor stands: queue, agent, ended, or connection trouble.
import { computed } from 'nanostores';
import { $conversation } from './conversation';
import { $connection, $connectionError } from './session';

export const $status = computed([$connection, $connectionError, $conversation], (connection, error, conversation) => {
  if (connection === 'error') return error ?? 'Support chat is unavailable.';
  if (connection === 'offline') return 'Reconnecting…';
  if (connection === 'connecting') return 'Connecting…';
  if (!conversation) return 'Ask us anything about your class.';
  switch (conversation.status) {
    case 'queued':
      return conversation.queuePosition
        ? `Waiting for an agent… You are number ${conversation.queuePosition} in the queue.`
        : 'Waiting for an agent…';
    case 'active':
      return `You are chatting with ${conversation.agentName ?? 'support'}`;
    case 'closed':
      return 'This chat has ended.';
  }
});
