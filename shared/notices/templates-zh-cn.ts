// Simplified Chinese templates for every notice code.
import type { NoticeTemplates } from './templates';

const TIER = { L1: '客服工程师', L2: '高级工程师', account_manager: '您的客户经理' } as const;
const NEXT = { L1: '另一位客服工程师', L2: TIER.L2, account_manager: TIER.account_manager, supervisors: '客服主管' } as const;
const LEVEL = { ...TIER, supervisors: '客服负责人' } as const;
const STATUS = { new: '已收到', open: '处理中', pending: '等待您的回复', resolved: '已解决', closed: '已关闭' } as const;
const PRIORITY = { P1: '紧急', P2: '高', P3: '中', P4: '低' } as const;

// 客服人员对级别和 SLA 目标的叫法（与控制台一致）。
const AGENT_LEVEL = { L1: 'L1', L2: 'L2', account_manager: '客户经理', supervisors: '主管' } as const;
const METRIC = { first_response: '首次回复', resolution: '解决' } as const;

export const ZH_CN: NoticeTemplates = {
  assigned: (n) => `现在为您服务的是${TIER[n.tier]} ${n.agent}。`,
  bringing_in: (n) => `我们正在为您转接${NEXT[n.target]}${n.manager ? ` ${n.manager}` : ''}。您仍排在队列最前面。`,
  agent_left: (n) =>
    `${n.agent}${n.reason === 'agent_away' ? '的连接已断开' : '暂时无法继续服务'}。您已回到队列最前面，下一位空闲的工程师会继续为您服务。`,
  chat_ticket_by_customer: (n) => `我们已将此对话转为工单 ${n.ticket}。请在「工单」中查看进展，我们会在那里回复您。`,
  chat_ticket_by_agent: (n) => `已为此对话创建工单 ${n.ticket}：「${n.subject}」。您可以在「工单」中查看进展。`,
  ticket_created: (n) =>
    n.channel === 'chat' ? '我们根据您的对话创建了此工单。' : n.channel === 'message' ? '您的留言已保存为此工单。' : '工单已创建。',
  ticket_assigned: (n) => (n.agent ? `${n.agent} 正在处理您的工单。` : '您的工单正在等待下一位空闲的工程师。'),
  ticket_reopened: () => '您回复后，工单已重新打开。',
  ticket_auto_closed: (n, f) => `工单解决 ${f.days(n.days)}后已自动关闭。再次回复将创建新工单。`,
  ticket_status: (n) => `状态：${STATUS[n.status]}。`,
  ticket_priority: (n) => `优先级已改为 ${n.priority}（${PRIORITY[n.priority]}）。`,
  ticket_escalated: (n) => `您的工单已转交给${LEVEL[n.level]}${n.agent ? ` ${n.agent}` : ''}。`,
  ticket_file_added: (n) => `已添加文件：${n.fileName}`,
  callback_requested: (n) => `您请求我们致电 ${n.phone}（${n.preferredTime}）。`,
  callback_acknowledged: (n) => `我们已收到您的回电请求，将致电 ${n.phone}。`,
  ticket_linked: (n) => `已在工单 ${n.ticket} 中继续处理。`,
  // 给客服人员。
  alert_assigned: (n) => (n.created ? `新的${n.priority ? ` ${n.priority} ` : ''}工单 ${n.ticket} 已分配给你` : `工单 ${n.ticket} 已分配给你`),
  alert_callback: (n) => `${n.user} 请求就工单 ${n.ticket} 回电：${n.phone}（${n.preferredTime}）`,
  alert_sla_warning: (n) => `工单 ${n.ticket}（${n.priority}）的${METRIC[n.metric]}时限已用去 ${n.percent}%`,
  alert_sla_breach: (n) =>
    `工单 ${n.ticket}（${n.priority}）未达到${METRIC[n.metric]}目标，已升级给${n.agent ? ` ${n.agent}（${AGENT_LEVEL[n.level]}）` : AGENT_LEVEL[n.level]}`,
  customer_chat_started: (n) => `${n.organisation} 的${n.user ? ` ${n.user} ` : '一位用户'}发起了 ${n.priority} 对话。`,
  chat_handed_to_you: (n) => `${n.by} 将 ${n.organisation} 的一个对话${n.how === 'transferred' ? '转接' : '升级'}给了你。`,
  text: (n) => n.text,
};
