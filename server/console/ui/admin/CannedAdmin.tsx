// Canned replies: the shortcut agents type after "/", a title, and the text ({name} becomes the user's first
// name, {agent} the agent's). Add, edit, delete.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { CannedReply } from '../../../../shared/routing-model';
import { $adminCannedState, deleteCanned, saveCanned } from '../../state/admin';
import { $canned } from '../../state/canned';
import { TableHead } from '../TableHead';

export function CannedAdmin() {
  const replies = useStore($canned);
  const state = useStore($adminCannedState);
  const [editing, setEditing] = useState<CannedReply | null>(null);
  return (
    <section aria-labelledby="canned-admin-title">
      <h2 id="canned-admin-title">Canned replies</h2>
      {state.error && (
        <p role="alert" class="alert">
          {state.error}
        </p>
      )}
      {replies.length === 0 ? (
        <p class="muted">No canned replies yet.</p>
      ) : (
        <table class="admin-table">
          <TableHead columns={['Shortcut', 'Language', 'Title', 'Text', '']} hidden={{ 4: 'Actions' }} />
          <tbody>
            {replies.map((reply) => (
              <tr key={reply.id}>
                <th scope="row">
                  <code>/{reply.shortcut}</code>
                </th>
                <td lang={reply.locale}>{reply.locale === 'zh-CN' ? '中文' : 'English'}</td>
                <td>{reply.title}</td>
                <td class="canned-admin-text">{reply.text}</td>
                <td class="row-actions">
                  <button type="button" class="quiet" aria-label={`Edit /${reply.shortcut}`} onClick={() => setEditing(reply)}>
                    Edit
                  </button>
                  <button
                    type="button"
                    class="quiet"
                    aria-label={`Delete /${reply.shortcut}`}
                    disabled={state.busy}
                    onClick={() => {
                      if (confirm(`Delete the canned reply /${reply.shortcut}?`)) void deleteCanned(reply.id);
                    }}
                  >
                    Delete
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
  const [form, setForm] = useState({ shortcut: editing?.shortcut ?? '', title: editing?.title ?? '', text: editing?.text ?? '', locale: editing?.locale ?? ('en' as CannedReply['locale']) });
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
      <h3 id="canned-form-title">{editing ? `Edit /${editing.shortcut}` : 'Add a canned reply'}</h3>
      <label>
        Shortcut
        <input required pattern="[a-zA-Z0-9][a-zA-Z0-9-]{0,31}" maxLength={32} placeholder="mic" value={form.shortcut} onInput={(e) => set({ shortcut: e.currentTarget.value })} />
      </label>
      <label>
        Language
        <select value={form.locale} onChange={(e) => set({ locale: e.currentTarget.value as CannedReply['locale'] })}>
          <option value="en">English</option>
          <option value="zh-CN" lang="zh-CN">中文</option>
        </select>
      </label>
      <label>
        Title
        <input required maxLength={120} value={form.title} onInput={(e) => set({ title: e.currentTarget.value })} />
      </label>
      <label>
        Text
        <textarea required rows={4} maxLength={4000} placeholder="Hi {name}, …" value={form.text} onInput={(e) => set({ text: e.currentTarget.value })} />
      </label>
      <div class="dialog-actions">
        {editing && (
          <button type="button" class="quiet" onClick={onDone}>
            Cancel
          </button>
        )}
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          {editing ? 'Save' : 'Add canned reply'}
        </button>
      </div>
    </form>
  );
}
