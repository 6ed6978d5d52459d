// Canned replies: the shortcut agents type after "/", a title, and the text ({name} becomes the user's first
// name, {agent} the agent's). Add, edit, delete.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { CannedReply } from '../../../../shared/routing-model';
import { $adminCannedState, deleteCanned, saveCanned } from '../../state/admin';
import { $canned } from '../../state/canned';
import { TableHead } from '../TableHead';
import { texts } from '../../i18n/i18n';
import { LANGUAGE_NAME } from '../../i18n/locale';

const adminTexts = texts('admin');

export function CannedAdmin() {
  const t = useStore(adminTexts);
  const replies = useStore($canned);
  const state = useStore($adminCannedState);
  const [editing, setEditing] = useState<CannedReply | null>(null);
  return (
    <section aria-labelledby="canned-admin-title">
      <h2 id="canned-admin-title">{t.canned}</h2>
      {state.error && (
        <p role="alert" class="alert">
          {state.error}
        </p>
      )}
      {replies.length === 0 ? (
        <p class="muted">{t.noCanned}</p>
      ) : (
        <table class="admin-table">
          <TableHead columns={[t.shortcut, t.language, t.cannedTitle, t.text, '']} hidden={{ 4: t.actions }} />
          <tbody>
            {replies.map((reply) => (
              <tr key={reply.id}>
                <th scope="row">
                  <code>/{reply.shortcut}</code>
                </th>
                <td lang={reply.locale}>{LANGUAGE_NAME[reply.locale]}</td>
                <td>{reply.title}</td>
                <td class="canned-admin-text">{reply.text}</td>
                <td class="row-actions">
                  <button type="button" class="quiet" aria-label={t.editShortcut({ shortcut: reply.shortcut })} onClick={() => setEditing(reply)}>
                    {t.edit}
                  </button>
                  <button
                    type="button"
                    class="quiet"
                    aria-label={t.deleteShortcut({ shortcut: reply.shortcut })}
                    disabled={state.busy}
                    onClick={() => {
                      if (confirm(t.confirmDeleteCanned({ shortcut: reply.shortcut }))) void deleteCanned(reply.id);
                    }}
                  >
                    {t.delete}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CannedForm key={editing?.id ?? 'new'} editing={editing} busy={state.busy} onDone={() => setEditing(null)} />
    </section>
  );
}

function CannedForm({ editing, busy, onDone }: { editing: CannedReply | null; busy: boolean; onDone: () => void }) {
  const t = useStore(adminTexts);
  const [form, setForm] = useState({
    shortcut: editing?.shortcut ?? '',
    title: editing?.title ?? '',
    text: editing?.text ?? '',
    locale: editing?.locale ?? ('en' as CannedReply['locale']),
  });
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });
  return (
    <form
      class="admin-form card"
      aria-labelledby="canned-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        void saveCanned(editing?.id ?? null, form).then((ok) => {
          if (!ok) return;
          setForm({ shortcut: '', title: '', text: '', locale: form.locale });
          onDone();
        });
      }}
    >
      <h3 id="canned-form-title">{editing ? t.editShortcut({ shortcut: editing.shortcut }) : t.addCannedTitle}</h3>
      <label>
        {t.shortcut}
        <input
          required
          pattern="[a-zA-Z0-9][a-zA-Z0-9-]{0,31}"
          maxLength={32}
          placeholder={t.shortcutPlaceholder}
          value={form.shortcut}
          onInput={(e) => set({ shortcut: e.currentTarget.value })}
        />
      </label>
      <label>
        {t.language}
        <select value={form.locale} onChange={(e) => set({ locale: e.currentTarget.value as CannedReply['locale'] })}>
          <option value="en" lang="en">
            {LANGUAGE_NAME.en}
          </option>
          <option value="zh-CN" lang="zh-CN">
            {LANGUAGE_NAME['zh-CN']}
          </option>
        </select>
      </label>
      <label>
        {t.cannedTitle}
        <input required maxLength={120} value={form.title} onInput={(e) => set({ title: e.currentTarget.value })} />
      </label>
      <label>
        {t.text}
        <textarea
          required
          rows={4}
          maxLength={4000}
          placeholder={t.textPlaceholder({ name: '{name}' })}
          value={form.text}
          onInput={(e) => set({ text: e.currentTarget.value })}
        />
      </label>
      <div class="dialog-actions">
        {editing && (
          <button type="button" class="quiet" onClick={onDone}>
            {t.cancel}
          </button>
        )}
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          {editing ? t.save : t.addCanned}
        </button>
      </div>
    </form>
  );
}
