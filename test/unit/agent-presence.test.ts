// Presence with a fake clock: a dropped console gets a grace period; after it the agent is away, unanswered
// chats go back to the front of the queue and answered ones stay, flagged for supervisors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routingHarness, type RoutingHarness } from '../support/routing-harness';

const GRACE = 30_000;

describe('agent presence', () => {
  let h: RoutingHarness;
  beforeEach(async () => {
    h = await routingHarness({ graceMs: GRACE });
  });
  afterEach(async () => {
    await h.close();
  });

  /** An agent's reply, as posting one does: a stored message and the reply tracker's write. */
  async function reply(conversationId: string, agentId: string) {
    const { message } = await h.store.appendMessage({
      id: crypto.randomUUID(),
      conversationId,
      clientId: crypto.randomUUID(),
      authorKind: 'agent',
      authorId: agentId,
      authorName: 'Lin',
      text: 'Let me look',
      createdAt: h.clock.now(),
    });
    const conversation = await h.store.getConversation(conversationId);
    if (conversation) h.events.emit({ type: 'message.created', conversation, message });
    await h.replies.settled();
  }

  it('routes nothing new to an agent whose console dropped, and forgets the drop if it comes back in time', async () => {
    const lin = await h.agent({ name: 'Lin' });
    const held = await h.chat();
    await h.agentPresence.disconnected(lin.id);
    const during = await h.chat();
    expect(await h.assigneeOf(during)).toBeNull();

    // Queuing that chat took a second; the grace period has a second left.
    h.clock.advance(GRACE - 2_000);
    expect(await h.agentPresence.expireGrace()).toEqual([]);
    await h.agentPresence.connected(lin.id);
    expect((await h.store.getAgent(lin.id))?.presence).toBe('available');
    // Back in time: keeps the chat it had, and gets the one that waited meanwhile.
    expect(await h.assigneeOf(held)).toBe(lin.id);
    expect(await h.assigneeOf(during)).toBe(lin.id);
  });

  it('after the grace period makes the agent away, requeues unanswered chats at the front and keeps answered ones flagged', async () => {
    const lin = await h.agent({ name: 'Lin' });
    const answered = await h.chat();
    const unanswered = await h.chat();
    await reply(answered, lin.id);
    await h.agentPresence.disconnected(lin.id);
    const waiting = await h.chat({ urgency: 'class_stopped' });

    h.clock.advance(GRACE);
    expect(await h.agentPresence.expireGrace()).toEqual([lin.id]);
    expect((await h.store.getAgent(lin.id))?.presence).toBe('away');

    const back = await h.store.getConversation(unanswered);
    expect(back).toMatchObject({ status: 'queued', assigneeId: null });
    expect(back?.routing).toMatchObject({ front: true, attention: null });
    expect(await h.store.listPreviousAssignees(unanswered)).toEqual([lin.id]);
    const told = (await h.store.listMessagesAfter(unanswered, 0, 10)).map((m) => m.text);
    expect(told.at(-1)).toBe('Lin lost their connection. You are back at the front of the queue, and the next free engineer will continue with you.');
    expect(await h.store.listMoves(unanswered)).toContainEqual(
      expect.objectContaining({ kind: 'requeued', reason: 'agent_away', from: { id: lin.id, name: 'Lin' } }),
    );

    const kept = await h.store.getConversation(answered);
    expect(kept).toMatchObject({ status: 'active', assigneeId: lin.id });
    expect(kept?.routing.attention).toBe('agent_away');
    const overview = await h.supervision.snapshot();
    expect(overview.flagged).toEqual([expect.objectContaining({ conversationId: answered, attention: 'agent_away' })]);

    // The next free agent gets the returned chat before the P1 that had been waiting.
    const kim = await h.agent({ name: 'Kim', capacity: 1, presence: 'away' });
    await h.agentPresence.setAvailable(kim.id, true);
    expect(await h.assigneeOf(unanswered)).toBe(kim.id);
    expect(await h.assigneeOf(waiting)).toBeNull();
  });

  it('releases chats once even when two processes sweep the same database', async () => {
    const lin = await h.agent({ name: 'Lin' });
    const chat = await h.chat();
    await h.agentPresence.disconnected(lin.id);
    h.clock.advance(GRACE);
    const [one, two] = await Promise.all([h.agentPresence.expireGrace(), h.agentPresence.expireGrace()]);
    expect([...one, ...two]).toEqual([lin.id]);
    expect((await h.store.listMoves(chat)).filter((m) => m.kind === 'requeued')).toHaveLength(1);
  });

  it('takes a signed-out agent offline at once, without grace', async () => {
    const lin = await h.agent({ name: 'Lin' });
    const chat = await h.chat();
    await h.agentPresence.signedOut(lin.id);
    expect((await h.store.getAgent(lin.id))?.presence).toBe('offline');
    expect((await h.store.getConversation(chat))?.status).toBe('queued');
    expect(await h.store.listMoves(chat)).toContainEqual(expect.objectContaining({ kind: 'requeued', reason: 'signed_out' }));
  });

  it('clears the supervisors’ flag when the agent comes back', async () => {
    const lin = await h.agent({ name: 'Lin' });
    const chat = await h.chat();
    await reply(chat, lin.id);
    await h.agentPresence.disconnected(lin.id);
    h.clock.advance(GRACE);
    await h.agentPresence.expireGrace();
    await h.agentPresence.connected(lin.id);
    expect((await h.store.getConversation(chat))?.routing.attention).toBeNull();
  });
});
