// What a page says, in the paged agent's language: the email (plain text and HTML, no remote content) and the
// team-chat message in each incoming-webhook format (generic JSON, Slack, Feishu, DingTalk, WeCom).
import type { ChatFormat, OncallTier, PageReason } from '../../../../shared/paging';
import type { EmailLanguage } from '../email/email-templates';
import { escapeHtml, html } from '../email/email-templates';
import type { Mail } from '../email/mailer';

export interface PageFacts {
  pageId: string;
  reason: PageReason;
  /** 'first_response' or 'resolution' for SLA reasons. */
  metric: string | null;
  organisationName: string;
  ticketNumber: string;
  ticketSubject: string;
  priority: string;
  tier: OncallTier;
  agentName: string | null;
  /** How many tiers were paged before this one without an acknowledgement. */
  escalated: boolean;
  acknowledgeUrl: string;
  ticketUrl: string;
  escalatesAt: number | null;
}

const TIER_WORDS: Record<EmailLanguage, Record<OncallTier, string>> = {
  en: { L1: 'L1', L2: 'L2', account_manager: 'account manager' },
  'zh-CN': { L1: '一线（L1）', L2: '二线（L2）', account_manager: '客户经理' },
};

function reasonWords(lang: EmailLanguage, reason: PageReason, metric: string | null): string {
  if (lang === 'zh-CN') {
    const what = metric === 'resolution' ? '解决时限' : '首次响应时限';
    return { p1_ticket: 'P1 紧急工单', callback: '用户请求回电', sla_warning: `即将超出${what}`, sla_breach: `已超出${what}` }[reason];
  }
  const what = metric === 'resolution' ? 'resolution' : 'first-response';
  return {
    p1_ticket: 'P1 ticket',
    callback: 'call-back requested',
    sla_warning: `${what} target nearly used up`,
    sla_breach: `${what} target missed`,
  }[reason];
}

/** The one-line summary every format carries. */
export function pageSummary(lang: EmailLanguage, f: PageFacts): string {
  const reason = reasonWords(lang, f.reason, f.metric);
  return lang === 'zh-CN'
    ? `【值班呼叫】${f.organisationName}：${f.ticketNumber}（${f.priority}）${reason} —「${f.ticketSubject}」`
    : `[Page] ${f.organisationName}: ${f.ticketNumber} (${f.priority}) ${reason} — "${f.ticketSubject}"`;
}

function lines(lang: EmailLanguage, f: PageFacts): { who: string; ack: string; ackLabel: string; ticketLabel: string } {
  const tier = TIER_WORDS[lang][f.tier];
  const minutes = f.escalatesAt === null ? null : '10';
  if (lang === 'zh-CN') {
    return {
      who: `${f.escalated ? '上一级无人确认，现呼叫' : '呼叫'}${tier}值班人员${f.agentName ? ` ${f.agentName}` : ''}。`,
      ack: minutes ? `请在 ${minutes} 分钟内确认，否则将呼叫上一级。` : '这是最后一级。',
      ackLabel: '确认收到',
      ticketLabel: '打开客服控制台',
    };
  }
  return {
    who: `${f.escalated ? 'Nobody acknowledged at the tier below; paging' : 'Paging'} the on-call ${tier}${f.agentName ? ` ${f.agentName}` : ''}.`,
    ack: minutes ? `Acknowledge within ${minutes} minutes, or the next tier up is paged.` : 'This is the last tier.',
    ackLabel: 'Acknowledge',
    ticketLabel: 'Open the console',
  };
}

export function pageEmail(lang: EmailLanguage, to: string, f: PageFacts): Mail {
  const subject = pageSummary(lang, f);
  const l = lines(lang, f);
  const text = `${subject}\n\n${l.who}\n${l.ack}\n\n${l.ackLabel}: ${f.acknowledgeUrl}\n${l.ticketLabel}: ${f.ticketUrl}\n`;
  const body = html(lang, [subject, l.who, l.ack], null, { url: f.acknowledgeUrl, label: l.ackLabel }).replace(
    '</body>',
    `<p><a href="${escapeHtml(f.ticketUrl)}">${escapeHtml(l.ticketLabel)}</a></p>\n</body>`,
  );
  return { to, subject, text, html: body };
}

/** The body POSTed to a team chat's incoming webhook, in that chat's format. */
export function chatPayload(format: ChatFormat, lang: EmailLanguage, f: PageFacts): Record<string, unknown> {
  const summary = pageSummary(lang, f);
  const l = lines(lang, f);
  const plain = `${summary}\n${l.who} ${l.ack}\n${l.ackLabel}: ${f.acknowledgeUrl}\n${l.ticketLabel}: ${f.ticketUrl}`;
  const markdown = `**${summary}**\n\n${l.who} ${l.ack}\n\n[${l.ackLabel}](${f.acknowledgeUrl}) · [${l.ticketLabel}](${f.ticketUrl})`;
  switch (format) {
    case 'slack':
      return {
        text: summary,
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: `*${summary}*\n${l.who} ${l.ack}` } },
          { type: 'section', text: { type: 'mrkdwn', text: `<${f.acknowledgeUrl}|${l.ackLabel}> · <${f.ticketUrl}|${l.ticketLabel}>` } },
        ],
      };
    case 'feishu':
      return { msg_type: 'text', content: { text: plain } };
    case 'dingtalk':
      return { msgtype: 'markdown', markdown: { title: summary, text: markdown } };
    case 'wecom':
      return { msgtype: 'markdown', markdown: { content: markdown } };
    case 'json':
      return {
        type: 'page',
        page: {
          id: f.pageId,
          reason: f.reason,
          metric: f.metric,
          organisation: f.organisationName,
          ticket: { number: f.ticketNumber, subject: f.ticketSubject, priority: f.priority },
          tier: f.tier,
          agentName: f.agentName,
          escalated: f.escalated,
          escalatesAt: f.escalatesAt === null ? null : new Date(f.escalatesAt).toISOString(),
          acknowledgeUrl: f.acknowledgeUrl,
          ticketUrl: f.ticketUrl,
        },
        text: plain,
      };
  }
}

/**
 * Whether the chat took the message: 2xx, and for Feishu, DingTalk and WeCom no error code in the answer
 * (they answer 200 with `{"code": …}` / `{"errcode": …}` when the token or payload is wrong).
 */
export function chatAccepted(format: ChatFormat, status: number, body: string): boolean {
  if (status < 200 || status >= 300) return false;
  if (format === 'json' || format === 'slack') return true;
  try {
    const answer = JSON.parse(body) as { code?: number; errcode?: number; StatusCode?: number };
    return (answer.code ?? answer.errcode ?? answer.StatusCode ?? 0) === 0;
  } catch {
    return false;
  }
}
