// The message box: Enter sends, Shift+Enter adds a line; the draft lives in a store and is cleared only once queued.
import { useStore } from '@nanostores/preact';
import { useEffect, useRef } from 'preact/hooks';
import { LIMITS } from '../../shared/limits';
import { chatText } from '../i18n/messages';
import { sendMessage } from '../state/delivery';
import { $connection } from '../state/session';
import { $draft } from '../state/ui';
import { noteTyping } from '../state/visitor-typing';

export function Composer() {
  const draft = useStore($draft);
  const t = useStore(chatText);
  // Refused by the server (a page not allowed, an unknown app key, an identity it cannot verify): nothing typed
  // here could ever be sent, so nothing invites typing; the status line says why.
  const refused = useStore($connection) === 'error';
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);

  const submit = (event: Event) => {
    event.preventDefault();
    if (!refused && sendMessage($draft.get())) $draft.set('');
    box.current?.focus();
  };

  return (
    <form onSubmit={submit}>
      <textarea
        ref={box}
        aria-label={t.message}
        placeholder={t.placeholder}
        rows={1}
        disabled={refused}
        maxLength={LIMITS.messageText}
        value={draft}
        onInput={(event) => {
          $draft.set(event.currentTarget.value);
          noteTyping();
        }}
        onKeyDown={(event) => {
          // isComposing: Enter also confirms an IME composition (Chinese, Japanese…), which must not send.
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) submit(event);
        }}
      />
      <button type="submit" class="send" disabled={refused || !draft.trim()}>
        {t.send}
      </button>
    </form>
  );
}
