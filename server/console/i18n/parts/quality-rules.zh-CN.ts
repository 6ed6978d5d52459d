// Chinese texts of the monitoring rules form: the same keys as quality-rules.en.ts.
import type { Part } from './part';
import type { QUALITY_RULES } from './quality-rules.en';

export const QUALITY_RULES_ZH: Part<typeof QUALITY_RULES> = {
  title: '规则',
  organisation: '机构',
  rttMs: '往返时延高于',
  packetLossPct: '丢包率高于',
  jitterMs: '抖动高于',
  degradedAfterMs: '持续多久判定为异常',
  recoveredAfterMs: '持续多久判定为恢复',
  recoverRatio: '恢复阈值（占异常阈值的比例）',
  classroomMinUsers: '课堂异常：异常用户至少',
  classroomShare: '或异常用户占比至少',
  minUsersForShare: '且至少',
  classroomRecoveredAfterMs: '持续多久判定课堂恢复',
  incidentShare: '故障：异常用户占比至少',
  incidentMinUsers: '且至少',
  incidentAfterMs: '持续',
  groupUser: '用户',
  groupClassroom: '课堂',
  groupIncident: '故障',
  unitSeconds: '秒',
  unitUsers: '人',
  unitRatio: '比例',
  saved: '规则已保存。',
  defaultsRestored: '已恢复默认规则。',
  custom: '该机构使用自己的规则。',
  defaults: '该机构使用默认规则。',
  saving: '正在保存…',
  save: '保存规则',
  useDefaults: '恢复默认规则',
};
