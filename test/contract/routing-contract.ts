// The routing part of the Store contract: transfers and returns to the queue that hold only while their
// condition holds, reservations, grace periods ended once, moves in order, notes once per client id,
// canned replies and the administration writes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMove } from '../../shared/routing-model';
import type { Store } from '../../server/domain/ports';
import type { Agent, Organisation } from '../../server/domain/records';
import { aConversation, anAgent, anEndUser, anOrganisation, aSession } from '../support/records';
import type { StoreHarness } from './store-contract';

export function routingContract(harness: StoreHarness): void {
  describe('routing', () => {
    let store: Store;
    let org: Organisation;
    let userId: string;
    let lin: Agent;
    let sam: Agent;
    beforeEach(async () => {
      store = await harness.open();
      org = await store.createOrganisation(anOrganisation());
      userId = (await store.createEndUser(anEndUser(org.id))).id;
      lin = await store.createAgent(anAgent({ name: 'Lin', capacity: 1 }));
      sam = await store.createAgent(anAgent({ name: 'Sam', tier: 'L2', capacity: 1 }));
    });
    afterEach(async () => {
      await harness.dispose(store);
    });

    const chat = async (createdAt = 100) => (await store.createConversation(aConversation(org.id, userId, { createdAt }))).conversation.id;

    it('keeps a chat’s routing as created: priority, urgency, deadline, target', async () => {
      const draft = aConversation(org.id, userId, { createdAt: 100 });
      const routing = { ...draft.routing, priority: 'P1' as const, urgency: 'class_stopped' as const, firstResponseDueAt: 100 + 900_000 };
      const { conversation } = await store.createConversation({ ...draft, routing });
      expect(conversation.routing).toEqual(routing);
    });

    it('reassigns an active chat only from its current agent, and only to one who can take it', async () => {
      const id = await chat();
      expect(await store.claimConversation(id, lin.id, 10)).toBe(true);
      expect(await store.reassignConversation(id, sam.id, lin.id, 20)).toBe(false);
      const full = await chat(200);
      expect(await store.claimConversation(full, sam.id, 15)).toBe(true);
      expect(await store.reassignConversation(id, lin.id, sam.id, 20)).toBe(false);
      await store.closeConversation(full, 16);
      await store.setAgentPresence(sam.id, 'away');
      expect(await store.reassignConversation(id, lin.id, sam.id, 20)).toBe(false);
      await store.setAgentPresence(sam.id, 'available');
      expect(await store.reassignConversation(id, lin.id, sam.id, 30)).toBe(true);
      expect(await store.getConversation(id)).toMatchObject({ status: 'active', assigneeId: sam.id, assignedAt: 30 });
    });

    it('returns a chat to the front of the queue for a target, held for one agent if asked, and claims respect that', async () => {
      const id = await chat();
      await store.claimConversation(id, lin.id, 10);
      await store.recordAgentReply(id, lin.id, 12);
      expect(await store.returnToQueue(id, sam.id, { target: 'L2', reservedFor: null, avoidAgentId: lin.id, queuedAt: 20 })).toBe(false);
      expect(await store.returnToQueue(id, lin.id, { target: 'account_manager', reservedFor: sam.id, avoidAgentId: lin.id, queuedAt: 20 })).toBe(
        true,
      );
      expect(await store.getConversation(id)).toMatchObject({
        status: 'queued',
        assigneeId: null,
        routing: {
          target: 'account_manager',
          reservedFor: sam.id,
          front: true,
          queuedAt: 20,
          avoidAgentId: lin.id,
          assigneeReplied: false,
          firstResponseAt: 12,
        },
      });
      expect(await store.claimConversation(id, lin.id, 30, { anyPresence: true })).toBe(false);
      expect(await store.claimConversation(id, sam.id, 30)).toBe(true);
      // A claim clears the queue-only state.
      expect((await store.getConversation(id))?.routing).toMatchObject({ front: false, reservedFor: null, avoidAgentId: null });
      // A queued chat can be re-targeted where it stands; an active one only through its agent.
      const queued = await chat(300);
      expect(await store.returnToQueue(queued, null, { target: 'supervisors', reservedFor: null, avoidAgentId: null, queuedAt: 40 })).toBe(true);
      expect(await store.returnToQueue(id, null, { target: 'L2', reservedFor: null, avoidAgentId: null, queuedAt: 40 })).toBe(false);
    });

    it('claims by hand whatever the agent’s presence, never beyond capacity', async () => {
      await store.setAgentPresence(lin.id, 'away');
      const [a, b] = [await chat(), await chat(200)];
      expect(await store.claimConversation(a, lin.id, 10)).toBe(false);
      expect(await store.claimConversation(a, lin.id, 10, { anyPresence: true })).toBe(true);
      expect(await store.claimConversation(b, lin.id, 10, { anyPresence: true })).toBe(false);
    });

    it('records the first agent reply once, and "answered" only for the assignee', async () => {
      const id = await chat();
      await store.claimConversation(id, lin.id, 10);
      await store.recordAgentReply(id, sam.id, 11);
      expect((await store.getConversation(id))?.routing).toMatchObject({ firstResponseAt: 11, assigneeReplied: false });
      await store.recordAgentReply(id, lin.id, 15);
      expect((await store.getConversation(id))?.routing).toMatchObject({ firstResponseAt: 11, assigneeReplied: true });
      await store.setChatAttention(id, 'agent_away');
      expect((await store.getConversation(id))?.routing.attention).toBe('agent_away');
      expect((await store.listOpenConversations()).map((c) => c.id)).toEqual([id]);
    });

    it('ends a grace period once, and keeps routing away from an agent while it runs', async () => {
      await store.markAgentDisconnected(lin.id, 1_000);
      expect((await store.listAvailableAgents()).map((a) => a.agentId)).toEqual([sam.id]);
      expect(await store.claimConversation(await chat(), lin.id, 1_100)).toBe(false);
      expect(await store.listAgentsDisconnectedSince(999)).toEqual([]);
      expect(await store.endGrace(lin.id, 999)).toBe(false);
      expect(await store.listAgentsDisconnectedSince(1_000)).toEqual([lin.id]);
      const ended = await Promise.all([store.endGrace(lin.id, 1_000), store.endGrace(lin.id, 1_000)]);
      expect(ended.filter(Boolean)).toHaveLength(1);
      expect((await store.getAgent(lin.id))?.presence).toBe('away');
      const statuses = await store.listAgentStatuses();
      expect(statuses.map((s) => [s.agent.name, s.activeChats, s.disconnectedAt])).toEqual([
        ['Lin', 0, null],
        ['Sam', 0, null],
      ]);
    });

    it('keeps moves in the order recorded, even within one millisecond, and the previous assignees once each', async () => {
      const id = await chat();
      const move = (kind: ChatMove['kind'], i: number): ChatMove => ({
        id: crypto.randomUUID(),
        conversationId: id,
        kind,
        actor: i % 2 ? { id: lin.id, name: 'Lin' } : null,
        from: null,
        to: { id: sam.id, name: 'Sam' },
        toTarget: i === 2 ? 'L2' : null,
        reason: null,
        note: i === 1 ? 'handover' : null,
        createdAt: 50,
      });
      const moves = [move('assigned', 0), move('transferred', 1), move('escalated', 2), move('picked', 3)];
      for (const m of moves) await store.recordMove(m);
      expect(await store.listMoves(id)).toEqual(moves);
      await store.addPreviousAssignee(id, lin.id, 10);
      await store.addPreviousAssignee(id, lin.id, 20);
      expect(await store.listPreviousAssignees(id)).toEqual([lin.id]);
    });

    it('lists the open chats an agent handed over, and a user’s other chats newest first', async () => {
      const [first, second] = [await chat(100), await chat(200)];
      await store.claimConversation(first, sam.id, 10);
      await store.addPreviousAssignee(first, lin.id, 5);
      await store.addPreviousAssignee(second, lin.id, 5);
      await store.closeConversation(second, 20);
      expect((await store.listHandedOver(lin.id)).map((c) => c.id)).toEqual([first]);
      expect((await store.listHandedOver(sam.id)).map((c) => c.id)).toEqual([]);
      const third = await chat(300);
      expect((await store.listPastConversations(userId, third, 10)).map((c) => c.id)).toEqual([second, first]);
      expect((await store.listPastConversations(userId, third, 1)).map((c) => c.id)).toEqual([second]);
    });

    it('stores an internal note once per author and client id', async () => {
      const id = await chat();
      const note = {
        id: crypto.randomUUID(),
        conversationId: id,
        clientId: crypto.randomUUID(),
        author: { id: lin.id, name: 'Lin' },
        text: 'Loaner laptop',
        createdAt: 60,
      };
      const rival = { ...note, id: crypto.randomUUID(), text: 'changed' };
      const results = await Promise.all([store.addNote(note), store.addNote(rival)]);
      // Either may win when the two run on separate connections (PostgreSQL's pool); both answer with the winner.
      const winners = results.filter((r) => r.created).map((r) => r.note);
      expect(winners).toHaveLength(1);
      const winner = winners[0] === note ? note : rival;
      expect(winners).toEqual([winner]);
      expect(results.map((r) => r.note)).toEqual([winner, winner]);
      expect(await store.listNotes(id)).toEqual([winner]);
    });

    it('keeps canned replies with unique shortcuts', async () => {
      const reply = { id: crypto.randomUUID(), shortcut: 'mic', title: 'Microphone', text: 'Allow it', locale: 'en' as const, updatedAt: 1 };
      await store.createCannedReply(reply);
      const duplicate = await store.createCannedReply({ ...reply, id: crypto.randomUUID() }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(store.isUniqueViolation(duplicate)).toBe(true);
      expect(await store.updateCannedReply({ ...reply, title: 'Microphone permission', updatedAt: 2 })).toBe(true);
      // Its language is kept (the "/" picker offers the user's language first).
      const chinese = {
        id: crypto.randomUUID(),
        shortcut: 'mic-zh',
        title: '麦克风',
        text: '请允许使用麦克风',
        locale: 'zh-CN' as const,
        updatedAt: 3,
      };
      await store.createCannedReply(chinese);
      expect((await store.listCannedReplies()).find((r) => r.id === chinese.id)).toEqual(chinese);
      expect(await store.deleteCannedReply(chinese.id)).toBe(true);
      expect(await store.updateCannedReply({ ...reply, id: crypto.randomUUID() })).toBe(false);
      expect(await store.listCannedReplies()).toEqual([{ ...reply, title: 'Microphone permission', updatedAt: 2 }]);
      expect(await store.deleteCannedReply(reply.id)).toBe(true);
      expect(await store.deleteCannedReply(reply.id)).toBe(false);
    });

    it('updates agents and organisations field by field, and signs an agent out everywhere', async () => {
      expect(await store.updateAgent(lin.id, { capacity: 5, tier: 'L2', active: false })).toBe(true);
      expect(await store.getAgent(lin.id)).toMatchObject({ capacity: 5, tier: 'L2', active: false, name: 'Lin', role: 'agent' });
      expect(await store.updateAgent(crypto.randomUUID(), { capacity: 2 })).toBe(false);
      await store.createSession(aSession(sam.id, 'a', { expiresAt: 9_999 }));
      await store.createSession(aSession(sam.id, 'b', { expiresAt: 9_999 }));
      await store.deleteAgentSessions(sam.id);
      expect(await store.findSession('a', 1)).toBeNull();
      expect(await store.findSession('b', 1)).toBeNull();

      expect(
        await store.updateOrganisation(org.id, {
          hotline: null,
          allowedOrigins: ['https://x.example'],
          identityRequired: true,
          identitySecret: 'new',
        }),
      ).toBe(true);
      expect(await store.getOrganisation(org.id)).toMatchObject({
        hotline: null,
        allowedOrigins: ['https://x.example'],
        identityRequired: true,
        identitySecret: 'new',
        name: org.name,
      });
      expect((await store.listOrganisations()).map((o) => o.id)).toEqual([org.id]);
      expect((await store.listAgents()).map((a) => a.name)).toEqual(['Lin', 'Sam']);
    });
  });
}
