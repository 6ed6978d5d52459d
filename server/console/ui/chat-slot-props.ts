// What the chat view hands to the features it hosts (see chat-slots.ts); kept apart so features need not import the registry.
import type { OpenConversation } from '../state/conversation';

export interface ChatActionProps {
  conversation: OpenConversation;
}

export interface ComposerToolProps {
  conversation: OpenConversation;
  /** Inserts text at the caret of the reply box. */
  insert(text: string): void;
}
