// A secret or first password shown once after it was issued, with a way to copy it and to dismiss it.
import type { AdminList } from '../../state/admin';

export function Issued({ list, onDismiss }: { list: AdminList<unknown>; onDismiss: () => void }) {
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
            I have saved it
          </button>
        </div>
      )}
    </>
  );
}
