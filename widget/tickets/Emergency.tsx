// For P1 (the whole class is down): the hotline to call now, and a call-back request (phone number, preferred time).
import { useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { TICKET_LIMITS } from '../../shared/ticket-limits';
import { emergencyText, formText } from './messages';

export function Hotline({ hotline }: { hotline: string | null }) {
  const t = useStore(emergencyText);
  if (!hotline) return <p>{t.aroundClock}</p>;
  return (
    <p>
      {t.callNow}{' '}
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
  const t = useStore(emergencyText);
  return (
    <>
      <label for={`${idPrefix}-phone`}>{t.phone}</label>
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
      <label for={`${idPrefix}-time`}>{t.when}</label>
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
export function CallbackRequest({
  pending,
  onRequest,
}: {
  pending: { phone: string; preferredTime: string; acknowledgedAt: number | null } | null;
  onRequest(fields: CallbackFields): Promise<string | null>;
}) {
  const [fields, setFields] = useState<CallbackFields>({ phone: '', preferredTime: formText.get().asap });
  const t = useStore(emergencyText);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  if (pending) {
    return <p role="status">{(pending.acknowledgedAt ? t.acknowledged : t.willCall)({ phone: pending.phone, time: pending.preferredTime })}</p>;
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
      <p class="tk-legend">{t.orCallback}</p>
      <CallbackInputs value={fields} onChange={setFields} idPrefix="tk-cb" />
      {state.error && (
        <p class="tk-error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" class="send" disabled={state.busy || !fields.phone.trim()}>
        {t.callMe}
      </button>
    </form>
  );
}
