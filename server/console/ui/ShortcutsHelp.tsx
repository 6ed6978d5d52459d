// Listens for the console's keyboard shortcuts, and shows the list of them on "?" (a modal dialog).
import { useStore } from '@nanostores/preact';
import { useEffect, useRef } from 'preact/hooks';
import { $shortcutsHelp, runShortcut, shortcutFor, SHORTCUTS } from '../state/shortcuts';
import { texts } from '../i18n/i18n';

const workspaceText = texts('workspace');

const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function ShortcutsHelp() {
  const open = useStore($shortcutsHelp);
  const t = useStore(workspaceText);
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
      <h2 id="shortcuts-title">{t.shortcuts}</h2>
      <table class="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.does}>
              <th scope="row">
                <Keys keys={s.keys} inReplyBox={s.inReplyBox === true} />
              </th>
              <td>{t[s.does] as string}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="dialog-actions">
        <button type="button" class="primary" onClick={() => $shortcutsHelp.set(false)}>
          {t.close}
        </button>
      </div>
    </dialog>
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: \u0000 and \u0001 mark where the keys go; no text contains them
const KEY_MARKS = /([\u0000\u0001])/;

function Keys({ keys, inReplyBox }: { keys: string[]; inReplyBox: boolean }) {
  const t = useStore(workspaceText);
  // The sentence around the keys comes from the dictionary; each key stays a <kbd>.
  const parts = (
    keys.length === 2 ? t.keysOr({ first: '\u0000', second: '\u0001' }) : inReplyBox ? t.keysInReplyBox({ key: '\u0000' }) : '\u0000'
  ).split(KEY_MARKS);
  return <>{parts.map((part, i) => (part === '\u0000' ? <kbd key={i}>{keys[0]}</kbd> : part === '\u0001' ? <kbd key={i}>{keys[1]}</kbd> : part))}</>;
}
