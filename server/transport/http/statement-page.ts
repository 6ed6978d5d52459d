// The printable credit statement: one self-contained HTML page (no script; its own inline styles only, by CSP),
// every value escaped. Opened from the console's Reports section and printed with the browser.
import type { CreditStatement } from '../../../shared/report-model';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const UNIT: Record<string, string> = { percent_of_monthly_fee: '% of the monthly fee', service_hours: 'service hours' };
const CLOCK: Record<string, string> = { first_response: 'First response', resolution: 'Resolution' };

export const STATEMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function statementPage(s: CreditStatement): string {
  const when = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const rows = s.lines
    .map(
      (l) =>
        `<tr><td>${escape(l.ticketNumber)}</td><td>${escape(l.subject)}</td><td>${l.priority}</td><td>${CLOCK[l.clock]}</td>` +
        `<td>${when(l.breachedAt)}</td><td>${l.plan ? `${escape(l.plan.name)} v${l.plan.version}` : 'Standard policy'}</td>` +
        `<td class="n">${l.credit ? `${l.credit.amount} ${UNIT[l.credit.unit]}` : '—'}</td></tr>`,
    )
    .join('\n');
  const totals = s.totals.length ? s.totals.map((t) => `${t.amount} ${UNIT[t.unit]}`).join(' + ') : 'none';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SLA credit statement ${escape(s.organisation.name)} ${s.month}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#111}h1{font-size:1.4rem;margin:0 0 .25rem}
table{border-collapse:collapse;width:100%;margin-top:1rem}th,td{border-bottom:1px solid #ccc;padding:.35rem .5rem;text-align:left}
.n{text-align:right}tfoot td{font-weight:600;border-top:2px solid #111}@media print{body{margin:0}}
</style></head><body>
<h1>SLA credit statement</h1>
<p>${escape(s.organisation.name)} · ${s.month} (${escape(s.timeZone)}) · ${s.lines.length} breach${s.lines.length === 1 ? '' : 'es'}</p>
<table><thead><tr><th>Ticket</th><th>Subject</th><th>Priority</th><th>Clock</th><th>Breached</th><th>Plan</th><th class="n">Credit</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="7">No breaches this month.</td></tr>'}
</tbody><tfoot><tr><td colspan="6">Total credit</td><td class="n">${totals}</td></tr></tfoot></table>
</body></html>`;
}
