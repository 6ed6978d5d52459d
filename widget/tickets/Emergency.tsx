// For P1 (the whole class is down): the hotline to call now, and a call-back request (phone number, preferred time).
import { useState } from 'preact/hooks';
import { TICKET_LIMITS } from '../../shared/ticket-limits';

export function Hotline({ hotline }: { hotline: string | null }) {
  if (!hotline) return <p>We treat this as urgent, around the clock.</p>;
  return (
    <p>
      Urgent? Call us now, 24×7:{' '}
      <a class="tk-phone" href={`tel:${hotline.replace(/[^+\d]/g, '')}`}>
        {hotline}
      </a>
    </p>
  );
}

export interface CallbackFields {
  phone: string;
  preferredTime: string;
}

/** The two fields of a call-back request; used inside the guided form and on an open ticket. */
export function CallbackInputs({ value, onChange, idPrefix }: { value: CallbackFields; onChange(next: CallbackFields): void; idPrefix: string }) {
  return (
    <>
      <label for={`${idPrefix}-phone`}>Phone number</label>
      <input
        id={`${idPrefix}-phone`}
        type="tel"
        autocomplete="tel"
        required
        maxLength={TICKET_LIMITS.phone}
        placeholder="+1 555 0199"
        value={value.phone}
        onInput={(e) => onChange({ ...value, phone: e.currentTarget.value })}
      />
      <label for={`${idPrefix}-time`}>When should we call?</label>
      <input
        id={`${idPrefix}-time`}
        maxLength={TICKET_LIMITS.preferredTime}
        value={value.preferredTime}
        onInput={(e) => onChange({ ...value, preferredTime: e.currentTarget.value })}
      />
    </>
  );
}

/** On an open P1 ticket: ask for a call back, or see the one already asked for. */
export function CallbackRequest({ pending, onRequest }: { pending: { phone: string; preferredTime: string; acknowledgedAt: number | null } | null; onRequest(fields: CallbackFields): Promise<string | null> }) {
  const [fields, setFields] = useState<CallbackFields>({ phone: '', preferredTime: 'As soon as possible' });
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  if (pending) {
    return (
      <p role="status">
        {pending.acknowledgedAt ? 'An engineer has your request and will call ' : 'We will call you back at '}
        {pending.phone} ({pending.preferredTime}).
      </p>
    );
  }
  return (
    <form
      class="tk-form tk-callback"
      onSubmit={(event) => {
        event.preventDefault();
        setState({ busy: true, error: null });
        void onRequest(fields).then((error) => setState({ busy: false, error }));
      }}
    >
      <p class="tk-legend">Or we call you back:</p>
      <CallbackInputs value={fields} onChange={setFields} idPrefix="tk-cb" />
      {state.error && (
        <p class="tk-error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" class="send" disabled={state.busy || !fields.phone.trim()}>
        Call me back
      </button>
    </form>
  );
}
