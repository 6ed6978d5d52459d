// Before the first message: how much the problem stops the visitor, in their words. It sets the chat's priority.
import { useStore } from '@nanostores/preact';
import { URGENCIES } from '../../shared/chat-priority';
import { chatText } from '../i18n/messages';
import { $conversation } from '../state/conversation';
import { $urgency, chooseUrgency } from '../state/urgency';

export function UrgencyChoice() {
  const conversation = useStore($conversation);
  const chosen = useStore($urgency);
  const t = useStore(chatText);
  if (conversation && conversation.status !== 'closed') return null;
  return (
    <fieldset class="urgency">
      <legend>{t.urgency}</legend>
      {URGENCIES.map((urgency) => (
        <label key={urgency} class="chip">
          <input type="radio" name="cs-urgency" value={urgency} checked={chosen === urgency} onChange={() => chooseUrgency(urgency)} />
          {t[urgency]}
        </label>
      ))}
    </fieldset>
  );
}
