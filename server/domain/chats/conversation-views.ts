// Turns stored conversations into what each side is shown: the widget's view, inbox rows, the detail view.
import { compareQueuedChats } from '../../../shared/chat-queue';
import type { ChatMessage, ConversationDetail, ConversationSummary, EndUserView, VisitorConversation } from '../../../shared/model';
import { chatRoutingView } from '../routing/chat-routing-view';
import type { Store } from '../ports';
import type { Agent, Conversation, EndUser, StoredMessage } from '../records';
import { SharedRead } from './shared-read';
import type { VisitorPresence } from './visitor-presence';

/** Inbox previews show what people wrote, not routing notes such as "You are now talking to …". */
export const PEOPLE = ['visitor', 'agent'] as const;

/** How much of the newest message an inbox row or a past chat shows. */
const PREVIEW_CHARS = 140;

/** The preview of a chat: the start of the newest message by a person, or nothing before the first. */
export const previewOf = (last: StoredMessage | null | undefined): string => (last ? last.text.slice(0, PREVIEW_CHARS) : '');

export const chatMessage = ({ authorId: _hidden, ...message }: StoredMessage): ChatMessage => message;

export const endUserView = (user: EndUser): EndUserView => ({
  id: user.id,
  name: user.name,
  role: user.role,
  verified: user.verified,
});

/** Parts of a summary the caller already holds. */
export interface SummaryParts {
  /** The newest message by a person (visitor or agent): the preview. */
  last?: StoredMessage | null;
  previousAgentIds?: string[];
  /** The chat's user and its assignee (null: nobody holds it), e.g. the author of a message just written. */
  endUser?: EndUser;
  assignee?: Agent | null;
}

/**
 * A chat without a single message (just started, a class start's thousands) has no preview and no previous agents:
 * every assignment writes "You are now talking to …" into the chat, so a chat that was ever held has messages.
 */
const NOTHING_WRITTEN: SummaryParts = { last: null, previousAgentIds: [] };

export class ConversationViews {
  /**
   * Places are asked for by every start's ack, every waiting chat's view and every queue pass: when a class starts,
   * thousands at once. They share reads (each still one that began after it asked), so a burst of n starts reads
   * the queue a few times instead of 2n times — that read was most of the burst's time.
   */
  private readonly places: SharedRead<ReadonlyMap<string, number>>;

  constructor(
    private readonly store: Store,
    private readonly presence: Pick<VisitorPresence, 'isOnline'>,
  ) {
    this.places = new SharedRead(async () => {
      const order = (await this.store.listQueueOrder()).sort(compareQueuedChats);
      return new Map(order.map((c, i) => [c.id, i + 1]));
    });
  }

  /** Every queued conversation's 1-based place, in the order routing offers them; one light read of the queue. */
  queuePositions(): Promise<ReadonlyMap<string, number>> {
    return this.places.read();
  }

  async forVisitor(conversation: Conversation): Promise<VisitorConversation> {
    const assignee = conversation.assigneeId ? await this.store.getAgent(conversation.assigneeId) : null;
    // No message yet (a chat just started): nothing can have been read.
    const read = conversation.lastSeq === 0 ? { visitor: 0, agent: 0 } : await this.store.readPositions(conversation.id);
    const queuePosition = conversation.status === 'queued' ? ((await this.queuePositions()).get(conversation.id) ?? null) : null;
    return {
      id: conversation.id,
      status: conversation.status,
      agentName: assignee?.name ?? null,
      queuePosition,
      lastSeq: conversation.lastSeq,
      visitorReadSeq: read.visitor,
      agentReadSeq: read.agent,
      agentAway: conversation.status === 'active' && conversation.routing.attention === 'agent_away',
    };
  }

  /**
   * The inbox row. `known` is what the caller has already read or just wrote (fan-out of a new message: the
   * message is the preview; the previous agents it read for the audience): it is not read again.
   */
  async summary(conversation: Conversation, given: SummaryParts = {}): Promise<ConversationSummary> {
    const known = conversation.lastSeq === 0 ? { ...NOTHING_WRITTEN, ...given } : given;
    const [user, assignee, last, previousAgentIds] = await Promise.all([
      known.endUser?.id === conversation.endUserId ? known.endUser : this.store.getEndUser(conversation.endUserId),
      known.assignee !== undefined && (known.assignee?.id ?? null) === conversation.assigneeId
        ? known.assignee
        : conversation.assigneeId
          ? this.store.getAgent(conversation.assigneeId)
          : null,
      known.last !== undefined ? known.last : this.store.lastMessage(conversation.id, PEOPLE),
      known.previousAgentIds ?? this.store.listPreviousAssignees(conversation.id),
    ]);
    if (!user) throw new Error(`conversation ${conversation.id} has no end user`);
    return {
      id: conversation.id,
      status: conversation.status,
      user: endUserView(user),
      organisation: conversation.context.organisation,
      classroomId: conversation.context.classroomId ?? null,
      assignee: assignee ? { id: assignee.id, name: assignee.name } : null,
      createdAt: conversation.createdAt,
      lastSeq: conversation.lastSeq,
      preview: previewOf(last),
      visitorOnline: this.presence.isOnline(conversation.endUserId),
      routing: chatRoutingView(conversation.routing, previousAgentIds),
    };
  }

  async detail(conversation: Conversation, messages: StoredMessage[]): Promise<ConversationDetail> {
    return { ...(await this.summary(conversation)), context: conversation.context, messages: messages.map(chatMessage) };
  }
}
