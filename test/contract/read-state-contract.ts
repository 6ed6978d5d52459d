// The read-state part of the Store contract: marks per reader that only move forward, set by hand or by writing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../server/domain/ports';
import type { ReadMarkInput } from '../../server/domain/chats/read-state-store';
import { aConversation, aMessage, anAgent, anEndUser, anOrganisation } from '../support/records';
import type { StoreHarness } from './store-contract';

export function readStateContract(harness: StoreHarness): void {
  describe('read state', () => {
    let store: Store;
    let conversationId: string;
    let userId: string;
    beforeEach(async () => {
      store = await harness.open();
      const org = await store.createOrganisation(anOrganisation());
      userId = (await store.createEndUser(anEndUser(org.id))).id;
      conversationId = (await store.createConversation(aConversation(org.id, userId))).conversation.id;
    });
    afterEach(async () => {
      await harness.dispose(store);
    });

    const mark = (over: Partial<ReadMarkInput>): ReadMarkInput => ({
      conversationId,
      readerKind: 'agent',
      readerId: 'agent-1',
      seq: 1,
      at: 10,
      ...over,
    });

    it('starts at 0 for everyone', async () => {
      expect(await store.readPositions(conversationId)).toEqual({ visitor: 0, agent: 0 });
      expect(await store.readMarksOf('agent', 'agent-1', [conversationId])).toEqual(new Map());
      expect(await store.readMarksOf('agent', 'agent-1', [])).toEqual(new Map());
    });

    it('moves a mark forward and never back, saying whether it moved', async () => {
      expect(await store.markRead(mark({ seq: 3 }))).toEqual({ seq: 3, moved: true });
      expect(await store.markRead(mark({ seq: 2 }))).toEqual({ seq: 3, moved: false });
      expect(await store.markRead(mark({ seq: 3 }))).toEqual({ seq: 3, moved: false });
      expect(await store.markRead(mark({ seq: 5 }))).toEqual({ seq: 5, moved: true });
      expect(await store.readMarksOf('agent', 'agent-1', [conversationId])).toEqual(new Map([[conversationId, 5]]));
    });

    it('ends at the largest of concurrent marks', async () => {
      await Promise.all([7, 2, 9, 4, 8, 1].map((seq) => store.markRead(mark({ seq }))));
      expect((await store.readPositions(conversationId)).agent).toBe(9);
    });

    it("keeps each reader apart: the visitor's mark, and the furthest of all agents", async () => {
      await store.markRead(mark({ readerId: 'agent-1', seq: 4 }));
      await store.markRead(mark({ readerId: 'agent-2', seq: 6 }));
      await store.markRead(mark({ readerKind: 'visitor', readerId: userId, seq: 2 }));
      expect(await store.readPositions(conversationId)).toEqual({ visitor: 2, agent: 6 });
      expect(await store.readMarksOf('agent', 'agent-1', [conversationId, 'elsewhere'])).toEqual(new Map([[conversationId, 4]]));
      expect(await store.readMarksOf('visitor', userId, [conversationId])).toEqual(new Map([[conversationId, 2]]));
    });

    it("moves the author's mark to each message they write, in the same commit", async () => {
      const agent = await store.createAgent(anAgent());
      await store.appendMessage(aMessage(conversationId, userId));
      await store.appendMessage(aMessage(conversationId, agent.id, { authorKind: 'agent' }));
      expect(await store.readPositions(conversationId)).toEqual({ visitor: 1, agent: 2 });
      // A visitor who had read further (another tab) is not moved back by an older write.
      await store.markRead(mark({ readerKind: 'visitor', readerId: userId, seq: 2 }));
      expect(await store.readMarksOf('visitor', userId, [conversationId])).toEqual(new Map([[conversationId, 2]]));
      // System messages have no reader to move.
      await store.appendMessage(aMessage(conversationId, userId, { authorKind: 'system', authorId: null, clientId: null }));
      expect(await store.readPositions(conversationId)).toEqual({ visitor: 2, agent: 2 });
    });

    it('does not move a mark for a repeated message', async () => {
      const draft = aMessage(conversationId, userId);
      await store.appendMessage(draft);
      await store.markRead(mark({ readerKind: 'visitor', readerId: userId, seq: 1 }));
      await store.appendMessage({ ...draft, id: crypto.randomUUID() });
      expect((await store.readPositions(conversationId)).visitor).toBe(1);
    });
  });
}
