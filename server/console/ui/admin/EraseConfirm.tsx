// Erasing a person cannot be undone, so it asks first: the admin types ERASE before the button works.
import { useEffect, useRef, useState } from 'preact/hooks';

export function EraseConfirm({ name, busy, onErase, onCancel }: { name: string; busy: boolean; onErase(): void; onCancel(): void }) {
  const [typed, setTyped] = useState('');
  const input = useRef<HTMLInputElement>(null);
  // Keyboard users land in the one field that matters.
  useEffect(() => input.current?.focus(), []);
  const id = `erase-${name.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div class="erase-confirm" role="alertdialog" aria-modal="false" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
      <h3 id={`${id}-title`}>Erase {name}?</h3>
      <p id={`${id}-text`}>
        Their messages, ticket texts, files and sign-in are deleted for good; their open chat is closed. Ticket numbers and statistics stay, under
        “Erased user”. This cannot be undone.
      </p>
      <label>
        Type ERASE to confirm
        <input ref={input} value={typed} autoComplete="off" onInput={(e) => setTyped(e.currentTarget.value)} />
      </label>
      <div class="row-actions">
        <button type="button" class="danger" disabled={busy || typed.trim() !== 'ERASE'} onClick={onErase}>
          Erase permanently
        </button>
        <button type="button" class="quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
