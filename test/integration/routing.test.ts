// Routing, hand-overs and teamwork through a real server with several real agent consoles (Socket.IO clients).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage, ConversationSummary, VisitorConversation } from '../../shared/model';
import type { QueuePositionUpdate } from '../../shared/protocol';
import type { AgentNotice, ChatMove, InternalNote, SupervisorOverview } from '../../shared/routing-model';
import { renderNotice } from '../../shared/notices';
import type { Agent, Organisation } from '../../server/domain/records';
import {
  eventWhere,
  identityToken,
  newClientId,
  nextEvent,
  okData,
  request,
  requestRaw,
  startTestServer,
  type AgentClient,
  type TestServer,
  type VisitorClient,
} from '../support/server';

const GRACE_MS = 400;

describe('routing with several agent consoles', () => {
  let server: TestServer;
  let org: Organisation;
  beforeEach(async () => {
    server = await startTestServer({ agentGraceMs: GRACE_MS });
    org = await server.organisation({ identityRequired: false, name: 'Maple School' });
  });
  afterEach(async () => {
    await server.stop();
  });

  async function console_(over: Partial<Agent> = {}, available = true): Promise<{ agent: Agent & { password: string }; socket: AgentClient }> {
    const agent = await server.agent(over);
    const socket = server.agentSocket(await server.signIn(agent.email, agent.password));
    await nextEvent(socket, 'session');
    if (available) okData(await request(socket, 'presence:set', { available: true }));
    return { agent, socket };
  }

  async function student(
    name: string,
    start: Record<string, unknown> = {},
    from = org,
    auth: Record<string, unknown> = { name },
  ): Promise<{ socket: VisitorClient; chat: VisitorConversation }> {
    const socket = server.visitor({ appKey: from.appKey, ...auth });
    await nextEvent(socket, 'session');
    const chat = okData(await request(socket, 'conversation:start', { clientId: newClientId(), context: { role: 'student' }, ...start }));
    okData(await request(socket, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: `${name} needs help` }));
    return { socket, chat };
  }

  const stored = (id: string) => server.services.store.getConversation(id);

  it('offers a waiting chat as soon as an agent closes one, and the most urgent first', async () => {
    const { agent, socket } = await console_({ name: 'Lin', capacity: 1 });
    const first = await student('Ada');
    const homework = await student('Bo', { urgency: 'question' });
    // Only a verified teacher's role raises the priority (an anonymous claim would not).
    const teacher = await identityToken(org.identitySecret, { sub: 'cy', name: 'Cy', role: 'teacher' });
    const liveClass = await student('Cy', { urgency: 'cannot_take_part', context: { liveClass: true } }, org, { token: teacher });
    expect((await stored(first.chat.id))?.assigneeId).toBe(agent.id);
    expect((await stored(liveClass.chat.id))?.routing.priority).toBe('P1');

    const offered = eventWhere<ConversationSummary>(socket, 'conversation:updated', (c) => c.id === liveClass.chat.id && c.assignee?.id === agent.id);
    const told = eventWhere<ChatMessage>(liveClass.socket, 'message:new', (m) => m.authorKind === 'system');
    okData(await request(socket, 'conversation:close', { conversationId: first.chat.id }));
    expect(await offered).toMatchObject({ status: 'active', routing: { priority: 'P1' } });
    expect((await told).text).toBe('You are now talking to Lin, a support engineer.');
    expect((await stored(homework.chat.id))?.status).toBe('queued');
  });

  it('tells the waiting visitors their place, in deadline order', async () => {
    const homework = await student('Bo', { urgency: 'question' });
    const urgentArrives = eventWhere<QueuePositionUpdate>(
      homework.socket,
      'queue:position',
      (u) => u.conversationId === homework.chat.id && u.position === 2,
    );
    const urgent = await student('Cy', { urgency: 'class_stopped' });
    expect(urgent.chat.queuePosition).toBe(1);
    await urgentArrives;
  });

  it('lets one of two agents pick a queued chat, and tells the other it was taken', async () => {
    const lin = await console_({ name: 'Lin' }, false);
    const kim = await console_({ name: 'Kim' }, false);
    const { chat } = await student('Ada');
    const [a, b] = await Promise.all([
      request(lin.socket, 'queue:pick', { conversationId: chat.id }),
      request(kim.socket, 'queue:pick', { conversationId: chat.id }),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await stored(chat.id))?.status).toBe('active');
  });

  it('transfers with a handover note: the colleague gets the chat and the note, the student plain words, the previous agent read access', async () => {
    const lin = await console_({ name: 'Lin', tier: 'L1' });
    const { socket: ada, chat } = await student('Ada');
    const sam = await console_({ name: 'Sam', tier: 'L2' });
    okData(await request(lin.socket, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'Let me check' }));
    okData(await request(lin.socket, 'conversation:open', { conversationId: chat.id }));

    const adaSeen: unknown[] = [];
    ada.onAny((event, payload) => adaSeen.push([event, payload]));
    const samGetsIt = eventWhere<ConversationSummary>(sam.socket, 'conversation:updated', (c) => c.id === chat.id && c.assignee?.id === sam.agent.id);
    const samGetsMove = eventWhere<ChatMove>(sam.socket, 'move:new', (m) => m.kind === 'transferred');
    const adaTold = eventWhere<ChatMessage>(ada, 'message:new', (m) => m.authorKind === 'system' && m.text.includes('Sam'));
    const note = 'Mic permission already granted; suspect the USB headset';
    const summary = okData(await request(lin.socket, 'conversation:transfer', { conversationId: chat.id, to: { agentId: sam.agent.id }, note }));
    expect(summary).toMatchObject({ assignee: { id: sam.agent.id }, routing: { previousAgentIds: [lin.agent.id] } });
    await samGetsIt;
    expect(await samGetsMove).toMatchObject({ actor: { name: 'Lin' }, to: { name: 'Sam' }, note });
    expect((await adaTold).text).toBe('You are now talking to Sam, a senior engineer.');

    // The journal shows the move and its note; the student's history has no trace of the note.
    const journal = okData(await request(sam.socket, 'conversation:journal', { conversationId: chat.id }));
    expect(journal.moves.map((m) => m.kind)).toEqual(['assigned', 'transferred']);
    const history = okData(await request(ada, 'history:fetch', { conversationId: chat.id, afterSeq: 0 }));
    expect(JSON.stringify(history)).not.toContain('USB headset');
    expect(JSON.stringify(adaSeen)).not.toContain('USB headset');

    // Lin keeps read access and still hears the conversation; she lists it as handed over.
    const linHears = eventWhere<ChatMessage>(lin.socket, 'message:new', (m) => m.text === 'It works now');
    okData(await request(ada, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'It works now' }));
    await linHears;
    okData(await request(lin.socket, 'conversation:open', { conversationId: chat.id }));
    const inbox = okData(await request(lin.socket, 'inbox:fetch'));
    expect(inbox.watching.map((c) => c.id)).toEqual([chat.id]);
    expect(await request(lin.socket, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'me again' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // A colleague who never held it cannot read it.
    const other = await console_({ name: 'Other' }, false);
    expect(await request(other.socket, 'conversation:open', { conversationId: chat.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps internal notes among agents: the student never receives them', async () => {
    const lin = await console_({ name: 'Lin' });
    const { socket: ada, chat } = await student('Ada');
    const sue = await console_({ name: 'Sue', role: 'supervisor' }, false);
    okData(await request(sue.socket, 'conversation:open', { conversationId: chat.id }));
    const adaSeen: unknown[] = [];
    ada.onAny((event, payload) => adaSeen.push([event, payload]));

    const sueHears = nextEvent<InternalNote>(sue.socket, 'note:new');
    const clientId = newClientId();
    const note = okData(await request(lin.socket, 'note:add', { conversationId: chat.id, clientId, text: 'Parent says the laptop is a loaner' }));
    expect(note).toMatchObject({ author: { name: 'Lin' }, text: 'Parent says the laptop is a loaner' });
    expect(await sueHears).toEqual(note);
    // A resend with the same client id is the same note.
    expect(okData(await request(lin.socket, 'note:add', { conversationId: chat.id, clientId, text: 'Parent says the laptop is a loaner' }))).toEqual(
      note,
    );
    expect(okData(await request(lin.socket, 'conversation:journal', { conversationId: chat.id })).notes).toEqual([note]);

    const adaGetsReply = eventWhere(ada, 'message:new', (m: ChatMessage) => m.text === 'Try another browser');
    okData(await request(lin.socket, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: 'Try another browser' }));
    await adaGetsReply;
    const history = okData(await request(ada, 'history:fetch', { conversationId: chat.id, afterSeq: 0 }));
    expect(history.messages.map((m) => m.text)).not.toContain('Parent says the laptop is a loaner');
    expect(JSON.stringify(adaSeen)).not.toContain('loaner');
    expect((await stored(chat.id))?.lastSeq).toBe(history.messages.length);
  });

  it('after the grace period puts unanswered chats back at the front and keeps answered ones, flagged', async () => {
    const lin = await console_({ name: 'Lin', capacity: 2 });
    const answered = await student('Ada');
    const unanswered = await student('Bo');
    okData(await request(lin.socket, 'message:send', { conversationId: answered.chat.id, clientId: newClientId(), text: 'On it' }));
    const boTold = eventWhere<ChatMessage>(unanswered.socket, 'message:new', (m) => m.text.startsWith('Lin lost their connection'), 5_000);
    lin.socket.disconnect();

    await boTold;
    expect(await stored(unanswered.chat.id)).toMatchObject({ status: 'queued', routing: { front: true } });
    expect(await stored(answered.chat.id)).toMatchObject({ status: 'active', assigneeId: lin.agent.id, routing: { attention: 'agent_away' } });
    expect((await server.services.store.getAgent(lin.agent.id))?.presence).toBe('away');

    // The next agent to switch Available on gets the returned chat.
    const kim = await console_({ name: 'Kim' });
    expect((await stored(unanswered.chat.id))?.assigneeId).toBe(kim.agent.id);
  });

  it('tells the student whose agent stayed away, and gives them someone else when they ask (issue 13)', async () => {
    const lin = await console_({ name: 'Lin' });
    const ada = await student('Ada');
    const bo = await student('Bo');
    okData(await request(lin.socket, 'message:send', { conversationId: ada.chat.id, clientId: newClientId(), text: 'On it' }));
    // Asking while the agent is there is refused and changes nothing; someone else's chat does not exist.
    expect(await request(ada.socket, 'conversation:requeue', { conversationId: ada.chat.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await request(bo.socket, 'conversation:requeue', { conversationId: ada.chat.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await stored(ada.chat.id)).toMatchObject({ status: 'active', assigneeId: lin.agent.id });

    const told = eventWhere<VisitorConversation>(ada.socket, 'conversation:updated', (c) => c.id === ada.chat.id && c.agentAway, 5_000);
    lin.socket.disconnect();
    expect(await told).toMatchObject({ status: 'active', agentName: 'Lin', agentAway: true });

    const back = okData(await request(ada.socket, 'conversation:requeue', { conversationId: ada.chat.id }));
    expect(back).toMatchObject({ status: 'queued', agentAway: false, queuePosition: expect.any(Number) });
    expect(await stored(ada.chat.id)).toMatchObject({ status: 'queued', routing: { attention: null } });
    // The next agent gets it; Lin, back later, does not get it again.
    const kim = await console_({ name: 'Kim' });
    await expect.poll(async () => (await stored(ada.chat.id))?.assigneeId).toBe(kim.agent.id);
  });

  it('keeps the chats of an agent whose console comes back within the grace period', async () => {
    const lin = await console_({ name: 'Lin' });
    const { chat } = await student('Ada');
    const cookie = await server.signIn(lin.agent.email, lin.agent.password);
    lin.socket.disconnect();
    const again = server.agentSocket(cookie);
    await nextEvent(again, 'session');
    await new Promise((r) => setTimeout(r, GRACE_MS + 1_300));
    expect(await stored(chat.id)).toMatchObject({ status: 'active', assigneeId: lin.agent.id });
    expect((await server.services.store.getAgent(lin.agent.id))?.presence).toBe('available');
  });

  it('notifies the account manager of their customer’s chat', async () => {
    const mia = await console_({ name: 'Mia', tier: 'account_manager' }, false);
    const big = await server.organisation({ identityRequired: false, name: 'Big District', accountManagerId: mia.agent.id });
    const notice = nextEvent<AgentNotice>(mia.socket, 'notice');
    const { chat } = await student('Ada', { urgency: 'class_stopped' }, big);
    // A code with parameters the console renders in its agent's language; the English text rides along.
    const got = await notice;
    expect(got).toEqual({
      kind: 'customer_chat',
      conversationId: chat.id,
      notice: { code: 'customer_chat_started', user: 'Ada', organisation: 'Big District', priority: 'P1' },
      text: 'Ada from Big District started a P1 chat.',
    });
    expect(renderNotice(got.notice, 'zh-CN')).toBe('Big District 的 Ada 发起了 P1 对话。');
    // Their customer's chat is theirs to read.
    okData(await request(mia.socket, 'conversation:open', { conversationId: chat.id }));
  });

  it('escalates to L2 and on to the organisation’s account manager, who is notified', async () => {
    const mia = await console_({ name: 'Mia', tier: 'account_manager' });
    const big = await server.organisation({ identityRequired: false, name: 'Big District', accountManagerId: mia.agent.id });
    const lin = await console_({ name: 'Lin', tier: 'L1' });
    const { chat } = await student('Ada', {}, big);
    const sam = await console_({ name: 'Sam', tier: 'L2' });
    const samGetsIt = eventWhere<ConversationSummary>(sam.socket, 'conversation:updated', (c) => c.id === chat.id && c.assignee?.id === sam.agent.id);
    okData(await request(lin.socket, 'conversation:escalate', { conversationId: chat.id, note: 'Reproducible on every device' }));
    await samGetsIt;
    const miaNotified = eventWhere<AgentNotice>(mia.socket, 'notice', (n) => n.text.includes('escalated'));
    const miaGetsIt = eventWhere<ConversationSummary>(mia.socket, 'conversation:updated', (c) => c.id === chat.id && c.assignee?.id === mia.agent.id);
    okData(await request(sam.socket, 'conversation:escalate', { conversationId: chat.id }));
    expect(await miaNotified).toMatchObject({
      notice: { code: 'chat_handed_to_you', by: 'Sam', how: 'escalated', organisation: 'Big District' },
      text: 'Sam escalated a chat from Big District to you.',
    });
    await miaGetsIt;
  });

  it('gives supervisors a live overview and refuses it to agents', async () => {
    const sue = await console_({ name: 'Sue', role: 'supervisor' }, false);
    const lin = await console_({ name: 'Lin' }, false);
    expect(await request(lin.socket, 'supervisor:watch')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await request(lin.socket, 'inbox:all')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const first = okData(await request(sue.socket, 'supervisor:watch'));
    expect(first.queue.map((q) => q.waiting)).toEqual([0, 0, 0, 0]);
    expect(first.nextDue).toBeNull();
    expect(first.agents.map((a) => `${a.name}:${a.presence}`).sort()).toEqual(['Administrator:offline', 'Lin:away', 'Sue:away']);

    const pushed = eventWhere<SupervisorOverview>(sue.socket, 'supervisor:overview', (o) => o.queue[0]?.waiting === 1);
    await student('Ada', { urgency: 'class_stopped' });
    const overview = await pushed;
    expect(overview.queue[0]).toMatchObject({ priority: 'P1', waiting: 1 });
    // Just arrived: not close to its deadline, but the supervisor sees it comes due first, and when.
    expect(overview.atRisk).toEqual([]);
    expect(overview.nextDue).toMatchObject({ userName: 'Ada', priority: 'P1', status: 'queued', assignee: null });
    expect(overview.nextDue!.firstResponseDueAt - overview.generatedAt).toBeGreaterThan(14 * 60_000);
    expect(okData(await request(sue.socket, 'inbox:all')).map((c) => c.user.name)).toEqual(['Ada']);
  });

  it('refuses malformed and out-of-turn hand-overs with typed errors and changes nothing', async () => {
    const lin = await console_({ name: 'Lin' });
    const { chat } = await student('Ada');
    const other = await console_({ name: 'Other' }, false);
    const before = await stored(chat.id);
    const refusals = await Promise.all([
      requestRaw(lin.socket, 'conversation:transfer', { conversationId: chat.id }),
      requestRaw(lin.socket, 'conversation:transfer', { conversationId: chat.id, to: { tier: 'L9' } }),
      request(lin.socket, 'conversation:transfer', { conversationId: chat.id, to: { agentId: 'nope' } }),
      request(lin.socket, 'conversation:transfer', { conversationId: chat.id, to: { agentId: newClientId() } }),
      request(lin.socket, 'conversation:escalate', { conversationId: chat.id, note: 'x'.repeat(4001) }),
      request(lin.socket, 'note:add', { conversationId: chat.id, clientId: newClientId(), text: '   ' }),
      request(other.socket, 'conversation:escalate', { conversationId: chat.id }),
      request(other.socket, 'note:add', { conversationId: chat.id, clientId: newClientId(), text: 'sneaky' }),
      request(lin.socket, 'queue:pick', { conversationId: chat.id }),
      request(lin.socket, 'conversation:transfer', { conversationId: chat.id, to: { agentId: other.agent.id } }),
    ]);
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'bad_request',
      'bad_request',
      'bad_request',
      'not_found',
      'bad_request',
      'bad_request',
      'forbidden',
      'forbidden',
      'conflict',
      'agent_unavailable',
    ]);
    expect(await stored(chat.id)).toEqual(before);
    expect(await server.services.store.listMoves(chat.id)).toHaveLength(1);
    expect(await server.services.store.listNotes(chat.id)).toEqual([]);
  });
});
