// Before the first message: how much the problem stops the visitor, in their words. It sets the chat's priority.
import { useStore } from '@nanostores/preact';
import { URGENCIES, URGENCY_LABELS } from '../../shared/chat-priority';
import { $conversation } from '../state/conversation';
import { $urgency, chooseUrgency } from '../state/urgency';

export function UrgencyChoice() {
  const conversation = useStore($conversation);
  const chosen = useStore($urgency);
  if (conversation && conversation.status !== 'closed') return null;
  return (
    <fieldset class="urgency">
      <legend>How much is this stopping you?</legend>
      {URGENCIES.map((urgency) => (
        <label key={urgency} class="chip">
          <input type="radio" name="cs-urgency" value={urgency} checked={chosen === urgency} onChange={() => chooseUrgency(urgency)} />
          {URGENCY_LABELS[urgency]}
        </label>
      ))}
    </fieldset>
  );
}
