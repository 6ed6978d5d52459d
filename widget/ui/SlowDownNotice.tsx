// A polite "slow down" above the message box while the server asks the widget to wait; the outbox resends by itself.
import { useStore } from '@nanostores/preact';
import { chatText } from '../i18n/messages';
import { $slowDown } from '../state/slow-down';

export function SlowDownNotice() {
  const slow = useStore($slowDown);
  const t = useStore(chatText);
  return slow ? (
    <p class="slow" role="status">
      {t.slowDown}
    </p>
  ) : null;
}
