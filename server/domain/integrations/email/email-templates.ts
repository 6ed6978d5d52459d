// Email texts in English and Chinese, plain text and HTML (escaped, no images, no tracking pixels, no
// remote content): a reply the user has not read, an agent's invitation or password reset, a webhook
// turned off.
import { DateTime } from 'luxon';
import { noticeLocale, type NoticeLocale } from '../../../../shared/notices/locale';
import type { WebhookShutOff } from '../../../../shared/webhook-events';
import type { Mail } from './mailer';

export type EmailLanguage = NoticeLocale;

/** The user's language from their widget's locale ("zh-CN", "zh-Hans", "en-GB" …), as system notices pick it. */
export const emailLanguage = (locale: string | null | undefined): EmailLanguage => noticeLocale(locale);

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function html(lang: EmailLanguage, paragraphs: string[], quote: string | null, link: { url: string; label: string } | null): string {
  const body = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    quote === null
      ? ''
      : `<blockquote style="margin:1em 0;padding:0.5em 1em;border-left:4px solid #d0d7de;white-space:pre-wrap">${escapeHtml(quote)}</blockquote>`,
    link === null ? '' : `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`,
  ].join('\n');
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.5">\n${body}\n</body></html>\n`;
}

export interface ReplyEmailInput {
  userName: string;
  authorName: string;
  reply: string;
  /** "CS-000123" for a ticket, null for a chat. */
  ticketNumber: string | null;
  link: string;
}

export function replyEmail(lang: EmailLanguage, to: string, input: ReplyEmailInput): Mail {
  const { userName, authorName, reply, ticketNumber, link } = input;
  const t =
    lang === 'zh-CN'
      ? {
          subject: ticketNumber ? `支持团队回复了您的工单 ${ticketNumber}` : '支持团队回复了您的咨询',
          hello: `${userName}，您好：`,
          said: `${authorName} 回复了您${ticketNumber ? `的工单 ${ticketNumber}` : ''}：`,
          open: ticketNumber ? '打开工单并回复' : '打开对话并回复',
          why: '您收到此邮件是因为这条回复已等待您查看 5 分钟。',
        }
      : {
          subject: ticketNumber ? `Support replied on your ticket ${ticketNumber}` : 'Support replied to your question',
          hello: `Hello ${userName},`,
          said: `${authorName} replied${ticketNumber ? ` on your ticket ${ticketNumber}` : ''}:`,
          open: ticketNumber ? 'Open the ticket and reply' : 'Open the chat and reply',
          why: 'You get this email because the reply has waited for you for 5 minutes.',
        };
  const text = `${t.hello}\n\n${t.said}\n\n${reply}\n\n${t.open}: ${link}\n\n${t.why}\n`;
  return { to, subject: t.subject, text, html: html(lang, [t.hello, t.said], reply, { url: link, label: t.open }) };
}

/** A clock time for an agent's email: in the time zone saved with their account, else UTC, the zone named. */
export function agentClockTime(at: number, timeZone: string | null | undefined): string {
  const local = timeZone ? DateTime.fromMillis(at, { zone: timeZone }) : null;
  return local?.isValid
    ? `${local.toFormat('yyyy-MM-dd HH:mm')} ${timeZone}`
    : `${DateTime.fromMillis(at, { zone: 'UTC' }).toFormat('yyyy-MM-dd HH:mm')} UTC`;
}

export function accountLinkEmail(
  lang: EmailLanguage,
  to: string,
  input: { name: string; purpose: 'invite' | 'reset'; link: string; expiresAt: number; timeZone?: string | null },
): Mail {
  const until = agentClockTime(input.expiresAt, input.timeZone);
  const t =
    lang === 'zh-CN'
      ? input.purpose === 'invite'
        ? {
            subject: '您被邀请加入课堂客服支持团队',
            body: `${input.name}，您好：管理员邀请您加入支持团队。请通过下面的链接设置密码（${until} 前有效，仅可使用一次）。`,
            label: '设置密码',
          }
        : {
            subject: '重置您的课堂客服密码',
            body: `${input.name}，您好：管理员为您重置了密码。请通过下面的链接设置新密码（${until} 前有效，仅可使用一次）。`,
            label: '设置新密码',
          }
      : input.purpose === 'invite'
        ? {
            subject: 'You are invited to the Classroom Support team',
            body: `Hello ${input.name}, an administrator invited you to the support team. Choose your password with the link below (valid until ${until}, once).`,
            label: 'Choose your password',
          }
        : {
            subject: 'Reset your Classroom Support password',
            body: `Hello ${input.name}, an administrator reset your password. Choose a new one with the link below (valid until ${until}, once).`,
            label: 'Choose a new password',
          };
  return {
    to,
    subject: t.subject,
    text: `${t.body}\n\n${t.label}: ${input.link}\n`,
    html: html(lang, [t.body], null, { url: input.link, label: t.label }),
  };
}

/** Why the webhook was turned off, in the admin's language; the receiver's last answer is quoted as it was stored. */
export function webhookShutOffText(lang: EmailLanguage, reason: WebhookShutOff): string {
  return lang === 'zh-CN'
    ? `连续 24 小时投递失败（最后一次应答：${reason.lastAnswer}）`
    : `Deliveries failed for 24 hours (last answer: ${reason.lastAnswer})`;
}

export function webhookDisabledEmail(lang: EmailLanguage, to: string, input: { organisation: string; url: string; reason: WebhookShutOff }): Mail {
  const reason = webhookShutOffText(lang, input.reason);
  const t =
    lang === 'zh-CN'
      ? {
          subject: `Webhook 已停用：${input.url}`,
          body: `${input.organisation} 的 Webhook ${input.url} 已停用：${reason}。请修复接收端，然后在控制台（管理 → Webhook 推送）中重新开启；等待中的投递届时会发出。`,
        }
      : {
          subject: `Webhook turned off: ${input.url}`,
          body: `The webhook ${input.url} of ${input.organisation} was turned off: ${reason}. Fix the receiver, then turn it on again in the console (Admin → Webhooks); the deliveries that waited are sent then.`,
        };
  return { to, subject: t.subject, text: `${t.body}\n`, html: html(lang, [t.body], null, null) };
}
