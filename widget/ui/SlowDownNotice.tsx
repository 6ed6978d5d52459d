// A polite "slow down" above the message box while the server asks the widget to wait; the outbox resends by itself.
import { useStore } from '@nanostores/preact';
import { $slowDown, SLOW_DOWN_NOTICE } from '../state/slow-down';

export function SlowDownNotice() {
  const slow = useStore($slowDown);
  return slow ? (
    <p class="slow" role="status">
      {SLOW_DOWN_NOTICE}
    </p>
  ) : null;
}
