// Composition root: config → store → domain → transports → listen; and an orderly stop.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { AGENT_NAMESPACE, VISITOR_NAMESPACE } from '../shared/protocol';
import { classroomExample, ensureDemoOrganisation } from '../examples/classroom/host-backend';
import { sqliteFile, type Config } from './config';
import { connectRedis } from './redis-client';
import { readStarterArticles } from './starter-articles';
import { systemClock, type Clock, type Store } from './domain/ports';
import { queueStats } from './domain/routing/queue-stats';
import { createServices, type SupportServices } from './domain/services';
import { attachmentFiles, attachmentsDir } from './store/files/attachment-files';
import { openStore } from './store/open-store';
import { memoryRateLimits, redisRateLimits } from './store/rate-limits/flexible-rate-limits';
import { clientAddressOf, trustFunction } from './transport/client-address';
import { createHttpApp } from './transport/http/app';
import { httpWebhookSender } from './transport/outbound/http-webhook-sender';
import { smtpMailer } from './transport/outbound/smtp-mailer';
import { InFlight } from './transport/in-flight';
import { OwnOrigin } from './transport/own-origin';
import { keepConsolesPresent } from './transport/socket/agent-consoles';
import { timedStore } from './store/timed-store';
import { countDomainEvents } from './transport/metrics/event-metrics';
import { timeHttpRequests } from './transport/metrics/http-metrics';
import { metricsEndpoint } from './transport/metrics/metrics-endpoint';
import { createMetrics } from './transport/metrics/registry';
import { drainGate } from './transport/socket/drain-gate';
import { setUpAgentNamespace } from './transport/socket/agent-namespace';
import { RemotePresence, shareVisitorPresence } from './transport/socket/cluster-presence';
import { clusterSignals } from './transport/socket/cluster-signals';
import { fanOutDomainEvents } from './transport/socket/fan-out';
import { feedQueuePositions } from './transport/socket/queue-position-feed';
import { feedQuality } from './transport/socket/quality-feed';
import { sweepRouting } from './transport/routing-sweep';
import { followOtherNodesTickets } from './transport/cluster-timers';
import { sendCheckInReminders } from './transport/socket/check-in-reminders';
import { redisStreamsAdapter } from './transport/socket/redis-adapter';
import { feedSupervisors } from './transport/socket/supervisor-feed';
import type { AgentNamespace, VisitorNamespace } from './transport/socket/types';
import { setUpVisitorNamespace } from './transport/socket/visitor-namespace';

/** Prefix of this deployment's Redis keys and channels unless SUPPORT_REDIS_PREFIX says otherwise. */
const DEFAULT_REDIS_PREFIX = 'cs';

/** How long a drain waits for running writes to be acked before closing sockets anyway (they still commit). */
const IN_FLIGHT_WAIT_MS = 10_000;

export interface RunningServer {
  url: string;
  port: number;
  services: SupportServices;
  /**
   * Drain and stop: /healthz turns 503 (for `drainDelayMs` the node still serves, so a load balancer moves new
   * clients away), then no new connections or requests, writes in progress finish and are acked, every socket
   * is closed so its client reconnects elsewhere, and the store closes.
   */
  close(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  log: Logger;
  clock?: Clock;
  store?: Store;
}

/** How long a starting node waits for its Redis. */
const REDIS_CONNECT_TIMEOUT_MS = 10_000;

export async function startServer({ config, log, clock = systemClock, store: given }: StartOptions): Promise<RunningServer> {
  // With Redis, every node's sockets hear every node's events (docs/scaling.md); without it, one node in memory.
  const redis = config.redisUrl ? connectRedis(config.redisUrl, log) : null;
  const redisPrefix = config.redisPrefix ?? DEFAULT_REDIS_PREFIX;
  try {
    await redis?.connected(REDIS_CONNECT_TIMEOUT_MS);
  } catch (error) {
    redis?.client.disconnect();
    throw error;
  }
  const metrics = createMetrics();
  // Every Store call is timed, whichever store this is.
  const store = timedStore(
    given ??
      openStore({
        databaseUrl: config.databaseUrl,
        poolSize: config.databasePoolSize,
        sqliteFile: sqliteFile(config),
        onUnavailable: (err) => log.warn({ err }, 'PostgreSQL cannot be reached; writes fail as unavailable until it is back'),
      }),
    metrics.observeStore,
  );
  const trustProxy = trustFunction(config.trustProxy);
  // Without SMTP_URL email is off: nothing is sent and the console says so.
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.smtpFrom ?? 'Classroom Support <support@localhost>') : null;
  if (!mailer) log.info('email is off: SMTP_URL is not set');
  await store.migrate();
  // Nobody is connected before we listen: consoles get the grace period to come back (see AgentPresence).
  await store.startGraceForEveryone(clock.now());

  // Visitors online on other nodes, as they report them (cluster-presence.ts); always empty on one node.
  const remotePresence = new RemotePresence();
  const services = createServices({
    store,
    clock,
    visitorOnlineElsewhere: (endUserId) => remotePresence.has(endUserId),
    newId: randomUUID,
    onListenerError: (err, event) => log.error({ err, event: event.type }, 'domain event listener failed'),
    visitorOfflineGraceMs: config.visitorOfflineGraceMs,
    agentGraceMs: config.agentGraceMs,
    articleImageOrigins: config.articleImageOrigins,
    attachmentFiles: attachmentFiles(attachmentsDir(config.dataDir)),
    ...(config.retentionIntervalMs === undefined ? {} : { retentionIntervalMs: config.retentionIntervalMs }),
    onJobError: (err, what) => log.error({ err, what }, 'background job failed'),
    // Keys live in the URL's database, so the deployment's prefix alone keeps them apart: `cs:rl:…` by default.
    rateLimits: redis ? redisRateLimits(redis.client, `${redisPrefix}:rl:`) : memoryRateLimits(),
    rateLimitFactor: config.rateLimitFactor,
    webhookSender: httpWebhookSender({ allowPrivate: config.webhookAllowPrivate ?? false }),
    ...(mailer ? { mailer } : {}),
    ...(config.emailPollMs ? { emailPollMs: config.emailPollMs } : {}),
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  });

  await services.articles.library.load();
  const starters = await services.articles.editing.seed(readStarterArticles());
  if (starters) log.info({ articles: starters }, 'starter help articles published');

  const firstAdmin = await services.agents.ensureFirstAdmin(config.adminEmail, config.adminPassword);
  if (firstAdmin?.generatedPassword) {
    // Printed once, on the empty database only; it is never stored in clear.
    process.stdout.write(
      `\nFirst admin created: ${firstAdmin.email} / ${firstAdmin.generatedPassword}\nSign in at /console/ and keep this password safe.\n\n`,
    );
  } else if (firstAdmin) {
    log.info({ email: firstAdmin.email }, 'first admin created');
  }

  let ready = false;
  const inFlight = new InFlight();
  // Without SUPPORT_PUBLIC_URL the origin is the request's own; the same proxy trust decides its scheme.
  const ownOrigin = new OwnOrigin(config.publicUrl, trustProxy);
  const app = createHttpApp({
    services,
    log,
    trustProxy,
    isReady: () => ready,
    ownOrigin,
    metrics: { timing: timeHttpRequests(metrics), endpoint: metricsEndpoint(metrics, config.metricsToken, log) },
    ...(config.examples ? { examples: classroomExample(store), examplesForEveryone: config.examplesForEveryone ?? false } : {}),
  });
  const http: HttpServer = createServer(app);
  const io = new Server(http, {
    // Widgets connect from customers' pages; each organisation's allowed origins are checked at handshake.
    cors: { origin: true, credentials: false },
    maxHttpBufferSize: 64 * 1024,
    serveClient: false,
    // A fast path after short drops: rooms come back and missed broadcasts are replayed. Clients still fetch
    // history after every reconnect, so nothing depends on it. Middlewares run again (tokens may have expired).
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    // Half-open connections (a laptop lid, a dropped Wi-Fi) are noticed within ~20 s instead of ~45 s.
    pingInterval: 10_000,
    pingTimeout: 10_000,
    ...(redis ? { adapter: redisStreamsAdapter(redis, redisPrefix, log) } : {}),
  });
  const visitors = io.of(VISITOR_NAMESPACE) as VisitorNamespace;
  const agents = io.of(AGENT_NAMESPACE) as AgentNamespace;
  const handlerContext = {
    log,
    inFlight,
    durable: () => store.durable(),
    clientAddress: (request: IncomingMessage) => clientAddressOf(request, trustProxy),
    observeAck: metrics.observeAck,
  };
  const gate = drainGate([visitors, agents]);
  metrics.sources.connections = () => [visitors, agents].map((ns) => ({ namespace: ns.name, count: ns.sockets.size }));
  metrics.sources.queue = () => queueStats(store, clock);
  const stopEventMetrics = countDomainEvents(services.events, metrics);
  const cluster = clusterSignals(agents, services.events, redis, log);
  const stopSharingPresence = shareVisitorPresence(agents, cluster, remotePresence, services, log);
  keepConsolesPresent(agents, cluster, services, log);
  const queueFeed = feedQueuePositions(services, visitors, log, cluster);
  const qualityFeed = feedQuality(services, visitors, agents, cluster, log);
  setUpVisitorNamespace(visitors, agents, services, handlerContext, queueFeed.positions, ownOrigin, qualityFeed);
  setUpAgentNamespace(agents, visitors, services, handlerContext, ownOrigin);
  const stopFanOut = fanOutDomainEvents(services, visitors, agents, queueFeed.positions, log, cluster);
  // Before listening: SLA points that fell due while the server was down fire once, before anyone acts.
  await services.tickets.scheduler.start();
  const stopFollowingTickets = followOtherNodesTickets(cluster, services.tickets.scheduler);
  const stopSupervisorFeed = feedSupervisors(services, agents, log, cluster);
  const stopRoutingSweep = sweepRouting(services, inFlight, log);
  // Retention runs once per interval across every process on this database (a claim in the store).
  services.privacy.retentionJob.start();
  services.monitoring.start();
  const stopReminders = sendCheckInReminders(services, agents, log, config.reminderPollMs);
  // Webhook deliveries stored before a crash or restart are sent from now on, by whichever node claims them.
  services.integrations.start();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  metrics.registry.setDefaultLabels({ node: config.nodeName ?? `${hostname()}:${port}` });
  const url = `http://${config.host && config.host !== '0.0.0.0' ? config.host : 'localhost'}:${port}`;
  if (config.examples) {
    const local = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
    await ensureDemoOrganisation(store, clock, config.publicUrl ? [...local, config.publicUrl] : local);
  }
  ready = true;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      ready = false;
      // Health checks see 503 while everything still works: the balancer sends new clients elsewhere first.
      if (config.drainDelayMs) await new Promise((resolve) => setTimeout(resolve, config.drainDelayMs));
      log.info('draining');
      stopSharingPresence();
      stopRoutingSweep();
      stopFollowingTickets();
      stopSupervisorFeed();
      stopReminders();
      // No new connections; requests arriving from now on go unanswered and are resent after the reconnect.
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      gate.shut();
      // Writes already running commit and are acked while their sockets are still open.
      let giveUp: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([inFlight.idle(), new Promise((resolve) => (giveUp = setTimeout(resolve, IN_FLIGHT_WAIT_MS)))]);
      clearTimeout(giveUp);
      // Closing the transports (not a server-side disconnect) makes clients reconnect by themselves: through
      // a load balancer, to another node.
      void io.close();
      http.closeAllConnections();
      await httpClosed;
      await inFlight.idle();
      services.tickets.scheduler.stop();
      await services.tickets.scheduler.idle();
      services.privacy.retentionJob.stop();
      await services.monitoring.stop();
      qualityFeed.stop();
      await services.privacy.retentionJob.idle();
      await services.integrations.stop();
      mailer?.close();
      await services.routing.replies.settled();
      services.presence.stop();
      stopFanOut();
      cluster.stop();
      stopEventMetrics();
      await queueFeed.stop();
      await store.close();
      // Last: sessions of the sockets io.close() dropped are still being written for recovery on another node.
      await redis?.close();
      log.info('stopped');
    })();
    return closing;
  };

  return { url, port, services, close };
}
