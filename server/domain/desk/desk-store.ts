// The Store's part for the desk: check-ins (with their one-time reminder) and launch windows.
import type { CheckIn, LaunchWindow } from '../../../shared/desk';

export interface DeskStore {
  saveCheckIn(checkIn: CheckIn): Promise<void>;
  getCheckIn(id: string): Promise<CheckIn | null>;
  /** The organisation's check-ins at or after `from`, soonest first. */
  listCheckIns(organisationId: string, from: number, limit: number): Promise<CheckIn[]>;
  deleteCheckIn(id: string): Promise<boolean>;
  /** Check-ins whose reminder is due at or before `now` and has not gone out. */
  listCheckInRemindersDue(now: number, limit: number): Promise<CheckIn[]>;
  /** Marks the reminder sent; false when another node (or an earlier run) did already: it goes out once. */
  claimCheckInReminder(id: string, now: number): Promise<boolean>;

  addLaunchWindow(window: LaunchWindow): Promise<void>;
  getLaunchWindow(id: string): Promise<LaunchWindow | null>;
  deleteLaunchWindow(id: string): Promise<boolean>;
  /** Windows ending after `from` (running now or to come), by start; one organisation or every one. */
  listLaunchWindows(organisationId: string | null, from: number): Promise<LaunchWindow[]>;
}
