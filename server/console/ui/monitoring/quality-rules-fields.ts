// The monitoring rules as people read them: each setting's label and unit from the qualityRules dictionary part,
// values in the form's units (seconds, percent), and a one-line summary of a whole rule set (the audit log's).
import type { QualityRules } from '../../../../shared/quality';
import { texts } from '../../i18n/i18n';

const ruleText = texts('qualityRules');
export type RuleLabel = keyof ReturnType<typeof ruleText.get>;
export type RuleUnit = 's' | '%' | 'ms' | 'users' | 'ratio';
export type RuleField = [group: keyof QualityRules, key: string, label: RuleLabel, unit: RuleUnit];

export const RULE_FIELDS: RuleField[] = [
  ['user', 'rttMs', 'rttMs', 'ms'],
  ['user', 'packetLossPct', 'packetLossPct', '%'],
  ['user', 'jitterMs', 'jitterMs', 'ms'],
  ['user', 'degradedAfterMs', 'degradedAfterMs', 's'],
  ['user', 'recoveredAfterMs', 'recoveredAfterMs', 's'],
  ['user', 'recoverRatio', 'recoverRatio', 'ratio'],
  ['classroom', 'minUsers', 'classroomMinUsers', 'users'],
  ['classroom', 'share', 'classroomShare', '%'],
  ['classroom', 'minUsersForShare', 'minUsersForShare', 'users'],
  ['classroom', 'recoveredAfterMs', 'classroomRecoveredAfterMs', 's'],
  ['incident', 'share', 'incidentShare', '%'],
  ['incident', 'minUsers', 'incidentMinUsers', 'users'],
  ['incident', 'afterMs', 'incidentAfterMs', 's'],
];

export const RULE_GROUPS: Record<keyof QualityRules, RuleLabel> = { user: 'groupUser', classroom: 'groupClassroom', incident: 'groupIncident' };

/** A unit as the form shows it: ms and % as they are, the others in the agent's language. */
export const unitText = (unit: RuleUnit): string => {
  const t = ruleText.get();
  return unit === 's' ? t.unitSeconds : unit === 'users' ? t.unitUsers : unit === 'ratio' ? t.unitRatio : unit;
};

/** Seconds and percent in the form, milliseconds and shares in the rules. */
export const toForm = (unit: RuleUnit, key: string, value: number) =>
  unit === 's' ? value / 1000 : key === 'share' ? Math.round(value * 1000) / 10 : value;
export const fromForm = (unit: RuleUnit, key: string, value: number) =>
  unit === 's' ? Math.round(value * 1000) : key === 'share' ? value / 100 : value;

/** Whether a stored value is a rule set (the audit log shows rule changes among other values). */
export const isQualityRules = (value: unknown): value is QualityRules =>
  typeof value === 'object' &&
  value !== null &&
  ['user', 'classroom', 'incident'].every((group) => typeof (value as Record<string, unknown>)[group] === 'object');

/** "A user: RTT above 400 ms, …; A classroom: …" in the agent's language. */
export function rulesSummary(rules: QualityRules, colon = ': '): string {
  const t = ruleText.get();
  return (Object.keys(RULE_GROUPS) as (keyof QualityRules)[])
    .map((group) => {
      const values = RULE_FIELDS.filter(([g]) => g === group).map(([, key, label, unit]) => {
        const value = (rules[group] as Record<string, number>)[key];
        return `${t[label]} ${value === undefined ? '—' : toForm(unit, key, value)} ${unitText(unit)}`;
      });
      return `${t[RULE_GROUPS[group]]}${colon}${values.join(', ')}`;
    })
    .join('; ');
}
