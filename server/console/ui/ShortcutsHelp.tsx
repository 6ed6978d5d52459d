// Listens for the console's keyboard shortcuts, and shows the list of them on "?" (a modal dialog).
import { useStore } from '@nanostores/preact';
import { useEffect, useRef } from 'preact/hooks';
import { $shortcutsHelp, runShortcut, shortcutFor, SHORTCUTS } from '../state/shortcuts';

const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function ShortcutsHelp() {
  const open = useStore($shortcutsHelp);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      // While a dialog is open its own keys (Escape, Tab) rule.
      if (document.querySelector('dialog[open]')) return;
      const action = shortcutFor({
        key: event.key,
        code: event.code,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        inTextField: isTextField(event.target),
      });
      if (!action) return;
      event.preventDefault();
      runShortcut(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const el = dialog.current;
    if (open && el && !el.open) el.showModal();
    if (!open && el?.open) el.close();
  }, [open]);

  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="shortcuts-title" onClose={() => $shortcutsHelp.set(false)}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table class="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="dialog-actions">
        <button type="button" class="primary" onClick={() => $shortcutsHelp.set(false)}>
          Close
        </button>
      </div>
    </dialog>
  );
}
