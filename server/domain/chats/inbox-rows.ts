// A chat's inbox row together with who may see it: what fan-out sends on every change of a chat. The previous
// agents are read once for both (none before the first message), and what the caller holds is not read again.
import type { ConversationSummary } from '../../../shared/model';
import type { Store } from '../ports';
import type { Conversation } from '../records';
import type { ChatAccess, ChatAudience } from './chat-access';
import type { ConversationViews, SummaryParts } from './conversation-views';

export class InboxRows {
  constructor(private readonly deps: { store: Store; views: ConversationViews; access: ChatAccess }) {}

  async row(conversation: Conversation, known: SummaryParts = {}): Promise<{ summary: ConversationSummary; audience: ChatAudience }> {
    const { store, views, access } = this.deps;
    const previousAgentIds = known.previousAgentIds ?? (conversation.lastSeq === 0 ? [] : await store.listPreviousAssignees(conversation.id));
    const [summary, audience] = await Promise.all([
      views.summary(conversation, { ...known, previousAgentIds }),
      access.audience(conversation, previousAgentIds),
    ]);
    return { summary, audience };
  }
}
