// Wording for suggested edits in the console, in the agent's language.
import type { SuggestedEditStatus } from '../../../../shared/suggested-edits';
import { texts } from '../../i18n/i18n';

const editText = texts('edits');

export const editStatusLabel = (status: SuggestedEditStatus): string => {
  const t = editText.get();
  return { pending: t.statusPending, applied: t.statusApplied, dismissed: t.statusDismissed }[status];
};

export const EDIT_STATUS_TAG: Record<SuggestedEditStatus, string> = { pending: 'tag tag--warn', applied: 'tag tag--ok', dismissed: 'tag' };
