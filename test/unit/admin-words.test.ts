// Words of the Admin screens in both languages: audit log entries (actions, the server's jobs, change summaries)
// and why a webhook was turned off, stored as a code and rendered per reader (console, admins' email), with the
// English reasons stored before migrated to the code.
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../shared/audit-log';
import { EN } from '../../server/console/i18n/en';
import { ZH_CN } from '../../server/console/i18n/zh-CN';
import { actorName, auditActionLabel, detailSummary, type ValueFormat } from '../../server/console/ui/admin/audit-format';
import { isQualityRules, rulesSummary } from '../../server/console/ui/monitoring/quality-rules-fields';
import { DEFAULT_QUALITY_RULES } from '../../shared/quality';
import { accountLinkEmail, webhookDisabledEmail } from '../../server/domain/integrations/email/email-templates';
import { shutOffFromLegacyText } from '../../server/store/migrations/023-webhook-shut-off-codes';

const CJK = /[\u3400-\u9fff]/;
const format = (lang: 'en' | 'zh-CN'): ValueFormat => ({
  role: (role) => (lang === 'en' ? EN : ZH_CN).people[role],
  tier: (tier) => tier,
  time: (ms) => `T${ms}`,
  shutOff: (reason) => (typeof reason === 'string' ? reason : `R(${reason.lastAnswer})`),
  rules: (value) => (isQualityRules(value) ? `rules(${value.user.rttMs})` : null),
  colon: lang === 'en' ? ': ' : '：',
});

describe('audit log words', () => {
  it('names every action the server records, in English and in Chinese', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(auditActionLabel(action, EN.audit), action).not.toBe(action);
      expect(auditActionLabel(action, ZH_CN.audit), action).toMatch(CJK);
    }
    expect(auditActionLabel('agent.role_changed', EN.audit)).toBe('Agent role changed');
    expect(auditActionLabel('agent.role_changed', ZH_CN.audit)).toBe('修改了客服角色');
  });

  it('summarises a change with the keys and known values in the reader’s language', () => {
    const invited = { name: 'Lin', role: 'supervisor', tier: 'L2', capacity: 4, linkExpiresAt: 1_000, credentials: 'chosen by admin', active: true };
    expect(detailSummary(invited, EN.audit, format('en'))).toBe(
      'name: Lin · role: Supervisor · tier: L2 · capacity: 4 · link valid until: T1000 · first password: chosen by admin · active: yes',
    );
    expect(detailSummary(invited, ZH_CN.audit, format('zh-CN'))).toBe(
      '姓名：Lin · 角色：主管 · 级别：L2 · 接待上限：4 · 链接有效期至：T1000 · 初始密码：由管理员设置 · 启用：是',
    );
    // Nested changes are flattened; null reads "none"; a key with no word stays as it is.
    expect(detailSummary({ changes: { hotline: null, somethingNew: 'x' } }, ZH_CN.audit, format('zh-CN'))).toBe('热线电话：无 · somethingNew：x');
    expect(detailSummary({ from: 30, to: null }, EN.audit, format('en'))).toBe('from: 30 · to: none');
  });

  it('renders a webhook’s shut-off reason through the reader’s formatter, old plain texts as they are', () => {
    const code = { organisationId: 'o1', reason: { code: 'deliveries_failed', lastAnswer: '503' } };
    expect(detailSummary(code, ZH_CN.audit, format('zh-CN'))).toBe('机构：o1 · 原因：R(503)');
    expect(detailSummary({ reason: 'kept failing' }, EN.audit, format('en'))).toBe('reason: kept failing');
  });

  it('words a monitoring rule set through the reader’s formatter, not as JSON', () => {
    expect(detailSummary({ from: 'defaults', to: DEFAULT_QUALITY_RULES }, EN.audit, format('en'))).toBe(
      `from: defaults · to: rules(${DEFAULT_QUALITY_RULES.user.rttMs})`,
    );
    expect(isQualityRules({ user: 1 })).toBe(false);
    // In the console's words and the form's units (seconds, percent), every setting of every group.
    const summary = rulesSummary({ ...DEFAULT_QUALITY_RULES, user: { ...DEFAULT_QUALITY_RULES.user, rttMs: 450, degradedAfterMs: 1_000 } });
    expect(summary).toMatch(/^A user: RTT above 450 ms, Loss above 5 %, .*Degraded after 1 s, .*; A classroom: .*; An incident: .*for 60 s$/);
    expect(summary).not.toMatch(/[{}"]/);
  });

  it('names the server’s own jobs in the reader’s language, people as they are', () => {
    expect(actorName({ kind: 'system', id: null, name: 'Webhook delivery' }, ZH_CN.audit)).toBe('Webhook 投递');
    expect(actorName({ kind: 'system', id: null, name: 'Retention' }, ZH_CN.audit)).toBe('数据保留任务');
    expect(actorName({ kind: 'system', id: null, name: 'Retention' }, EN.audit)).toBe('Retention');
    expect(actorName({ kind: 'agent', id: 'a1', name: 'Retention' }, ZH_CN.audit)).toBe('Retention');
  });
});

describe('an agent invited or reset by email, in Chinese', () => {
  it('names the product in Chinese, not in English', () => {
    for (const purpose of ['invite', 'reset'] as const) {
      const mail = accountLinkEmail('zh-CN', 'chen@school.example', { name: '陈静', purpose, link: 'https://s.example/l', expiresAt: 0 });
      expect(`${mail.subject} ${mail.text.replace('https://s.example/l', '')}`.replace(/UTC/g, ''), purpose).not.toMatch(/[A-Za-z]{2,}/);
      expect(mail.subject).toContain('课堂客服');
    }
  });
});

describe('a webhook turned off', () => {
  const reason = { code: 'deliveries_failed' as const, lastAnswer: '503' };

  it('tells each admin why in their language', () => {
    const en = webhookDisabledEmail('en', 'a@school.example', { organisation: 'Maple', url: 'https://h.example/x', reason });
    expect(en.text).toContain('was turned off: Deliveries failed for 24 hours (last answer: 503).');
    const zh = webhookDisabledEmail('zh-CN', 'a@school.example', { organisation: 'Maple', url: 'https://h.example/x', reason });
    expect(zh.text).toContain('已停用：连续 24 小时投递失败（最后一次应答：503）。');
    expect(zh.text).not.toMatch(/Deliveries|failed/);
    expect(zh.html).toContain('lang="zh-CN"');
  });

  it('reads in the console dictionaries with the same answer', () => {
    expect(EN.webhooks.reasonDeliveriesFailed.replace('{answer}', '503')).toBe('Deliveries failed for 24 hours (last answer: 503)');
    expect(ZH_CN.webhooks.reasonDeliveriesFailed.replace('{answer}', '503')).toBe('连续 24 小时投递失败（最后一次应答：503）');
  });

  it('migrates the English reasons stored before into the code, keeping the receiver’s answer', () => {
    expect(JSON.parse(shutOffFromLegacyText('Deliveries failed for 24 hours (last answer: 500)'))).toEqual({
      code: 'deliveries_failed',
      lastAnswer: '500',
    });
    expect(JSON.parse(shutOffFromLegacyText('Deliveries failed for 24 hours (last answer: connect ECONNREFUSED (127.0.0.1))'))).toEqual({
      code: 'deliveries_failed',
      lastAnswer: 'connect ECONNREFUSED (127.0.0.1)',
    });
    expect(JSON.parse(shutOffFromLegacyText('something else'))).toEqual({ code: 'deliveries_failed', lastAnswer: 'something else' });
  });
});
