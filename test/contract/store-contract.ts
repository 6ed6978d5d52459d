// The Store contract: one suite every implementation (SQLite now, PostgreSQL later) must pass unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../server/domain/ports';
import { accountsContract } from './accounts-contract';
import { articlesContract } from './articles-contract';
import { readStateContract } from './read-state-contract';
import { routingContract } from './routing-contract';
import { suggestedEditsContract } from './suggested-edits-contract';
import { privacyContract } from './privacy-contract';
import { monitoringContract } from './monitoring-contract';
import { ticketContract } from './ticket-contract';
import { webhooksContract } from './webhooks-contract';
import { aConversation, aMessage, anAgent, anEndUser, anOrganisation, aSession } from '../support/records';

export interface StoreHarness {
  /** A fresh, migrated, empty store. */
  open(): Promise<Store>;
  /** Release what open() made (files, schemas). */
  dispose(store: Store): Promise<void>;
}

export function storeContract(name: string, harness: StoreHarness): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(async () => {
      await harness.dispose(store);
    });

    async function seed() {
      const org = await store.createOrganisation(anOrganisation());
      const user = await store.createEndUser(anEndUser(org.id));
      return { org, user };
    }

    it('migrates again without harm', async () => {
      await store.migrate();
      expect(await store.countAgents()).toBe(0);
    });

    it('finds an organisation by its app key, with origins and flags intact', async () => {
      const manager = await store.createAgent(anAgent({ tier: 'account_manager' }));
      const org = await store.createOrganisation(
        anOrganisation({
          allowedOrigins: ['https://a.example', 'https://b.example'],
          identityRequired: true,
          accountManagerId: manager.id,
          hotline: '+1 555 0100',
        }),
      );
      expect(await store.findOrganisationByAppKey(org.appKey)).toEqual(org);
      expect(await store.findOrganisationByAppKey('nope')).toBeNull();
      await store.setAllowedOrigins(org.id, ['https://c.example']);
      expect((await store.getOrganisation(org.id))?.allowedOrigins).toEqual(['https://c.example']);
    });

    it('finds end users by external id and by token hash, only within their organisation', async () => {
      const org = await store.createOrganisation(anOrganisation());
      const other = await store.createOrganisation(anOrganisation());
      const verified = await store.createEndUser(anEndUser(org.id, { externalId: 'u-1', verified: true }));
      const anonymous = await store.createEndUser(anEndUser(org.id, { tokenHash: 'hash-1', role: null }));
      expect(await store.findEndUserByExternalId(org.id, 'u-1')).toEqual(verified);
      expect(await store.findEndUserByExternalId(other.id, 'u-1')).toBeNull();
      expect(await store.findEndUserByTokenHash(org.id, 'hash-1')).toEqual(anonymous);
      expect(await store.findEndUserByTokenHash(other.id, 'hash-1')).toBeNull();
      await store.updateEndUserProfile(verified.id, { name: 'Ada L.', role: 'teacher', classroomId: 'room-9' });
      expect(await store.getEndUser(verified.id)).toMatchObject({ name: 'Ada L.', role: 'teacher', classroomId: 'room-9' });
    });

    it('creates end users in one batch, skipping one whose external id is taken, and finds them together', async () => {
      const org = await store.createOrganisation(anOrganisation());
      const other = await store.createOrganisation(anOrganisation());
      const existing = await store.createEndUser(anEndUser(org.id, { externalId: 'u-1', verified: true }));
      const batch = [
        anEndUser(org.id, { externalId: 'u-2', verified: true }),
        anEndUser(org.id, { externalId: 'u-1', verified: true, name: 'Not stored' }),
        anEndUser(org.id, { externalId: 'u-3', verified: true }),
        anEndUser(org.id, { externalId: 'u-3', verified: true, name: 'Second tab' }),
        anEndUser(org.id, { tokenHash: 'hash-9', role: null }),
        anEndUser(other.id, { externalId: 'u-1', verified: true }),
      ];
      const created = await store.createEndUsers(batch);
      expect(created.sort()).toEqual([batch[0]!.id, batch[2]!.id, batch[4]!.id, batch[5]!.id].sort());
      expect(await store.createEndUsers([])).toEqual([]);
      const found = await store.findEndUsersByExternalIds(org.id, ['u-1', 'u-2', 'u-3', 'u-4']);
      expect(found.sort((a, b) => a.externalId!.localeCompare(b.externalId!))).toEqual([existing, batch[0], batch[2]]);
      expect(await store.findEndUsersByExternalIds(other.id, ['u-1'])).toEqual([batch[5]]);
      expect(await store.findEndUsersByExternalIds(org.id, [])).toEqual([]);
      expect(await store.findEndUserByTokenHash(org.id, 'hash-9')).toEqual(batch[4]);
    });

    it('keeps agents, presence and sessions, and forgets expired sessions', async () => {
      const agent = await store.createAgent(anAgent({ presence: 'offline' }));
      expect(await store.findAgentByEmail(agent.email)).toEqual(agent);
      expect(await store.countAgents()).toBe(1);
      expect(await store.listAvailableAgents()).toEqual([]);
      await store.setAgentPresence(agent.id, 'available');
      expect(await store.listAvailableAgents()).toEqual([
        { agentId: agent.id, tier: 'L1', role: 'agent', capacity: 3, activeChats: 0, lastAssignedAt: 0 },
      ]);
      // A node starting: the agent's console counts as dropped, so routing skips it until it reconnects.
      await store.startGraceForEveryone(1_000);
      expect(await store.listAvailableAgents()).toEqual([]);
      expect(await store.listAgentsDisconnectedSince(1_000)).toEqual([agent.id]);
      await store.markAgentConnected(agent.id);
      expect(await store.listAvailableAgents()).toHaveLength(1);
      await store.setAgentPresence(agent.id, 'offline');

      await store.createSession(aSession(agent.id, 't1', { expiresAt: 5_000 }));
      expect(await store.findSession('t1', 4_999)).toMatchObject({ agentId: agent.id });
      expect(await store.findSession('t1', 5_000)).toBeNull();
      await store.deleteSession('t1');
      expect(await store.findSession('t1', 0)).toBeNull();
    });

    it('creates a conversation once per end user and client id', async () => {
      const { org, user } = await seed();
      const draft = aConversation(org.id, user.id);
      const first = await store.createConversation(draft);
      const again = await store.createConversation({ ...draft, id: crypto.randomUUID() });
      expect(first.created).toBe(true);
      expect(again).toEqual({ conversation: first.conversation, created: false });
      expect(first.conversation).toMatchObject({ status: 'queued', assigneeId: null, lastSeq: 0, context: draft.context });
      expect(await store.findOpenConversation(user.id)).toEqual(first.conversation);
    });

    it('lists the queue longest waiting first', async () => {
      const { org, user } = await seed();
      const late = await store.createConversation(aConversation(org.id, user.id, { createdAt: 300 }));
      const early = await store.createConversation(aConversation(org.id, user.id, { createdAt: 100 }));
      expect((await store.listQueued()).map((c) => c.id)).toEqual([early.conversation.id, late.conversation.id]);
    });

    it('lists what orders the queue, for queued chats only', async () => {
      const { org, user } = await seed();
      const waiting = await store.createConversation(aConversation(org.id, user.id, { createdAt: 100 }));
      const back = aConversation(org.id, user.id, { createdAt: 300 });
      const atFront = await store.createConversation({ ...back, routing: { ...back.routing, front: true } });
      const taken = await store.createConversation(aConversation(org.id, user.id, { createdAt: 200 }));
      const agent = await store.createAgent(anAgent());
      expect(await store.claimConversation(taken.conversation.id, agent.id, 400)).toBe(true);
      const keys = (c: typeof waiting.conversation) => ({
        id: c.id,
        createdAt: c.createdAt,
        routing: { front: c.routing.front, firstResponseDueAt: c.routing.firstResponseDueAt, priority: c.routing.priority },
      });
      const listed = (await store.listQueueOrder()).sort((a, b) => a.createdAt - b.createdAt);
      expect(listed).toEqual([keys(waiting.conversation), keys(atFront.conversation)]);
      expect(listed[1]?.routing.front).toBe(true);
    });

    it('claims a queued chat for an available agent exactly once', async () => {
      const { org, user } = await seed();
      const { conversation } = await store.createConversation(aConversation(org.id, user.id));
      const a = await store.createAgent(anAgent());
      const b = await store.createAgent(anAgent());
      const results = await Promise.all([store.claimConversation(conversation.id, a.id, 10), store.claimConversation(conversation.id, b.id, 10)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const claimed = await store.getConversation(conversation.id);
      expect(claimed).toMatchObject({ status: 'active', assignedAt: 10 });
      expect([a.id, b.id]).toContain(claimed?.assigneeId);
      expect(await store.listQueued()).toEqual([]);
      expect(await store.listAssigned(claimed?.assigneeId as string)).toHaveLength(1);
    });

    it('never lets concurrent claims exceed an agent capacity', async () => {
      const { org, user } = await seed();
      const agent = await store.createAgent(anAgent({ capacity: 3 }));
      const chats = await Promise.all(
        Array.from({ length: 12 }, (_, i) => store.createConversation(aConversation(org.id, user.id, { createdAt: i }))),
      );
      const results = await Promise.all(chats.map(({ conversation }) => store.claimConversation(conversation.id, agent.id, 50)));
      expect(results.filter(Boolean)).toHaveLength(3);
      expect(await store.listAssigned(agent.id)).toHaveLength(3);
      expect(await store.listQueued()).toHaveLength(9);
      expect(await store.listAvailableAgents()).toEqual([
        { agentId: agent.id, tier: 'L1', role: 'agent', capacity: 3, activeChats: 3, lastAssignedAt: 50 },
      ]);
    });

    it('refuses claims for agents who are away, inactive or unknown', async () => {
      const { org, user } = await seed();
      const { conversation } = await store.createConversation(aConversation(org.id, user.id));
      const away = await store.createAgent(anAgent({ presence: 'away' }));
      const inactive = await store.createAgent(anAgent({ active: false }));
      expect(await store.claimConversation(conversation.id, away.id, 1)).toBe(false);
      expect(await store.claimConversation(conversation.id, inactive.id, 1)).toBe(false);
      expect(await store.claimConversation(conversation.id, crypto.randomUUID(), 1)).toBe(false);
      expect((await store.getConversation(conversation.id))?.status).toBe('queued');
    });

    it('closes a conversation once and frees the agent', async () => {
      const { org, user } = await seed();
      const { conversation } = await store.createConversation(aConversation(org.id, user.id));
      const agent = await store.createAgent(anAgent());
      await store.claimConversation(conversation.id, agent.id, 5);
      expect(await store.closeConversation(conversation.id, 9)).toBe(true);
      expect(await store.closeConversation(conversation.id, 10)).toBe(false);
      expect(await store.getConversation(conversation.id)).toMatchObject({ status: 'closed', closedAt: 9 });
      expect(await store.findOpenConversation(user.id)).toBeNull();
      expect(await store.listAssigned(agent.id)).toEqual([]);
    });

    it('stores the context and updates it', async () => {
      const { org, user } = await seed();
      const { conversation } = await store.createConversation(aConversation(org.id, user.id));
      const context = { organisation: 'Maple School', classroomId: 'room-2', extra: { lesson: 'Algebra', seats: 30, live: true } };
      await store.updateConversationContext(conversation.id, context);
      expect((await store.getConversation(conversation.id))?.context).toEqual(context);
    });

    it('numbers messages 1, 2, 3 … without gaps under concurrent appends', async () => {
      const { org, user } = await seed();
      const { conversation } = await store.createConversation(aConversation(org.id, user.id));
      const stored = await Promise.all(Array.from({ length: 40 }, () => store.appendMessage(aMessage(conversation.id, user.id))));
      expect(stored.map((s) => s.message.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect((await store.getConversation(conversation.id))?.lastSeq).toBe(40);
      const page = await store.listMessagesAfter(conversation.id, 35, 10);
      expect(page.map((m) => m.seq)).toEqual([36, 37, 38, 39, 40]);
      expect((await store.lastMessage(conversation.id))?.seq).toBe(40);
    });

    it('answers a new message with its conversation as the append left it', async () => {
      const { org, user } = await seed();
      const { conversation } = await store.createConversation(aConversation(org.id, user.id));
      const agent = await store.createAgent(anAgent());
      expect(await store.claimConversation(conversation.id, agent.id, 1_000, { anyPresence: true })).toBe(true);
      const first = await store.appendMessage(aMessage(conversation.id, user.id));
      const system = await store.appendMessage(
        aMessage(conversation.id, user.id, { authorKind: 'system', authorId: null, clientId: null, authorName: 'Support' }),
      );
      if (!first.created || !system.created) throw new Error('both appends should have created a message');
      expect(first.conversation).toEqual({ ...(await store.getConversation(conversation.id)), lastSeq: 1 });
      expect(system.conversation).toEqual(await store.getConversation(conversation.id));
      expect(system.conversation).toMatchObject({
        id: conversation.id,
        status: 'active',
        assigneeId: agent.id,
        lastSeq: 2,
        context: conversation.context,
      });
    });

    it('finds the newest message by the given kinds of author, skipping the others', async () => {
      const { org, user } = await seed();
      const { conversation } = await store.createConversation(aConversation(org.id, user.id));
      await store.appendMessage(aMessage(conversation.id, user.id, { text: 'My audio is not working' }));
      await store.appendMessage(
        aMessage(conversation.id, user.id, { authorKind: 'system', authorId: null, authorName: 'Support', text: 'You are now talking to Ada' }),
      );
      expect((await store.lastMessage(conversation.id))?.text).toBe('You are now talking to Ada');
      expect((await store.lastMessage(conversation.id, ['visitor', 'agent']))?.text).toBe('My audio is not working');
      expect(await store.lastMessage(conversation.id, ['agent'])).toBeNull();
    });

    it('stores a client id once per author and answers repeats with the original', async () => {
      const { org, user } = await seed();
      const { conversation } = await store.createConversation(aConversation(org.id, user.id));
      const draft = aMessage(conversation.id, user.id);
      const first = await store.appendMessage(draft);
      const repeats = await Promise.all(Array.from({ length: 5 }, () => store.appendMessage({ ...draft, id: crypto.randomUUID(), text: 'changed' })));
      expect(first.created).toBe(true);
      for (const repeat of repeats) expect(repeat).toEqual({ message: first.message, created: false });
      expect(await store.listMessagesAfter(conversation.id, 0, 100)).toEqual([first.message]);
      expect(await store.findMessageByClientId('visitor', user.id, draft.clientId as string)).toEqual(first.message);
      // The same client id from another author is a different message.
      const agent = await store.createAgent(anAgent());
      const other = await store.appendMessage({ ...draft, id: crypto.randomUUID(), authorKind: 'agent', authorId: agent.id });
      expect(other).toMatchObject({ created: true, message: { seq: 2 } });
    });

    it('keeps system messages without a client id apart', async () => {
      const { org, user } = await seed();
      const { conversation } = await store.createConversation(aConversation(org.id, user.id));
      const sys = { authorKind: 'system' as const, authorId: null, clientId: null, authorName: 'Classroom Support' };
      await store.appendMessage(aMessage(conversation.id, user.id, sys));
      await store.appendMessage(aMessage(conversation.id, user.id, sys));
      expect((await store.listMessagesAfter(conversation.id, 0, 10)).map((m) => m.seq)).toEqual([1, 2]);
    });

    ticketContract(harness);
    readStateContract(harness);
    routingContract(harness);
    articlesContract(harness);
    suggestedEditsContract(harness);
    privacyContract(harness);
    monitoringContract(harness);
    accountsContract(harness);
    webhooksContract(harness);
  });
}
