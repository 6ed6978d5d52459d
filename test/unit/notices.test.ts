// The shared notice renderer: every code in both languages, Chinese with no English left in it, Intl for
// numbers, and a schema that refuses what is not a notice.
import { describe, expect, it } from 'vitest';
import { NoticeSchema, noticeLocale, parseNotice, renderNotice, type Notice, type NoticeCode } from '../../shared/notices';

/** One sample per code; the record type makes a new code without a sample fail to compile. */
const SAMPLES: { [C in NoticeCode]: Extract<Notice, { code: C }> } = {
  assigned: { code: 'assigned', agent: 'Li Wei', tier: 'L2' },
  bringing_in: { code: 'bringing_in', target: 'account_manager', manager: 'Mia' },
  agent_left: { code: 'agent_left', agent: 'Sam', reason: 'agent_away' },
  chat_ticket_by_customer: { code: 'chat_ticket_by_customer', ticket: 'CS-000042' },
  chat_ticket_by_agent: { code: 'chat_ticket_by_agent', ticket: 'CS-000001', subject: 'No sound' },
  ticket_created: { code: 'ticket_created', channel: 'chat' },
  ticket_assigned: { code: 'ticket_assigned', agent: 'Li Wei' },
  ticket_reopened: { code: 'ticket_reopened' },
  ticket_auto_closed: { code: 'ticket_auto_closed', days: 7 },
  ticket_status: { code: 'ticket_status', status: 'pending' },
  ticket_priority: { code: 'ticket_priority', priority: 'P2' },
  ticket_escalated: { code: 'ticket_escalated', level: 'supervisors' },
  ticket_file_added: { code: 'ticket_file_added', fileName: 'screen.png' },
  callback_requested: { code: 'callback_requested', phone: '+86 10 1234 5678', preferredTime: 'ASAP' },
  callback_acknowledged: { code: 'callback_acknowledged', phone: '+86 10 1234 5678' },
  ticket_linked: { code: 'ticket_linked', ticket: 'CS-000007' },
  text: { code: 'text', text: 'Maintenance at 18:00.' },
  alert_assigned: { code: 'alert_assigned', ticket: 'CS-000009', priority: 'P2', created: true },
  alert_callback: { code: 'alert_callback', ticket: 'CS-000009', user: 'Xiao Ming', phone: '+86 10 1234 5678', preferredTime: 'ASAP' },
  alert_sla_warning: { code: 'alert_sla_warning', ticket: 'CS-000009', priority: 'P1', metric: 'first_response', percent: 80 },
  alert_sla_breach: { code: 'alert_sla_breach', ticket: 'CS-000009', priority: 'P1', metric: 'resolution', level: 'account_manager', agent: 'Mia' },
  customer_chat_started: { code: 'customer_chat_started', user: 'Xiao Ming', organisation: 'Maple School', priority: 'P2' },
  chat_handed_to_you: { code: 'chat_handed_to_you', by: 'Li Wei', how: 'escalated', organisation: 'Maple School' },
};

/** The parameters' own words, which stay as written in any language. */
const paramWords = (n: Notice) =>
  Object.entries(n)
    .filter(
      ([k]) =>
        k !== 'code' &&
        k !== 'tier' &&
        k !== 'target' &&
        k !== 'level' &&
        k !== 'status' &&
        k !== 'reason' &&
        k !== 'channel' &&
        k !== 'metric' &&
        k !== 'how' &&
        k !== 'created',
    )
    .map(([, v]) => String(v));

/** Notices to agents (the console, where colleagues say 你 to each other); every other code reaches users. */
const TO_AGENTS = new Set<NoticeCode>([
  'alert_assigned',
  'alert_callback',
  'alert_sla_warning',
  'alert_sla_breach',
  'customer_chat_started',
  'chat_handed_to_you',
]);

describe('notices', () => {
  it('address users as 您 in Chinese, never 你', () => {
    for (const notice of Object.values(SAMPLES).filter((n) => !TO_AGENTS.has(n.code))) {
      expect(renderNotice(notice, 'zh-CN'), notice.code).not.toMatch(/你/);
    }
    expect(renderNotice(SAMPLES.assigned, 'zh-CN')).toContain('您');
  });

  it('renders every code in English and in Chinese, the Chinese without English words', () => {
    for (const notice of Object.values(SAMPLES)) {
      const en = renderNotice(notice, 'en');
      const zh = renderNotice(notice, 'zh-CN');
      expect(en.trim(), notice.code).not.toBe('');
      if (notice.code === 'text') {
        expect(zh).toBe(notice.text);
        continue;
      }
      expect(zh, notice.code).toMatch(/[\u4e00-\u9fff]/);
      let rest = zh;
      for (const word of paramWords(notice)) rest = rest.split(word).join('');
      // Ticket numbers and priority codes (P2) are names, not words.
      expect(rest.replace(/\bP[1-4]\b/g, ''), notice.code).not.toMatch(/[A-Za-z]{2,}/);
      for (const word of paramWords(notice)) expect(en).toContain(word);
    }
  });

  it('reads the same routing message in each reader’s language', () => {
    const n = SAMPLES.assigned;
    expect(renderNotice(n, 'en')).toBe('You are now talking to Li Wei, a senior engineer.');
    expect(renderNotice(n, 'zh-CN')).toBe('现在为您服务的是高级工程师 Li Wei。');
    expect(renderNotice(n, 'zh-Hans')).toBe(renderNotice(n, 'zh-CN'));
    expect(renderNotice(n, 'fr')).toBe(renderNotice(n, 'en'));
  });

  it('tells agents of ticket alerts and customers’ chats in their own language', () => {
    expect(renderNotice(SAMPLES.alert_sla_warning, 'en')).toBe('CS-000009 (P1) has used 80% of its first response time');
    expect(renderNotice(SAMPLES.alert_sla_warning, 'zh-CN')).toBe('工单 CS-000009（P1）的首次回复时限已用去 80%');
    expect(renderNotice(SAMPLES.alert_sla_breach, 'en')).toBe(
      'CS-000009 (P1) missed its resolution target and was escalated to Mia (Account manager)',
    );
    expect(renderNotice({ code: 'alert_assigned', ticket: 'CS-000003', created: false }, 'zh-CN')).toBe('工单 CS-000003 已分配给你');
    expect(renderNotice({ code: 'customer_chat_started', organisation: 'Maple School', priority: 'P3' }, 'en')).toBe(
      'Someone from Maple School started a P3 chat.',
    );
    expect(renderNotice({ code: 'customer_chat_started', organisation: 'Maple School', priority: 'P3' }, 'zh-CN')).toBe(
      'Maple School 的一位用户发起了 P3 对话。',
    );
  });

  it('formats numbers with Intl in the reader’s language', () => {
    expect(renderNotice({ code: 'ticket_auto_closed', days: 7 }, 'en')).toBe('Closed 7 days after it was solved. Replying starts a new ticket.');
    expect(renderNotice({ code: 'ticket_auto_closed', days: 7 }, 'zh-CN')).toBe('工单解决 7天后已自动关闭。再次回复将创建新工单。');
    expect(renderNotice({ code: 'ticket_auto_closed', days: 1 }, 'en')).toContain('1 day after');
  });

  it('maps language tags onto the languages it has', () => {
    expect(['zh', 'zh-CN', 'zh-Hans-CN', 'ZH_cn'].map(noticeLocale)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
    expect(['en', 'en-GB', 'de', '', null, undefined, 'zhx'].map(noticeLocale)).toEqual(['en', 'en', 'en', 'en', 'en', 'en', 'en']);
  });

  it('accepts every sample and refuses what is not a notice', () => {
    for (const notice of Object.values(SAMPLES)) expect(parseNotice(JSON.parse(JSON.stringify(notice)))).toEqual(notice);
    expect(parseNotice({ code: 'nope' })).toBeNull();
    expect(parseNotice({ code: 'assigned', agent: 'Li Wei', tier: 'L9' })).toBeNull();
    expect(parseNotice({ code: 'assigned', agent: 'Li Wei', tier: 'L2', extra: 1 })).toBeNull();
    expect(parseNotice({ code: 'assigned', agent: 'x'.repeat(201), tier: 'L2' })).toBeNull();
    expect(parseNotice('You are now talking to Li Wei')).toBeNull();
    expect(NoticeSchema.options).toHaveLength(Object.keys(SAMPLES).length);
  });
});
