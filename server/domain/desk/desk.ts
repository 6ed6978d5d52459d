// The account manager's desk: their organisations with health at a glance, check-ins with each customer
// (a reminder before each, sent once across the nodes) and launch windows (closer attention around a launch).
import type { CheckIn, CheckInReminder, DeskDetail, DeskOrganisation, LaunchWindow } from '../../../shared/desk';
import type { CreateCheckInInput, CreateLaunchWindowInput, UpdateCheckInInput } from '../../../shared/desk-schemas';
import type { ClassroomHealth } from '../../../shared/quality';
import type { SatisfactionFigures } from '../../../shared/satisfaction';
import { DomainError } from '../errors';
import type { Clock, Store } from '../ports';
import type { Agent, Organisation } from '../records';
import type { Ticket } from '../tickets/ticket-records';
import { deskOrganisation, deskOrganisations } from './desk-access';
import { healthOf } from './desk-health';
import type { LaunchWindowBook } from './launch-windows';

const DAY = 86_400_000;
const OPEN = ['new', 'open', 'pending'] as const;
/** Enough for any one customer's open tickets; the desk shows counts, not the tickets. */
const MOST_OPEN = 5_000;
/** The desk page shows the last week's check-ins too (their notes are written after the meeting). */
const PAST_SHOWN = 7 * DAY;
const REMINDERS_PER_RUN = 100;
/** Open incidents are listed first; more than this many open at once is beyond what the desk counts. */
const MOST_INCIDENTS = 1_000;

export interface DeskDeps {
  store: Store;
  clock: Clock;
  newId: () => string;
  launches: LaunchWindowBook;
  /** Classrooms reporting quality now (the live monitor). */
  classrooms(): ClassroomHealth[];
  satisfaction(): Promise<SatisfactionFigures>;
}

export class Desk {
  constructor(private readonly deps: DeskDeps) {}

  async overview(actor: Agent): Promise<DeskOrganisation[]> {
    const orgs = await deskOrganisations(this.deps.store, actor);
    const satisfaction = orgs.length ? await this.deps.satisfaction() : null;
    const live = { classrooms: this.deps.classrooms(), incidents: await this.openIncidents() };
    return Promise.all(orgs.map((org) => this.summary(org, live, satisfaction)));
  }

  /** The organisations the actor may see, names only (the Reports section's filter). */
  async names(actor: Agent): Promise<Array<{ id: string; name: string }>> {
    return (await deskOrganisations(this.deps.store, actor)).map((o) => ({ id: o.id, name: o.name }));
  }

  async detail(actor: Agent, organisationId: string): Promise<DeskDetail> {
    const { store, clock } = this.deps;
    const org = await deskOrganisation(store, actor, organisationId);
    const now = clock.now();
    const [summary, checkIns, launchWindows] = await Promise.all([
      this.summary(org, { classrooms: this.deps.classrooms(), incidents: await this.openIncidents() }, await this.deps.satisfaction()),
      store.listCheckIns(org.id, now - PAST_SHOWN, 200),
      store.listLaunchWindows(org.id, now - PAST_SHOWN),
    ]);
    return { organisation: summary, checkIns, launchWindows };
  }

  async scheduleCheckIn(actor: Agent, input: CreateCheckInInput): Promise<CheckIn> {
    const { store, clock, newId } = this.deps;
    const org = await deskOrganisation(store, actor, input.organisationId);
    const now = clock.now();
    if (input.at <= now) throw new DomainError('bad_request', 'A check-in is scheduled in the future');
    const checkIn: CheckIn = {
      id: newId(),
      organisationId: org.id,
      at: input.at,
      agenda: input.agenda,
      notes: input.notes,
      remindMinutesBefore: input.remindMinutesBefore,
      remindedAt: null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    };
    await store.saveCheckIn(checkIn);
    return checkIn;
  }

  async updateCheckIn(actor: Agent, id: string, patch: UpdateCheckInInput): Promise<CheckIn> {
    const { store, clock } = this.deps;
    const current = await this.checkIn(actor, id);
    const moved =
      (patch.at !== undefined && patch.at !== current.at) ||
      (patch.remindMinutesBefore !== undefined && patch.remindMinutesBefore !== current.remindMinutesBefore);
    if (patch.at !== undefined && patch.at !== current.at && patch.at <= clock.now())
      throw new DomainError('bad_request', 'A check-in is moved to the future');
    const next: CheckIn = {
      ...current,
      ...patch,
      // A new time (or reminder) gets a new reminder; notes written afterwards do not send the old one again.
      remindedAt: moved ? null : current.remindedAt,
      updatedAt: clock.now(),
    };
    await store.saveCheckIn(next);
    return next;
  }

  async cancelCheckIn(actor: Agent, id: string): Promise<void> {
    await this.checkIn(actor, id);
    await this.deps.store.deleteCheckIn(id);
  }

  async declareLaunch(actor: Agent, input: CreateLaunchWindowInput): Promise<LaunchWindow> {
    const { store, clock, newId, launches } = this.deps;
    const org = await deskOrganisation(store, actor, input.organisationId);
    const now = clock.now();
    if (input.endsAt <= now) throw new DomainError('bad_request', 'A launch window must end in the future');
    const window: LaunchWindow = {
      id: newId(),
      organisationId: org.id,
      title: input.title,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      createdBy: actor.id,
      createdAt: now,
    };
    await store.addLaunchWindow(window);
    await launches.changed();
    return window;
  }

  async removeLaunch(actor: Agent, id: string): Promise<void> {
    const { store, launches } = this.deps;
    const window = await store.getLaunchWindow(id);
    if (!window) throw new DomainError('not_found', 'No such launch window');
    await deskOrganisation(store, actor, window.organisationId);
    await store.deleteLaunchWindow(id);
    await launches.changed();
  }

  /**
   * Claims every reminder due by now (a conditional write: one node sends each, once) and answers them with
   * whom to tell: the organisation's account manager, else whoever scheduled it.
   */
  async claimDueReminders(): Promise<Array<{ recipients: string[]; reminder: CheckInReminder }>> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const due = await store.listCheckInRemindersDue(now, REMINDERS_PER_RUN);
    const sent: Array<{ recipients: string[]; reminder: CheckInReminder }> = [];
    for (const c of due) {
      if (!(await store.claimCheckInReminder(c.id, now))) continue;
      const org = await store.getOrganisation(c.organisationId);
      if (!org) continue;
      sent.push({
        recipients: [org.accountManagerId ?? c.createdBy],
        reminder: { checkInId: c.id, organisationId: org.id, organisationName: org.name, at: c.at, agenda: c.agenda },
      });
    }
    return sent;
  }

  private async checkIn(actor: Agent, id: string): Promise<CheckIn> {
    const checkIn = await this.deps.store.getCheckIn(id);
    if (!checkIn) throw new DomainError('not_found', 'No such check-in');
    await deskOrganisation(this.deps.store, actor, checkIn.organisationId);
    return checkIn;
  }

  /** Open incidents per organisation. */
  private async openIncidents(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const i of await this.deps.store.listIncidents(Number.MAX_SAFE_INTEGER, MOST_INCIDENTS)) {
      if (i.resolvedAt === null) counts.set(i.organisationId, (counts.get(i.organisationId) ?? 0) + 1);
    }
    return counts;
  }

  private async summary(
    org: Organisation,
    live: { classrooms: ClassroomHealth[]; incidents: Map<string, number> },
    satisfaction: SatisfactionFigures | null,
  ): Promise<DeskOrganisation> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const [open, plan, manager, checkIns, windows, rotaZone] = await Promise.all([
      store.listTickets({ organisationId: org.id, statuses: [...OPEN], limit: MOST_OPEN }) as Promise<Ticket[]>,
      org.supportPlanId ? store.getSupportPlan(org.supportPlanId) : null,
      org.accountManagerId ? store.getAgent(org.accountManagerId) : null,
      store.listCheckIns(org.id, now, 1),
      store.listLaunchWindows(org.id, now),
      store.getOncallTimeZone(org.id),
    ]);
    const active = windows.find((w) => w.startsAt <= now) ?? null;
    return {
      id: org.id,
      name: org.name,
      accountManager: manager ? { id: manager.id, name: manager.name } : null,
      plan: plan ? { id: plan.id, name: plan.name } : null,
      timeZone: plan?.businessHours?.timeZone ?? rotaZone ?? null,
      health: healthOf(org.id, open, live.classrooms, satisfaction, live.incidents.get(org.id) ?? 0),
      nextCheckIn: checkIns[0] ?? null,
      launchWindow: active ?? windows[0] ?? null,
      launchActive: active !== null,
    };
  }
}
