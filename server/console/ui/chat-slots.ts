// Places where other features add to the chat view without editing it: buttons in the chat header (e.g.
// "Create ticket"), tools beside the reply box (e.g. article search) and sections of the context panel.
import type { ComponentType } from 'preact';
import { PersonalDataSection } from './admin/PersonalDataSection';
import { ArticlePicker } from './articles/ArticlePicker';
import { TriedArticles } from './articles/TriedArticles';
import type { ChatActionProps, ComposerToolProps } from './chat-slot-props';
import { CreateTicketButton } from './tickets/CreateTicketButton';
import { ProactiveQuality } from './monitoring/ProactiveQuality';

/** Extra buttons in the chat header, after Transfer / Escalate / Close. */
export const CHAT_ACTIONS: ComponentType<ChatActionProps>[] = [CreateTicketButton];
/** Extra tools in the reply box's footer. */
export const COMPOSER_TOOLS: ComponentType<ComposerToolProps>[] = [ArticlePicker];
/** Extra sections at the end of the context panel. */
export const CONTEXT_SECTIONS: ComponentType<ChatActionProps>[] = [ProactiveQuality, TriedArticles, PersonalDataSection];
