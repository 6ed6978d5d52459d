// The guided ticket form: what happened, steps, since when, who is affected and how bad it is (which sets the
// priority), files with their limits, and the environment that goes along, shown before anything is sent.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { AFFECTED_KEYS, IMPACT_KEYS, SINCE_KEYS, type Affected, type Impact, type Since } from '../../shared/ticket-intake';
import { LIMITS } from '../../shared/limits';
import { TICKET_LIMITS } from '../../shared/ticket-limits';
import type { SupportStatus } from '../../shared/ticket-model';
import type { ClientContextInput } from '../../shared/protocol';
import { CallbackInputs, Hotline } from './Emergency';
import { emergencyText } from './messages';
import { environmentLines, withConnection } from './environment';
import { ACCEPT, LimitHint, problemText } from './Files';
import { formText, ticketText } from './messages';
import { $form, $sending, $support, emailProblem, formPriority, loadSupport, navigate, patchForm, pickFiles, sendForm } from './state';

export function TicketForm({ context }: { context: () => ClientContextInput }) {
  const form = useStore($form);
  const sending = useStore($sending);
  const support = useStore($support);
  const t = useStore(formText);
  const names = useStore(ticketText);
  useEffect(() => void loadSupport(), []);
  const priority = formPriority(form);
  const environment = environmentLines(withConnection(context()));
  const badEmail = emailProblem(form);
  // Said once the user leaves the field (not at every keystroke), or when Send stays disabled because of it.
  const [emailLeft, setEmailLeft] = useState(false);
  const showEmailError = badEmail && emailLeft;

  return (
    <form
      class="tk-screen tk-form"
      onSubmit={(event) => {
        event.preventDefault();
        void sendForm();
      }}
    >
      <div class="tk-bar">
        <button type="button" class="back" onClick={() => navigate({ view: 'list' })}>
          {names.back}
        </button>
      </div>
      <div class="tk-scroll">
        <h3 id="tk-title" tabIndex={-1}>
          {form.leaveMessage ? t.leaveTitle : t.newTitle}
        </h3>
        <p class="tk-meta">
          {form.leaveMessage ? t.leaveIntro : t.newIntro}
          {form.conversationId && ` ${t.fromChat}`}
        </p>

        <label for="tk-what">{t.what}</label>
        <textarea
          id="tk-what"
          required
          rows={3}
          maxLength={TICKET_LIMITS.description}
          placeholder={t.whatPlaceholder}
          value={form.description}
          onInput={(e) => patchForm({ description: e.currentTarget.value })}
        />
        <label for="tk-steps">{t.steps}</label>
        <textarea
          id="tk-steps"
          rows={2}
          maxLength={TICKET_LIMITS.steps}
          placeholder={t.stepsPlaceholder}
          value={form.steps}
          onInput={(e) => patchForm({ steps: e.currentTarget.value })}
        />
        <label for="tk-since">{t.since}</label>
        <select id="tk-since" value={form.since} onChange={(e) => patchForm({ since: e.currentTarget.value as Since | '' })}>
          <option value="">{t.choose}</option>
          {SINCE_KEYS.map((key) => (
            <option key={key} value={key}>
              {t[`since_${key}`]}
            </option>
          ))}
        </select>

        <Choices
          legend={t.affected}
          name="tk-affected"
          keys={AFFECTED_KEYS}
          labels={(key) => t[`affected_${key}`]}
          value={form.affected}
          onChange={(v) => patchForm({ affected: v as Affected })}
        />
        <Choices
          legend={t.impact}
          name="tk-impact"
          keys={IMPACT_KEYS}
          labels={(key) => t[key]}
          value={form.impact}
          onChange={(v) => patchForm({ impact: v as Impact })}
        />
        {priority && (
          <p class="tk-priority" role="status">
            {t.priority({ priority, name: names[priority], meaning: names[`${priority}meaning`] })}
          </p>
        )}
        {priority === 'P1' && <UrgentHelp support={support} />}

        <label for="tk-email">{t.email}</label>
        <input
          id="tk-email"
          type="email"
          autocomplete="email"
          maxLength={LIMITS.email}
          aria-describedby={showEmailError ? 'tk-email-hint tk-email-error' : 'tk-email-hint'}
          aria-invalid={showEmailError}
          onBlur={() => setEmailLeft(true)}
          value={form.email}
          onInput={(e) => patchForm({ email: e.currentTarget.value })}
        />
        <p id="tk-email-hint" class="tk-meta">
          {t.emailHint}
        </p>
        {showEmailError && (
          <p id="tk-email-error" class="tk-error" role="alert">
            {t.emailInvalid}
          </p>
        )}

        <p class="tk-legend">{t.files}</p>
        <FilePicker />

        <details class="tk-env" open>
          <summary>{t.sentWith}</summary>
          <dl>
            {environment.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd translate={false}>{value}</dd>
              </div>
            ))}
          </dl>
        </details>
      </div>
      <div class="tk-submit">
        {sending.error && (
          <p class="tk-error" role="alert">
            {sending.error}
          </p>
        )}
        {sending.step && (
          <p class="tk-meta" role="status">
            {sending.step}
          </p>
        )}
        <button type="submit" class="send" disabled={sending.busy || !form.description.trim() || !form.impact || badEmail}>
          {t.send}
        </button>
        {!form.impact && <span class="tk-meta"> {t.chooseImpact}</span>}
      </div>
    </form>
  );
}

function Choices<K extends string>({
  legend,
  name,
  keys,
  labels,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  keys: readonly K[];
  labels: (key: K) => string;
  value: string;
  onChange(value: K): void;
}) {
  return (
    <fieldset class="urgency tk-choices">
      <legend>{legend}</legend>
      {keys.map((key) => (
        <label key={key} class="chip">
          <input type="radio" name={name} value={key} checked={value === key} onChange={() => onChange(key)} />
          {labels(key)}
        </label>
      ))}
    </fieldset>
  );
}

function UrgentHelp({ support }: { support: SupportStatus | null }) {
  const form = useStore($form);
  const t = useStore(ticketText);
  const emergency = useStore(emergencyText);
  return (
    <section class="tk-urgent" aria-label={t.urgent}>
      <Hotline hotline={support?.hotline ?? null} />
      <label class="tk-check">
        <input type="checkbox" checked={form.callback} onChange={(e) => patchForm({ callback: e.currentTarget.checked })} />
        {emergency.callMe}
      </label>
      {form.callback && (
        <CallbackInputs
          idPrefix="tk-form-cb"
          value={{ phone: form.phone, preferredTime: form.preferredTime }}
          onChange={(next) => patchForm({ phone: next.phone, preferredTime: next.preferredTime })}
        />
      )}
    </section>
  );
}

function FilePicker() {
  const form = useStore($form);
  const t = useStore(formText);
  return (
    <div class="tk-section">
      <label class="tk-link tk-file-button">
        {t.addFiles}
        <input
          type="file"
          multiple
          accept={ACCEPT}
          class="tk-hidden"
          onChange={(event) => {
            pickFiles([...(event.currentTarget.files ?? [])]);
            event.currentTarget.value = '';
          }}
        />
      </label>
      <LimitHint />
      {form.files.length > 0 && (
        <ul class="tk-files">
          {form.files.map((f) => (
            <li key={f.id}>
              <span class="tk-file-name" translate={false}>
                {f.file.name}
              </span>
              {'problem' in f.check && <span class="tk-error">{problemText(f.file.size)}</span>}
              <button type="button" class="tk-link" onClick={() => patchForm({ files: form.files.filter((x) => x.id !== f.id) })}>
                {t.remove}
                <span class="tk-hidden" translate={false}>
                  {' '}
                  {f.file.name}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
