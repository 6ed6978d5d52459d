// Where the visitor stands: connecting, in the queue, chatting with someone, ended, or why support is unreachable.
import { useStore } from '@nanostores/preact';
import { $connection } from '../state/session';
import { $status } from '../state/status';

export function StatusLine() {
  const status = useStore($status);
  const connection = useStore($connection);
  return (
    <p class={connection === 'error' ? 'status error' : 'status'} role="status">
      {status}
    </p>
  );
}
