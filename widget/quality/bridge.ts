// What the lazily loaded quality module gets from the widget: its one connection, the context a chat starts
// with, and the panel. Types only, so importing it costs the start-up bundle nothing.
import type { Result } from '../../shared/errors';
import type { ClientContextInput } from '../../shared/protocol';
import type { VisitorConversation } from '../../shared/model';
import type { Reply, RequestName, RequestPayload } from '../state/wire';

export interface QualityBridge {
  server: string;
  locale(): string;
  request<E extends RequestName>(event: E, payload: RequestPayload<E>): Promise<Result<Reply<E>>>;
  /** Connects if the widget has not yet (an anonymous visitor before opening the chat). */
  connect(): void;
  context(): ClientContextInput;
  showConversation(conversation: VisitorConversation): void;
  openPanel(): void;
}
