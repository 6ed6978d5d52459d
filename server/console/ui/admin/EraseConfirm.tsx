// Erasing a person cannot be undone, so it asks first: the admin types ERASE before the button works.
import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { texts } from '../../i18n/i18n';

const privacyTexts = texts('privacy');

export function EraseConfirm({ name, busy, onErase, onCancel }: { name: string; busy: boolean; onErase(): void; onCancel(): void }) {
  const t = useStore(privacyTexts);
  const [typed, setTyped] = useState('');
  const input = useRef<HTMLInputElement>(null);
  // Keyboard users land in the one field that matters.
  useEffect(() => input.current?.focus(), []);
  const id = `erase-${name.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div class="erase-confirm" role="alertdialog" aria-modal="false" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
      <h3 id={`${id}-title`}>{t.eraseTitle({ name })}</h3>
      <p id={`${id}-text`}>{t.eraseText}</p>
      <label>
        {t.typeToConfirm({ word: t.eraseWord })}
        <input ref={input} value={typed} autoComplete="off" onInput={(e) => setTyped(e.currentTarget.value)} />
      </label>
      <div class="row-actions">
        <button type="button" class="danger" disabled={busy || typed.trim() !== t.eraseWord} onClick={onErase}>
          {t.erasePermanently}
        </button>
        <button type="button" class="quiet" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </div>
  );
}
