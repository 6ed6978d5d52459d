// The Store port of quality monitoring: organisations' rules and the per-minute aggregates per classroom.
import type { QualityRules } from '../../../shared/quality';

export interface QualityMinute {
  organisationId: string;
  classroomId: string;
  /** Start of the minute, epoch ms. */
  minute: number;
  reports: number;
  users: number;
  degradedUsers: number;
  rttMs: number | null;
  packetLossPct: number | null;
  jitterMs: number | null;
}

export interface MonitoringStore {
  /** The organisation's own rules; null when it uses the defaults. */
  getQualityRules(organisationId: string): Promise<QualityRules | null>;
  /** Null goes back to the defaults. */
  setQualityRules(organisationId: string, rules: QualityRules | null, at: number): Promise<void>;
  /** Inserts the minutes; a minute already written (by another node) is left as it is. */
  addQualityMinutes(minutes: QualityMinute[]): Promise<void>;
  /** One classroom's minutes in [from, to), oldest first. */
  listQualityMinutes(organisationId: string, classroomId: string, from: number, to: number): Promise<QualityMinute[]>;
  /** Deletes the organisation's minutes older than `cutoff`; returns how many went. */
  purgeQualityMinutes(organisationId: string, cutoff: number): Promise<number>;
}
