// Chinese texts of the transfer and escalation dialog: the same keys and {placeholders} as handover.en.ts.
import type { HANDOVER } from './handover.en';
import type { Part } from './part';

export const HANDOVER_ZH: Part<typeof HANDOVER> = {
  queueL1: 'L1 队列（技术支持工程师）',
  queueL2: 'L2 队列（高级工程师）',
  queueAccountManager: '该机构的客户经理',
  reconnecting: '正在重新连接',
  colleague: '{name}（{tier}）— {state}，{active}/{capacity} 个对话',
  nextL2: 'L2 队列（高级工程师）',
  nextAccountManager: '该机构的客户经理；没有客户经理时交给主管',
  nextSupervisors: '主管',
  transferTitle: '转接 {name} 的对话',
  escalateTitle: '升级 {name} 的对话',
  transferTo: '转接给',
  choose: '选择同事或队列…',
  queues: '队列',
  colleagues: '同事',
  colleaguesLoading: '同事（加载中…）',
  goesTo: '此对话将转到{next}，排在队列最前面。',
  note: '交接备注',
  notePlaceholder: '你发现和尝试过的内容，免得再问用户一遍',
  noteHint: '只有客服能看到此备注。用户会收到通俗的说明，告诉他们现在由谁提供帮助。',
  cancel: '取消',
  transfer: '转接',
  escalate: '升级',
};
