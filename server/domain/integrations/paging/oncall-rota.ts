// The on-call rota of an organisation (admins): the time zone shifts are entered in, who is on call when per
// tier, and the team chats pages are posted to. Also answers who is on call for a tier at a given moment.
import { DateTime } from 'luxon';
import {
  MAX_CHANNELS_PER_ORGANISATION,
  MAX_SHIFT_MS,
  MAX_SHIFTS_PER_ORGANISATION,
  ONCALL_TIERS,
  type CreateChannelInput,
  type CreateShiftInput,
  type OncallTier,
  type OncallView,
  type OncallShiftView,
  type PagingChannelView,
} from '../../../../shared/paging';
import { DomainError } from '../../errors';
import type { Clock, Store } from '../../ports';
import type { Agent } from '../../records';
import { requireRole } from '../../roles';
import type { WebhookSender } from '../webhooks/webhook-sender';
import type { OncallShiftRecord, PagingChannelRecord } from './paging-store';

/** A shift shown to admins stays listed this long after it ended. */
const PAST_SHIFTS_MS = 24 * 3600_000;

/** Incoming-webhook URLs carry their secret token: only the host and the start of the path are shown. */
export function shortenedUrl(url: string): string {
  const u = new URL(url);
  const path = u.pathname.length > 12 ? `${u.pathname.slice(0, 12)}…` : u.pathname;
  return `${u.protocol}//${u.host}${path}${u.search ? '?…' : ''}`;
}

export class OncallRota {
  constructor(private readonly deps: { store: Store; clock: Clock; newId: () => string; sender: WebhookSender }) {}

  /** The rota's time zone: as set, else the support plan's opening-hours zone, else UTC. */
  async timeZone(organisationId: string): Promise<string> {
    const { store } = this.deps;
    return (await store.getOncallTimeZone(organisationId)) ?? (await store.organisationSupportPlan(organisationId))?.businessHours?.timeZone ?? 'UTC';
  }

  /** Who is on call for a tier at `at`: the latest-starting shift covering it whose agent is still active. */
  async onCall(organisationId: string, tier: OncallTier, at: number): Promise<{ shift: OncallShiftRecord; agent: Agent } | null> {
    for (const shift of await this.deps.store.shiftsAt(organisationId, tier, at)) {
      const agent = await this.deps.store.getAgent(shift.agentId);
      if (agent?.active) return { shift, agent };
    }
    return null;
  }

  async view(actor: Agent, organisationId: string): Promise<OncallView> {
    requireRole(actor, 'admin', 'supervisor');
    await this.organisation(organisationId);
    const { store, clock } = this.deps;
    const now = clock.now();
    const zone = await this.timeZone(organisationId);
    const shifts = await store.listShifts(organisationId, now - PAST_SHIFTS_MS);
    const names = new Map((await store.listAgents()).map((a) => [a.id, a.name]));
    const current = {} as OncallView['now'];
    for (const tier of ONCALL_TIERS) {
      const who = await this.onCall(organisationId, tier, now);
      current[tier] = who ? { agentId: who.agent.id, agentName: who.agent.name } : null;
    }
    return {
      organisationId,
      timeZone: zone,
      shifts: shifts.map((s) => shiftView(s, zone, names.get(s.agentId) ?? '')),
      channels: (await store.listPagingChannels(organisationId)).map(channelView),
      now: current,
    };
  }

  async setTimeZone(actor: Agent, organisationId: string, timeZone: string): Promise<{ timeZone: string }> {
    requireRole(actor, 'admin');
    await this.organisation(organisationId);
    await this.deps.store.setOncallTimeZone(organisationId, timeZone, this.deps.clock.now());
    return { timeZone };
  }

  async addShift(actor: Agent, organisationId: string, input: CreateShiftInput, consoleOrigin: string | null): Promise<OncallShiftView> {
    requireRole(actor, 'admin');
    const { store, clock, newId } = this.deps;
    await this.organisation(organisationId);
    const agent = await store.getAgent(input.agentId);
    if (!agent?.active) throw new DomainError('bad_request', 'agentId: no active agent with this id');
    const zone = await this.timeZone(organisationId);
    const startsAt = instant(input.startsAt, zone, 'startsAt');
    const endsAt = instant(input.endsAt, zone, 'endsAt');
    if (endsAt <= startsAt) throw new DomainError('bad_request', 'endsAt: must be after startsAt');
    if (endsAt - startsAt > MAX_SHIFT_MS) throw new DomainError('bad_request', 'endsAt: a shift may last at most 31 days');
    if (endsAt <= clock.now()) throw new DomainError('bad_request', 'endsAt: the shift is over already');
    if ((await store.countShifts(organisationId)) >= MAX_SHIFTS_PER_ORGANISATION) {
      throw new DomainError('conflict', `An organisation can have at most ${MAX_SHIFTS_PER_ORGANISATION} shifts; delete old ones first`);
    }
    const shift: OncallShiftRecord = {
      id: newId(),
      organisationId,
      tier: input.tier,
      agentId: agent.id,
      startsAt,
      endsAt,
      consoleOrigin,
      createdBy: actor.id,
      createdAt: clock.now(),
    };
    await store.addShift(shift);
    return shiftView(shift, zone, agent.name);
  }

  /** Deletes a shift; answers what it was, for the audit log. */
  async deleteShift(actor: Agent, organisationId: string, shiftId: string): Promise<{ id: string; removed: OncallShiftView | null }> {
    requireRole(actor, 'admin');
    const { store } = this.deps;
    const shift = (await store.listShifts(organisationId, 0)).find((s) => s.id === shiftId);
    if (!(await store.deleteShift(organisationId, shiftId))) throw new DomainError('not_found', 'No such shift');
    const removed = shift ? shiftView(shift, await this.timeZone(organisationId), (await store.getAgent(shift.agentId))?.name ?? '') : null;
    return { id: shiftId, removed };
  }

  async addChannel(actor: Agent, organisationId: string, input: CreateChannelInput): Promise<PagingChannelView> {
    requireRole(actor, 'admin');
    const { store, clock, newId, sender } = this.deps;
    await this.organisation(organisationId);
    if ((await store.listPagingChannels(organisationId)).length >= MAX_CHANNELS_PER_ORGANISATION) {
      throw new DomainError('conflict', `An organisation can have at most ${MAX_CHANNELS_PER_ORGANISATION} team chats`);
    }
    // The same rule as webhooks: no loopback or private addresses unless the deployment allows them.
    await sender.checkUrl(input.url);
    const channel: PagingChannelRecord = { id: newId(), organisationId, url: input.url, format: input.format, createdAt: clock.now() };
    await store.addPagingChannel(channel);
    return channelView(channel);
  }

  /** Deletes a team chat; answers what it was (its URL shortened), for the audit log. */
  async deleteChannel(actor: Agent, organisationId: string, channelId: string): Promise<{ id: string; removed: PagingChannelView | null }> {
    requireRole(actor, 'admin');
    const { store } = this.deps;
    const channel = (await store.listPagingChannels(organisationId)).find((c) => c.id === channelId);
    if (!(await store.deletePagingChannel(organisationId, channelId))) throw new DomainError('not_found', 'No such team chat');
    return { id: channelId, removed: channel ? channelView(channel) : null };
  }

  private async organisation(id: string): Promise<void> {
    if (!(await this.deps.store.getOrganisation(id))) throw new DomainError('not_found', 'No such organisation');
  }
}

/** A wall time in the rota's zone as epoch ms; a time skipped by a daylight-saving change is refused. */
function instant(wall: string, zone: string, field: string): number {
  const at = DateTime.fromISO(wall, { zone });
  if (!at.isValid || at.toFormat("yyyy-MM-dd'T'HH:mm") !== wall) throw new DomainError('bad_request', `${field}: ${wall} does not exist in ${zone}`);
  return at.toMillis();
}

const wallTime = (ms: number, zone: string): string => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

const shiftView = (s: OncallShiftRecord, zone: string, agentName: string): OncallShiftView => ({
  id: s.id,
  tier: s.tier,
  agentId: s.agentId,
  agentName,
  startsAt: wallTime(s.startsAt, zone),
  endsAt: wallTime(s.endsAt, zone),
  startsAtMs: s.startsAt,
  endsAtMs: s.endsAt,
});

const channelView = (c: PagingChannelRecord): PagingChannelView => ({ id: c.id, url: shortenedUrl(c.url), format: c.format, createdAt: c.createdAt });
