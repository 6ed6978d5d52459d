// The page an acknowledge link opens, in English or Chinese: what was paged, its state, and one button.
import type { PageView } from '../../../shared/paging';
import { emailLanguage, escapeHtml } from '../../domain/integrations/email/email-templates';

const WORDS = {
  en: {
    title: 'Acknowledge a page',
    ticket: 'Ticket',
    button: 'Acknowledge',
    paging: 'Nobody has acknowledged this page yet.',
    acknowledged: 'Acknowledged. Nobody else will be paged for it.',
    justNow: 'Thank you: the page is acknowledged. Nobody else will be paged for it.',
    unanswered: 'Every tier was paged and nobody acknowledged yet.',
    cancelled: 'The ticket was solved or closed: nothing to do.',
    console: 'Open the console',
  },
  'zh-CN': {
    title: '确认值班呼叫',
    ticket: '工单',
    button: '确认收到',
    paging: '尚无人确认此呼叫。',
    acknowledged: '已确认，不会再呼叫其他人。',
    justNow: '谢谢，已确认此呼叫，不会再呼叫其他人。',
    unanswered: '已呼叫所有层级，仍无人确认。',
    cancelled: '工单已解决或关闭，无需处理。',
    console: '打开客服控制台',
  },
} as const;

export function acknowledgePageHtml(locale: string, page: PageView, { token, acknowledgedNow }: { token: string; acknowledgedNow: boolean }): string {
  const lang = emailLanguage(locale);
  const w = WORDS[lang];
  const state = acknowledgedNow ? w.justNow : w[page.status];
  const button =
    page.status === 'paging' || page.status === 'unanswered'
      ? `<form method="post" action="/paging/ack/${escapeHtml(token)}"><button type="submit">${escapeHtml(w.button)}</button></form>`
      : '';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(w.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5}button{font-size:1.1rem;padding:.6rem 1.4rem}</style>
</head><body><main>
<h1>${escapeHtml(w.title)}</h1>
<p>${escapeHtml(w.ticket)} <span translate="no">${escapeHtml(page.ticketNumber)}</span>: <span translate="no">${escapeHtml(page.ticketSubject)}</span></p>
<p role="status">${escapeHtml(state)}</p>
${button}
<p><a href="/console/">${escapeHtml(w.console)}</a></p>
</main></body></html>
`;
}
