// Chinese texts of the supervisor's section: the same keys and {placeholders} as supervisor.en.ts.
import type { SUPERVISOR } from './supervisor.en';
import type { Part } from './part';

export const SUPERVISOR_ZH: Part<typeof SUPERVISOR> = {
  loading: '正在加载概览…',
  title: '主管',
  queue: '队列',
  priority: '优先级',
  waiting: '等待中',
  oldestWait: '最长等待',
  agents: '客服',
  agent: '客服',
  tier: '级别',
  presence: '状态',
  load: '负载',
  loadOf: '{name} 的负载',
  atRisk: '接近首次响应截止时间',
  noneAtRisk: '所有等待中的对话都还在截止时间之内。',
  withAgent: '由 {name} 接待',
  inQueue: '在队列中',
  flagged: '客服已离开，对话仍未结束',
  none: '无。',
  answeredBy: '· 接待客服 {name} 已断开连接',
  anAgent: '一位客服',
};
