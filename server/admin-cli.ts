// `npm run admin -- <command>`: account rescue on the server's machine, for an admin who lost their password or
// their authenticator. Opens the configured store (DATABASE_URL, else SQLite under SUPPORT_DATA_DIR) directly;
// whoever can run this can read the database anyway. Every action is written to the audit log as the operator's.
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { configFromEnv, sqliteFile, type Config } from './config';
import { AccountLinks } from './domain/identity/account-links';
import { AccountPasswords } from './domain/identity/account-passwords';
import { AgentSessions } from './domain/identity/sessions';
import { TwoFactor } from './domain/identity/two-factor';
import { DomainError } from './domain/errors';
import { DomainEvents } from './domain/events';
import { SignInLimits } from './domain/limits/sign-in-limits';
import { systemClock, type Store } from './domain/ports';
import { AuditLog, type AuditRecordInput } from './domain/privacy/audit-log';
import { openStore } from './store/open-store';
import { memoryRateLimits } from './store/rate-limits/flexible-rate-limits';
import { linkUrl } from './transport/http/account-links-url';

const USAGE = `Usage: npm run admin -- <command>

  reset-password <email>              print a one-time link (valid 72 h) to choose a new password
  reset-password <email> --generate   print a new generated password, to be changed at the first sign-in
  reset-two-factor <email>            turn off two-factor sign-in (a lost authenticator)

Either way the old password stops working and every session of that person ends.
Environment: SUPPORT_DATA_DIR or DATABASE_URL as the server uses them; SUPPORT_PUBLIC_URL (or PORT) for the link.`;

async function run(args: string[], store: Store, config: Config, print: (line: string) => void): Promise<void> {
  const [command, email, flag] = args;
  if (
    !command ||
    !email ||
    !['reset-password', 'reset-two-factor'].includes(command) ||
    (flag && !(command === 'reset-password' && flag === '--generate'))
  ) {
    throw new UsageError(USAGE);
  }
  const clock = systemClock;
  const sessions = new AgentSessions({ store, clock, events: new DomainEvents(() => undefined) });
  const audit = new AuditLog({ store, clock, newId: randomUUID });
  const agent = await store.findAgentByEmail(email.trim().toLowerCase());
  if (!agent) throw new DomainError('not_found', `No agent with the email ${email}`);
  const record = (action: AuditRecordInput['action'], details: Record<string, unknown> = {}) =>
    audit.record({
      actor: { kind: 'operator', name: `npm run admin (${userInfo().username})` },
      action,
      target: { kind: 'agent', id: agent.id, label: agent.email },
      details,
    });

  if (command === 'reset-two-factor') {
    await new TwoFactor({ store, clock }).clear(agent.id);
    await record('agent.two_factor_reset');
    print(`Two-factor sign-in is off for ${agent.email}. They can set it up again under Account.`);
    return;
  }
  if (flag === '--generate') {
    const password = await new AccountPasswords({ store, sessions, signInLimits: new SignInLimits(memoryRateLimits()) }).resetToGenerated(agent);
    await record('agent.password_reset', { via: 'generated password' });
    print(`New password for ${agent.email}: ${password}\nIt must be changed at the first sign-in. It is not shown again.`);
    return;
  }
  const issued = await new AccountLinks({ store, clock, sessions, newId: randomUUID }).resetAgent(agent, null);
  await record('agent.password_reset', { via: 'link', purpose: issued.purpose, linkExpiresAt: issued.expiresAt });
  const origin = config.publicUrl ?? `http://localhost:${config.port || 3000}`;
  print(`One-time link for ${agent.email} (valid until ${new Date(issued.expiresAt).toISOString()}):\n${linkUrl(origin, issued.token)}`);
}

class UsageError extends Error {}

const config = configFromEnv();
const store = openStore({ databaseUrl: config.databaseUrl, poolSize: 1, sqliteFile: sqliteFile(config) });
let code = 0;
try {
  await store.migrate();
  await run(process.argv.slice(2), store, config, (line) => process.stdout.write(`${line}\n`));
} catch (error) {
  code = error instanceof UsageError ? 2 : 1;
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  await store.close();
}
process.exit(code);
