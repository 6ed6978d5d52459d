// Launch windows in effect: which organisations are launching now, answered synchronously from a cache that a
// change on this node updates at once and a short age refreshes (another node's change arrives within
// REFRESH_MS). While one runs, the organisation's new chats and tickets are one priority more urgent and its
// classrooms are judged by tighter quality rules.
import type { QualityRules } from '../../../shared/quality';
import type { LaunchWindow } from '../../../shared/desk';
import type { TicketPriority } from '../../../shared/ticket-model';
import type { Clock, Store } from '../ports';

const REFRESH_MS = 30_000;
const PRIORITIES: TicketPriority[] = ['P1', 'P2', 'P3', 'P4'];

/** One step more urgent, never above P1. */
export const raisedForLaunch = <P extends TicketPriority>(priority: P): P => PRIORITIES[Math.max(0, PRIORITIES.indexOf(priority) - 1)] as P;

/**
 * The rules a launching organisation's classrooms are watched by: a user counts as degraded at two thirds of
 * the usual thresholds and sooner, a classroom at fewer users and a smaller share. Never looser than `rules`.
 */
export function launchRules(rules: QualityRules): QualityRules {
  // Scaled down to a floor, but never above the organisation’s own value.
  const at = (n: number, f: number, floor: number) => Math.min(n, Math.max(floor, n * f));
  return {
    user: {
      ...rules.user,
      rttMs: Math.round(at(rules.user.rttMs, 2 / 3, 1)),
      packetLossPct: at(rules.user.packetLossPct, 2 / 3, 0.1),
      jitterMs: Math.round(at(rules.user.jitterMs, 2 / 3, 1)),
      degradedAfterMs: Math.round(at(rules.user.degradedAfterMs, 0.5, 5_000)),
    },
    classroom: {
      ...rules.classroom,
      minUsers: Math.max(1, Math.min(rules.classroom.minUsers, rules.classroom.minUsers - 1)),
      share: at(rules.classroom.share, 2 / 3, 0.05),
      minUsersForShare: Math.max(1, Math.min(rules.classroom.minUsersForShare, rules.classroom.minUsersForShare - 1)),
    },
    incident: rules.incident,
  };
}

export class LaunchWindowBook {
  private windows: LaunchWindow[] = [];
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | null = null;

  constructor(private readonly deps: { store: Store; clock: Clock; onError(error: unknown): void }) {}

  /** The window running now for the organisation, from the cache (refreshed in the background when old). */
  activeFor(organisationId: string): LaunchWindow | null {
    const now = this.deps.clock.now();
    if (now - this.loadedAt > REFRESH_MS) void this.refresh();
    return this.windows.find((w) => w.organisationId === organisationId && w.startsAt <= now && now < w.endsAt) ?? null;
  }

  /** The window running now, read fresh when the cache is old: for decisions made once (a new chat's priority). */
  async activeNow(organisationId: string): Promise<LaunchWindow | null> {
    if (this.deps.clock.now() - this.loadedAt > REFRESH_MS) await this.refresh();
    return this.activeFor(organisationId);
  }

  /** A window added or removed on this node counts at once. */
  changed(): Promise<void> {
    this.loadedAt = Number.NEGATIVE_INFINITY;
    return this.refresh();
  }

  private refresh(): Promise<void> {
    this.loading ??= this.deps.store
      .listLaunchWindows(null, this.deps.clock.now())
      .then(
        (windows) => {
          this.windows = windows;
          this.loadedAt = this.deps.clock.now();
        },
        (error: unknown) => this.deps.onError(error),
      )
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}
