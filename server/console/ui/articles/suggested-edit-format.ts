// Wording for suggested edits in the console.
import type { SuggestedEditStatus } from '../../../../shared/suggested-edits';

export const EDIT_STATUS_LABEL: Record<SuggestedEditStatus, string> = { pending: 'Pending', applied: 'Applied', dismissed: 'Dismissed' };
export const EDIT_STATUS_TAG: Record<SuggestedEditStatus, string> = { pending: 'tag tag--warn', applied: 'tag tag--ok', dismissed: 'tag' };
