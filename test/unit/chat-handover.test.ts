// Manual control with a fake clock: picking from the queue, transfers with a handover note, the escalation
// chain, read access for the previous agent, and refusals that change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainError } from '../../server/domain/errors';
import type { Agent } from '../../server/domain/records';
import { anOrganisation } from '../support/records';
import { routingHarness, type RoutingHarness } from '../support/routing-harness';

const refusal = (code: string) => expect.objectContaining({ name: 'DomainError', code }) as unknown as DomainError;
const lastWords = async (h: RoutingHarness, id: string) => (await h.store.listMessagesAfter(id, 0, 50)).at(-1)?.text;

describe('manual control of chats', () => {
  let h: RoutingHarness;
  let lin: Agent;
  beforeEach(async () => {
    h = await routingHarness();
    lin = await h.agent({ name: 'Lin', tier: 'L1', capacity: 2 });
  });
  afterEach(async () => {
    await h.close();
  });

  it('lets an agent pick a queued chat by hand, whatever its presence, and only one of two pickers wins', async () => {
    await h.store.setAgentPresence(lin.id, 'away');
    const kim = await h.agent({ name: 'Kim', presence: 'away' });
    const chat = await h.chat();
    const results = await Promise.allSettled([h.handover.pick(lin, chat), h.handover.pick(kim, chat)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: refusal('conflict') });
    const owner = await h.assigneeOf(chat);
    expect(await h.store.listMoves(chat)).toEqual([expect.objectContaining({ kind: 'picked', actor: expect.objectContaining({ id: owner }) })]);
  });

  it('refuses a pick beyond capacity and leaves the chat queued', async () => {
    await h.chat();
    await h.chat();
    await h.store.setAgentPresence(lin.id, 'away');
    const third = await h.chat();
    await expect(h.handover.pick({ ...lin, presence: 'away' }, third)).rejects.toEqual(refusal('agent_unavailable'));
    expect((await h.store.getConversation(third))?.status).toBe('queued');
  });

  it('transfers to a named colleague with a handover note the user never reads', async () => {
    const chat = await h.chat();
    const sam = await h.agent({ name: 'Sam', tier: 'L2' });
    await h.handover.transfer(lin, chat, { agentId: sam.id }, 'Mic permission already checked; Chrome 120 on a school Chromebook');
    expect(await h.assigneeOf(chat)).toBe(sam.id);
    expect(await lastWords(h, chat)).toBe('You are now talking to Sam, a senior engineer.');
    const texts = (await h.store.listMessagesAfter(chat, 0, 50)).map((m) => m.text).join('\n');
    expect(texts).not.toContain('Mic permission');
    expect((await h.store.listMoves(chat)).at(-1)).toMatchObject({
      kind: 'transferred',
      actor: { id: lin.id, name: 'Lin' },
      from: { id: lin.id, name: 'Lin' },
      to: { id: sam.id, name: 'Sam' },
      note: 'Mic permission already checked; Chrome 120 on a school Chromebook',
    });
    // Lin keeps read access; a colleague who never held it does not get it.
    await expect(h.access.readable(lin, chat)).resolves.toMatchObject({ id: chat });
    const other = await h.agent({ name: 'Other' });
    await expect(h.access.readable(other, chat)).rejects.toEqual(refusal('forbidden'));
  });

  it('refuses a transfer to a colleague who is away, and changes nothing', async () => {
    const chat = await h.chat();
    const away = await h.agent({ name: 'Away', presence: 'away' });
    const before = await h.store.listMessagesAfter(chat, 0, 50);
    await expect(h.handover.transfer(lin, chat, { agentId: away.id }, null)).rejects.toEqual(refusal('agent_unavailable'));
    expect(await h.assigneeOf(chat)).toBe(lin.id);
    expect(await h.store.listMessagesAfter(chat, 0, 50)).toEqual(before);
    expect(await h.store.listMoves(chat)).toHaveLength(1);
  });

  it('lets only the assignee or a supervisor hand a chat over', async () => {
    const chat = await h.chat();
    const other = await h.agent({ name: 'Other' });
    await expect(h.handover.escalate(other, chat, null)).rejects.toEqual(refusal('forbidden'));
    const boss = await h.agent({ name: 'Boss', role: 'supervisor', presence: 'offline' });
    await h.handover.escalate(boss, chat, 'Needs L2');
    expect((await h.store.getConversation(chat))?.routing.target).toBe('L2');
  });

  it('transfers to the L2 queue at the front, where L1 cannot take it and an L2 engineer does', async () => {
    const chat = await h.chat();
    await h.handover.transfer(lin, chat, { tier: 'L2' }, 'Reproducible packet loss, needs logs');
    const queued = await h.store.getConversation(chat);
    expect(queued).toMatchObject({ status: 'queued', routing: { target: 'L2', front: true, avoidAgentId: lin.id } });
    expect(await lastWords(h, chat)).toBe('We are bringing in a senior engineer. You stay at the front of the queue.');
    const kim = await h.agent({ name: 'Kim', tier: 'L1', presence: 'away' });
    await h.agentPresence.setAvailable(kim.id, true);
    expect(await h.assigneeOf(chat)).toBeNull();
    const sam = await h.agent({ name: 'Sam', tier: 'L2', presence: 'away' });
    await h.agentPresence.setAvailable(sam.id, true);
    expect(await h.assigneeOf(chat)).toBe(sam.id);
    expect(await lastWords(h, chat)).toBe('You are now talking to Sam, a senior engineer.');
  });

  it('escalates L1 → L2 → the organisation’s account manager → supervisors', async () => {
    const mia = await h.agent({ name: 'Mia', tier: 'account_manager' });
    const org = await h.store.createOrganisation(anOrganisation({ name: 'Big School', accountManagerId: mia.id }));
    const sam = await h.agent({ name: 'Sam', tier: 'L2', presence: 'away' });
    const chat = await h.chat({ org });
    expect(await h.assigneeOf(chat)).toBe(lin.id);

    await h.handover.escalate(lin, chat, null);
    await h.agentPresence.setAvailable(sam.id, true);
    expect(await h.assigneeOf(chat)).toBe(sam.id);

    h.seen.length = 0;
    await h.handover.escalate(sam, chat, 'Their whole district is affected');
    expect(await h.assigneeOf(chat)).toBe(mia.id);
    expect(h.seen.find((e) => e.type === 'account_manager.notified')).toMatchObject({ manager: { id: mia.id } });
    expect(await lastWords(h, chat)).toBe('You are now talking to Mia, your account manager.');

    await h.handover.escalate(mia, chat, null);
    expect((await h.store.getConversation(chat))?.routing.target).toBe('supervisors');
    expect((await h.store.listPreviousAssignees(chat)).sort()).toEqual([lin.id, sam.id, mia.id].sort());
    const kinds = (await h.store.listMoves(chat)).map((m) => `${m.kind}:${m.toTarget ?? m.to?.name ?? ''}`);
    expect(kinds).toEqual([
      'notified:Mia',
      'assigned:Lin',
      'escalated:L2',
      'assigned:Sam',
      'escalated:account_manager',
      'assigned:Mia',
      'escalated:supervisors',
    ]);
  });

  it('escalates from L2 straight to the supervisors when the organisation has no account manager', async () => {
    const sam = await h.agent({ name: 'Sam', tier: 'L2' });
    await h.store.setAgentPresence(lin.id, 'away');
    const chat = await h.chat();
    expect(await h.assigneeOf(chat)).toBe(sam.id);
    await h.handover.escalate(sam, chat, null);
    expect((await h.store.getConversation(chat))?.routing.target).toBe('supervisors');
    expect(await lastWords(h, chat)).toBe('We are bringing in a support supervisor. You stay at the front of the queue.');
  });

  it('refuses to transfer a closed chat or to an unknown agent', async () => {
    const chat = await h.chat();
    await expect(h.handover.transfer(lin, chat, { agentId: crypto.randomUUID() }, null)).rejects.toEqual(refusal('not_found'));
    await expect(h.handover.transfer(lin, chat, { tier: 'account_manager' }, null)).rejects.toEqual(refusal('not_found'));
    await h.store.closeConversation(chat, h.clock.now());
    await expect(h.handover.transfer(lin, chat, { tier: 'L2' }, null)).rejects.toEqual(refusal('conversation_closed'));
  });
});
