// Reports over REST (/api/reports): the SLA report as JSON or CSV, for supervisors, admins and the
// organisation's account manager (session only). The period defaults to the last 30 days. Monthly credit
// statements as JSON, CSV or a printable page.
import { Router, type Response } from 'express';
import { CreditQuerySchema, ReportQuerySchema } from '../../../shared/report-schemas';
import { creditStatementCsv } from '../../domain/plans/credit-statements';
import { slaReportCsv } from '../../domain/plans/report-csv';
import type { SupportServices } from '../../domain/services';
import { parse, sessionAgent } from './request-auth';
import { statementPage, STATEMENT_CSP, type StatementLanguage } from './statement-page';

/** The reader's saved console language, else their browser's: Chinese for any zh, else English. */
const statementLanguage = (locale: string | null | false): StatementLanguage =>
  typeof locale === 'string' && locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';

const DAY = 86_400_000;

/** A CSV download: its type, a file name, never cached (reports hold customer data). */
export function sendCsv(res: Response, name: string, body: string): void {
  res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' });
  res.send(body);
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function reportRoutes(services: SupportServices): Router {
  const { reports, credits } = services.tickets;
  const router = Router();
  router.get('/sla', async (req, res) => {
    const actor = await sessionAgent(services, req);
    const query = parse(ReportQuerySchema, req.query);
    const to = query.to ?? services.clock.now();
    const from = query.from ?? to - 30 * DAY;
    const report = await reports.sla(actor, { from, to, organisationId: query.organisationId ?? null });
    if (query.format === 'csv') return sendCsv(res, `sla-report-${day(from)}-${day(to)}.csv`, slaReportCsv(report));
    res.json({ ok: true, data: report });
  });
  router.get('/credits', async (req, res) => {
    const actor = await sessionAgent(services, req);
    const query = parse(CreditQuerySchema, req.query);
    const statement = await credits.monthly(actor, query.organisationId, query.month);
    if (query.format === 'csv') return sendCsv(res, `sla-credits-${query.month}.csv`, creditStatementCsv(statement));
    if (query.format === 'html') {
      res
        .set({ 'content-security-policy': STATEMENT_CSP, 'cache-control': 'no-store' })
        .type('html')
        .send(statementPage(statement, statementLanguage(actor.locale ?? req.acceptsLanguages('en', 'zh-CN', 'zh') ?? null)));
      return;
    }
    res.json({ ok: true, data: statement });
  });
  return router;
}
