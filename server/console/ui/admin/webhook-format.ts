// Why a webhook was turned off, in the reader's language: the server sends a code with the receiver's last answer.
import type { WebhookShutOff } from '../../../../shared/webhook-events';
import { texts } from '../../i18n/i18n';

const webhookTexts = texts('webhooks');

/** Rows stored before reasons were codes were migrated; a plain text that still arrives is shown as it is. */
export function shutOffText(reason: WebhookShutOff | string, words = webhookTexts.get()): string {
  if (typeof reason === 'string') return reason;
  return words.reasonDeliveriesFailed({ answer: reason.lastAnswer });
}
