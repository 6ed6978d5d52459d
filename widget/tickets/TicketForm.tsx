// The guided ticket form: what happened, steps, since when, who is affected and how bad it is (which sets the
// priority), files with their limits, and the environment that goes along, shown before anything is sent.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { AFFECTED, AFFECTED_KEYS, IMPACT_KEYS, IMPACT_LABELS, SINCE, SINCE_KEYS, type Affected, type Impact, type Since } from '../../shared/ticket-intake';
import { TICKET_LIMITS } from '../../shared/ticket-limits';
import { PRIORITY_MEANING, PRIORITY_NAME, type SupportStatus } from '../../shared/ticket-model';
import type { ClientContextInput } from '../../shared/protocol';
import { CallbackInputs, Hotline } from './Emergency';
import { environmentLines, withConnection } from './environment';
import { ACCEPT, LIMIT_HINT } from './Files';
import { $form, $sending, $support, formPriority, loadSupport, navigate, patchForm, pickFiles, sendForm } from './state';

export function TicketForm({ context }: { context: () => ClientContextInput }) {
  const form = useStore($form);
  const sending = useStore($sending);
  const support = useStore($support);
  useEffect(() => void loadSupport(), []);
  const priority = formPriority(form);
  const environment = environmentLines(withConnection(context()));

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
          ← Back to the list
        </button>
      </div>
      <div class="tk-scroll">
        <h3 id="tk-title" tabIndex={-1}>
          {form.leaveMessage ? 'Leave us a message' : 'New ticket'}
        </h3>
        <p class="tk-meta">
          {form.leaveMessage
            ? 'Nobody can answer right now. Your message becomes a ticket, and we reply to it here in the widget.'
            : 'Tell us what went wrong; an engineer follows it up here, in the widget.'}
          {form.conversationId && ' What you wrote in the chat is included.'}
        </p>

        <label for="tk-what">What happened?</label>
        <textarea
          id="tk-what"
          required
          rows={3}
          maxLength={TICKET_LIMITS.description}
          placeholder="For example: nobody can hear the teacher since the break"
          value={form.description}
          onInput={(e) => patchForm({ description: e.currentTarget.value })}
        />
        <label for="tk-steps">Steps to reproduce (optional)</label>
        <textarea
          id="tk-steps"
          rows={2}
          maxLength={TICKET_LIMITS.steps}
          placeholder="1. Join the class  2. Turn on the microphone  3. …"
          value={form.steps}
          onInput={(e) => patchForm({ steps: e.currentTarget.value })}
        />
        <label for="tk-since">Since when?</label>
        <select id="tk-since" value={form.since} onChange={(e) => patchForm({ since: e.currentTarget.value as Since | '' })}>
          <option value="">Choose…</option>
          {SINCE_KEYS.map((key) => (
            <option key={key} value={key}>
              {SINCE[key]}
            </option>
          ))}
        </select>

        <Choices legend="How many people are affected?" name="tk-affected" keys={AFFECTED_KEYS} labels={AFFECTED} value={form.affected} onChange={(v) => patchForm({ affected: v as Affected })} />
        <Choices legend="How much is this stopping you?" name="tk-impact" keys={IMPACT_KEYS} labels={IMPACT_LABELS} value={form.impact} onChange={(v) => patchForm({ impact: v as Impact })} />
        {priority && (
          <p class="tk-priority" role="status">
            Priority {priority} · {PRIORITY_NAME[priority]}: {PRIORITY_MEANING[priority]}.
          </p>
        )}
        {priority === 'P1' && <UrgentHelp support={support} />}

        <p class="tk-legend">Screenshots or logs (optional)</p>
        <FilePicker />

        <details class="tk-env" open>
          <summary>Sent with your ticket</summary>
          <dl>
            {environment.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
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
        {sending.step && <p class="tk-meta" role="status">{sending.step}</p>}
        <button type="submit" class="send" disabled={sending.busy || !form.description.trim() || !form.impact}>
          Send ticket
        </button>
        {!form.impact && <span class="tk-meta"> Choose how much this is stopping you.</span>}
      </div>
    </form>
  );
}

function Choices<K extends string>({ legend, name, keys, labels, value, onChange }: { legend: string; name: string; keys: readonly K[]; labels: Record<K, string>; value: string; onChange(value: K): void }) {
  return (
    <fieldset class="urgency tk-choices">
      <legend>{legend}</legend>
      {keys.map((key) => (
        <label key={key} class="chip">
          <input type="radio" name={name} value={key} checked={value === key} onChange={() => onChange(key)} />
          {labels[key]}
        </label>
      ))}
    </fieldset>
  );
}

function UrgentHelp({ support }: { support: SupportStatus | null }) {
  const form = useStore($form);
  return (
    <section class="tk-urgent" aria-label="Urgent help">
      <Hotline hotline={support?.hotline ?? null} />
      <label class="tk-check">
        <input type="checkbox" checked={form.callback} onChange={(e) => patchForm({ callback: e.currentTarget.checked })} />
        Call me back
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
  return (
    <div class="tk-section">
      <label class="tk-link tk-file-button">
        Add screenshots or logs
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
      <span class="tk-meta"> {LIMIT_HINT}</span>
      {form.files.length > 0 && (
        <ul class="tk-files">
          {form.files.map((f) => (
            <li key={f.id}>
              <span class="tk-file-name">{f.file.name}</span>
              {'problem' in f.check && <span class="tk-error">{f.check.problem}</span>}
              <button type="button" class="tk-link" onClick={() => patchForm({ files: form.files.filter((x) => x.id !== f.id) })}>
                Remove<span class="tk-hidden"> {f.file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
