// Routing with a fake clock against a real (in-memory SQLite) store: queue order, tiers, capacity, re-offers.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareCandidates, deadlineRouting, mayTake } from '../../server/domain/routing/chat-routing-policy';
import { createRoutingServices } from '../../server/domain/routing/routing-services';
import { initialRouting } from '../../server/domain/routing/initial-routing';
import type { AgentLoad, Conversation } from '../../server/domain/records';
import { renderNotice } from '../../shared/notices/render';
import { anOrganisation } from '../support/records';
import { routingHarness, type RoutingHarness } from '../support/routing-harness';

const load = (agentId: string, over: Partial<AgentLoad> = {}): AgentLoad => ({
  agentId,
  tier: 'L1',
  role: 'agent',
  capacity: 3,
  activeChats: 0,
  lastAssignedAt: 0,
  ...over,
});

const chatAt = (id: string, createdAt: number, over: Partial<Conversation['routing']> = {}): Conversation => ({
  id,
  organisationId: 'org',
  endUserId: 'user',
  clientId: id,
  status: 'queued',
  assigneeId: null,
  context: { organisation: 'Maple School' },
  lastSeq: 0,
  createdAt,
  assignedAt: null,
  closedAt: null,
  routing: { ...initialRouting({}, null, createdAt), ...over },
});

describe('the routing policy', () => {
  it('orders the queue by first-response deadline, then by arrival', () => {
    const homework = chatAt('homework', 1_000, { priority: 'P4', firstResponseDueAt: 1_000 + 4 * 3600_000 });
    const broken = chatAt('broken', 2_000, { priority: 'P3', firstResponseDueAt: 2_000 + 2 * 3600_000 });
    const liveClass = chatAt('live-class', 3_000, { priority: 'P1', firstResponseDueAt: 3_000 + 15 * 60_000 });
    const sameDeadlineLater = chatAt('later', 4_000, { priority: 'P1', firstResponseDueAt: 3_000 + 15 * 60_000 });
    const order = deadlineRouting.orderQueue([homework, sameDeadlineLater, broken, liveClass]).map((c) => c.id);
    expect(order).toEqual(['live-class', 'later', 'broken', 'homework']);
  });

  it('puts chats that went back to the queue in front of everything else', () => {
    const urgent = chatAt('urgent', 5_000, { priority: 'P1', firstResponseDueAt: 6_000 });
    const returned = chatAt('returned', 1_000, { priority: 'P4', firstResponseDueAt: 99_000, front: true });
    expect(deadlineRouting.orderQueue([urgent, returned]).map((c) => c.id)).toEqual(['returned', 'urgent']);
  });

  it('offers a chat to the lowest tier first, then to whoever has the fewest chats, then who waited longest', () => {
    const agents = [
      load('senior-idle', { tier: 'L2' }),
      load('busy', { activeChats: 2 }),
      load('recent', { activeChats: 1, lastAssignedAt: 900 }),
      load('earlier', { activeChats: 1, lastAssignedAt: 100 }),
      load('full', { activeChats: 3 }),
    ];
    const order = deadlineRouting.candidates(chatAt('c', 0), agents).map((a) => a.agentId);
    expect(order).toEqual(['earlier', 'recent', 'busy', 'senior-idle']);
    expect([...agents].sort(compareCandidates)[0]?.agentId).toBe('earlier');
  });

  it('gives chats handed to L2 only to L2, and keeps account managers for their own reservations', () => {
    const forL2 = chatAt('c', 0, { target: 'L2' });
    expect(mayTake(forL2, load('l1'))).toBe(false);
    expect(mayTake(forL2, load('l2', { tier: 'L2' }))).toBe(true);
    const general = chatAt('g', 0);
    expect(mayTake(general, load('am', { tier: 'account_manager' }))).toBe(false);
    const reserved = chatAt('r', 0, { target: 'account_manager', reservedFor: 'am' });
    expect(mayTake(reserved, load('am', { tier: 'account_manager' }))).toBe(true);
    expect(mayTake(reserved, load('l2', { tier: 'L2' }))).toBe(false);
  });

  it('does not hand a chat straight back to the agent who handed it over, and sends supervisor chats to supervisors', () => {
    expect(mayTake(chatAt('c', 0, { avoidAgentId: 'me' }), load('me'))).toBe(false);
    const forSupervisors = chatAt('s', 0, { target: 'supervisors' });
    expect(mayTake(forSupervisors, load('agent', { tier: 'L2' }))).toBe(false);
    expect(mayTake(forSupervisors, load('boss', { role: 'supervisor' }))).toBe(true);
  });
});

describe('Router', () => {
  let h: RoutingHarness;
  beforeEach(async () => {
    h = await routingHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('leaves chats queued while nobody is available', async () => {
    await h.agent({ presence: 'away' });
    const chat = await h.chat();
    expect(await h.assigneeOf(chat)).toBeNull();
    expect(h.seen.filter((e) => e.type === 'conversation.assigned')).toEqual([]);
  });

  it('serves a teacher whose live class is running before an earlier homework question', async () => {
    const homework = await h.chat({ urgency: 'question' });
    const teacher = await h.chat({ urgency: 'not_working_well', context: { role: 'teacher', liveClass: true } });
    expect((await h.store.getConversation(teacher))?.routing.priority).toBe('P1');
    expect((await h.store.getConversation(homework))?.routing.priority).toBe('P4');

    const agent = await h.agent({ capacity: 1, presence: 'away' });
    await h.agentPresence.setAvailable(agent.id, true);
    expect(await h.assigneeOf(teacher)).toBe(agent.id);
    expect(await h.assigneeOf(homework)).toBeNull();
  });

  it('assigns to an available L1 engineer before an idle L2 engineer', async () => {
    const senior = await h.agent({ tier: 'L2', name: 'Sam Senior' });
    const first = await h.agent({ tier: 'L1', capacity: 1, name: 'Lin' });
    const a = await h.chat();
    const b = await h.chat();
    expect(await h.assigneeOf(a)).toBe(first.id);
    // L1 is full: the next chat goes up to L2 rather than waiting.
    expect(await h.assigneeOf(b)).toBe(senior.id);
  });

  it('tells the user who they are talking to, and records the assignment', async () => {
    await h.agent({ name: 'Lin', tier: 'L1' });
    const chat = await h.chat();
    const [message] = await h.store.listMessagesAfter(chat, 0, 10);
    expect(message).toMatchObject({ authorKind: 'system', text: 'You are now talking to Lin, a support engineer.' });
    expect(await h.store.listMoves(chat)).toEqual([
      expect.objectContaining({ kind: 'assigned', actor: null, to: expect.objectContaining({ name: 'Lin' }) }),
    ]);
    expect(h.seen.filter((e) => e.type === 'conversation.assigned')).toHaveLength(1);
  });

  it('re-offers the queue as soon as an agent gets room, longest deadline pressure first', async () => {
    const agent = await h.agent({ capacity: 1 });
    const [first, second, third] = [await h.chat(), await h.chat({ urgency: 'question' }), await h.chat({ urgency: 'class_stopped' })];
    expect(await h.assigneeOf(first)).toBe(agent.id);
    // Capacity frees up: the most urgent waiting chat (P1) goes next, not the one that came earlier.
    await h.store.closeConversation(first, h.clock.now());
    await h.router.offerQueued();
    expect(await h.assigneeOf(third)).toBe(agent.id);
    expect(await h.assigneeOf(second)).toBeNull();
    // More capacity from an admin offers the rest at once.
    const admin = await h.agent({ role: 'admin', presence: 'offline' });
    await h.agentAdmin.update(admin, agent.id, { capacity: 2 });
    expect(await h.assigneeOf(second)).toBe(agent.id);
  });

  it('does not read the queue while nobody has room, and serves it in order once someone has', async () => {
    const agent = await h.agent({ capacity: 1 });
    const first = await h.chat();
    expect(await h.assigneeOf(first)).toBe(agent.id);
    const listQueued = h.store.listQueued;
    let reads = 0;
    h.store.listQueued = () => {
      reads += 1;
      return listQueued();
    };
    // A class starts while the only agent is full: many arrivals, and not one read of the whole queue.
    const waiting = [];
    for (let i = 0; i < 20; i++) waiting.push(await h.chat({ urgency: i === 7 ? 'class_stopped' : 'question' }));
    expect(reads).toBe(0);
    await h.store.closeConversation(first, h.clock.now());
    await h.router.offerQueued();
    expect(reads).toBe(1);
    expect(await h.assigneeOf(waiting[7]!)).toBe(agent.id);
    expect((await h.store.listQueued()).length).toBe(19);
  });

  it('notifies the organisation’s account manager of a customer chat without routing it to them', async () => {
    const manager = await h.agent({ tier: 'account_manager', name: 'Mia Manager' });
    const org = await h.store.createOrganisation(anOrganisation({ name: 'Big School', accountManagerId: manager.id }));
    const chat = await h.chat({ org, userName: 'Ada', urgency: 'cannot_take_part' });
    const notice = h.seen.find((e) => e.type === 'account_manager.notified');
    // A code with parameters, worded by each reader's client: in English for this manager.
    expect(notice).toMatchObject({
      manager: { id: manager.id },
      notice: { code: 'customer_chat_started', user: 'Ada', organisation: 'Big School', priority: 'P2' },
    });
    expect(notice?.type === 'account_manager.notified' && renderNotice(notice.notice, 'en')).toBe('Ada from Big School started a P2 chat.');
    expect(await h.store.listMoves(chat)).toEqual([expect.objectContaining({ kind: 'notified', to: { id: manager.id, name: 'Mia Manager' } })]);
    expect(await h.assigneeOf(chat)).toBeNull();
  });

  it('never exceeds capacity or double-assigns when two routers race on one store', async () => {
    const agents = [await h.agent({ capacity: 2 }), await h.agent({ capacity: 3 }), await h.agent({ capacity: 1 })];
    for (const agent of agents) await h.store.setAgentPresence(agent.id, 'away');
    const chats: string[] = [];
    for (let i = 0; i < 15; i++) chats.push(await h.chat());
    for (const agent of agents) await h.store.setAgentPresence(agent.id, 'available');
    const otherNode = createRoutingServices({
      store: h.store,
      events: h.events,
      clock: h.clock,
      newId: randomUUID,
      onError: (e) => {
        throw e;
      },
    });
    await Promise.all([h.router.offerQueued(), otherNode.router.offerQueued(), h.router.offerQueued(), otherNode.router.offerQueued()]);

    const owners = await Promise.all(chats.map((c) => h.assigneeOf(c)));
    for (const agent of agents) expect(owners.filter((o) => o === agent.id)).toHaveLength(agent.capacity);
    const announced = h.seen.flatMap((e) => (e.type === 'conversation.assigned' ? [e.conversation.id] : []));
    expect(announced).toHaveLength(6);
    expect(new Set(announced).size).toBe(6);
  });
});
