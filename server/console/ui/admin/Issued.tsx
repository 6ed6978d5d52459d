// A secret or first password shown once after it was issued, with a way to copy it and to dismiss it.
import { useStore } from '@nanostores/preact';
import { texts } from '../../i18n/i18n';
import type { AdminList } from '../../state/admin';

const adminTexts = texts('admin');

export function Issued({ list, onDismiss }: { list: AdminList<unknown>; onDismiss: () => void }) {
  const t = useStore(adminTexts);
  return (
    <>
      {list.error && (
        <p role="alert" class="alert">
          {list.error}
        </p>
      )}
      {list.issued && (
        <div class="issued" role="status">
          <p class="break">{list.issued}</p>
          <button type="button" class="quiet" onClick={onDismiss}>
            {t.savedIt}
          </button>
        </div>
      )}
    </>
  );
}
