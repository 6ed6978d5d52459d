// Entry point of `npm start`: read the environment, start the server, stop cleanly on SIGTERM/SIGINT.
import { startServer } from './app';
import { configFromEnv } from './config';
import { createLogger } from './log';

const config = configFromEnv();
const log = createLogger(config.logLevel);

try {
  const server = await startServer({ config, log });
  const stop = (signal: string) => {
    log.info({ signal }, 'stopping');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  // Logged last, once signals are handled: supervisors and tests take this line as "ready".
  log.info({ url: server.url, dataDir: config.dataDir, examples: config.examples }, 'classroom support is listening');
} catch (err) {
  log.fatal({ err }, 'could not start');
  process.exit(1);
}
