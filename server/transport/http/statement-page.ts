// The printable credit statement: one self-contained HTML page (no script; its own inline styles only, by CSP),
// every value escaped. Opened from the console's Reports section and printed with the browser.
import type { CreditStatement } from '../../../shared/report-model';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const WORDS = {
  en: {
    title: 'SLA credit statement',
    breaches: (n: number) => `${n} breach${n === 1 ? '' : 'es'}`,
    columns: ['Ticket', 'Subject', 'Priority', 'Clock', 'Breached', 'Plan', 'Credit'],
    clock: { first_response: 'First response', resolution: 'Resolution' } as Record<string, string>,
    unit: { percent_of_monthly_fee: (n: number) => `${n} % of the monthly fee`, service_hours: (n: number) => `${n} service hours` } as Record<
      string,
      (n: number) => string
    >,
    standard: 'Standard policy',
    noBreaches: 'No breaches this month.',
    total: 'Total credit',
    none: 'none',
  },
  'zh-CN': {
    title: 'SLA 补偿明细',
    breaches: (n: number) => `超时 ${n} 次`,
    columns: ['工单', '主题', '优先级', '计时', '超时时间', '服务方案', '补偿'],
    clock: { first_response: '首次响应', resolution: '解决' } as Record<string, string>,
    unit: { percent_of_monthly_fee: (n: number) => `月费的 ${n}%`, service_hours: (n: number) => `${n} 小时服务` } as Record<
      string,
      (n: number) => string
    >,
    standard: '标准策略',
    noBreaches: '本月没有超时。',
    total: '补偿合计',
    none: '无',
  },
};

/** The statement's language: the reader's saved console language, else their browser's (English or Chinese). */
export type StatementLanguage = keyof typeof WORDS;

export const STATEMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function statementPage(s: CreditStatement, lang: StatementLanguage = 'en'): string {
  const w = WORDS[lang];
  const credit = (c: { amount: number; unit: string }) => w.unit[c.unit]?.(c.amount) ?? `${c.amount} ${c.unit}`;
  const when = (ms: number) => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
  const rows = s.lines
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.ticketNumber)}</td><td>${escapeHtml(l.subject)}</td><td>${l.priority}</td><td>${w.clock[l.clock] ?? l.clock}</td>` +
        `<td>${when(l.breachedAt)}</td><td>${l.plan ? `${escapeHtml(l.plan.name)} v${l.plan.version}` : w.standard}</td>` +
        `<td class="n">${l.credit ? credit(l.credit) : '—'}</td></tr>`,
    )
    .join('\n');
  const totals = s.totals.length ? s.totals.map(credit).join(' + ') : w.none;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${w.title} ${escapeHtml(s.organisation.name)} ${s.month}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#111}h1{font-size:1.4rem;margin:0 0 .25rem}
table{border-collapse:collapse;width:100%;margin-top:1rem}th,td{border-bottom:1px solid #ccc;padding:.35rem .5rem;text-align:left}
.n{text-align:right}tfoot td{font-weight:600;border-top:2px solid #111}@media print{body{margin:0}}
</style></head><body>
<h1>${w.title}</h1>
<p>${escapeHtml(s.organisation.name)} · ${s.month} (${escapeHtml(s.timeZone)}) · ${w.breaches(s.lines.length)}</p>
<table><thead><tr>${w.columns.map((c, i) => `<th${i === 6 ? ' class="n"' : ''}>${c}</th>`).join('')}</tr></thead>
<tbody>
${rows || `<tr><td colspan="7">${w.noBreaches}</td></tr>`}
</tbody><tfoot><tr><td colspan="6">${w.total}</td><td class="n">${totals}</td></tr></tfoot></table>
</body></html>`;
}
