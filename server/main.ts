// Entry point of `npm start`: read the environment, start the server, drain and stop on SIGTERM/SIGINT.
import { startServer } from './app';
import { configFromEnv } from './config';
import { createLogger } from './log';

const config = configFromEnv();
const log = createLogger(config.logLevel);

try {
  const server = await startServer({ config, log });
  let stopping = false;
  const stop = (signal: string) => {
    // A second signal (Ctrl-C reaches every process of the terminal's group, and supervisors repeat SIGTERM)
    // must not cut a drain short: writes in progress would lose their acks.
    if (stopping) return void log.info({ signal }, 'already stopping');
    stopping = true;
    log.info({ signal }, 'stopping');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // Logged last, once signals are handled: supervisors and tests take this line as "ready".
  // Which store, never its URL (it may hold a password).
  log.info(
    { url: server.url, dataDir: config.dataDir, store: config.databaseUrl ? 'postgres' : 'sqlite', examples: config.examples },
    'classroom support is listening',
  );
} catch (err) {
  log.fatal({ err }, 'could not start');
  process.exit(1);
}
