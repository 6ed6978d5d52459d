// What the lazily loaded quality module gets from the widget: its one connection, the context a chat starts
// with, and the panel. Types only, so importing it costs the start-up bundle nothing.
import type { ReadableAtom } from 'nanostores';
import type { Result } from '../../shared/errors';
import type { ClientContextInput } from '../../shared/protocol';
import type { QualityReport } from '../../shared/quality';
import type { VisitorConversation } from '../../shared/model';
import type { IncidentTexts, QualityTexts } from '../i18n/messages';
import type { Reply, RequestName, RequestPayload } from '../state/wire';

export interface QualityBridge {
  server: string;
  locale(): string;
  /** The notice's words from the widget's dictionaries, in the widget's language (setLocale switches them live). */
  texts: ReadableAtom<Partial<QualityTexts>>;
  /** The incident notice's words, likewise. */
  incidentTexts: ReadableAtom<Partial<IncidentTexts> & Pick<IncidentTexts, 'number' | 'update'>>;
  request<E extends RequestName>(event: E, payload: RequestPayload<E>): Promise<Result<Reply<E>>>;
  /** Sends a report without waiting for an answer (lost while offline). */
  sendReport(report: QualityReport): void;
  /** Connects if the widget has not yet (an anonymous visitor before opening the chat). */
  connect(): void;
  context(): ClientContextInput;
  showConversation(conversation: VisitorConversation): void;
  openPanel(): void;
}
