// The Prometheus metrics one node exports at /metrics: each is defined here once, with its labels, so the
// names and meanings are in one place (docs/operations.md lists them). Values come from the modules beside it.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { QueueStat } from '../../domain/routing/queue-stats';

/** Where the gauges read their values at scrape time; set once the namespaces and services exist. */
export interface MetricSources {
  connections?: () => { namespace: string; count: number }[];
  queue?: () => Promise<QueueStat[]>;
}

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function createMetrics() {
  const registry = new Registry();
  // Process CPU and memory, GC, and event-loop lag (nodejs_eventloop_lag_seconds and the *_p99 etc. from a histogram).
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  const sources: MetricSources = {};
  const registers = [registry];

  new Gauge({
    name: 'support_socket_connections',
    help: 'Socket.IO connections open on this node, per namespace',
    labelNames: ['namespace'],
    registers,
    collect() {
      this.reset();
      for (const { namespace, count } of sources.connections?.() ?? []) this.set({ namespace }, count);
    },
  });

  // One read of the queue per scrape serves both gauges: the first to collect reads, the second reuses it.
  let lastRead: { at: number; stats: Promise<QueueStat[]> } | null = null;
  const readQueue = (): Promise<QueueStat[]> => {
    if (!sources.queue) return Promise.resolve([]);
    if (!lastRead || performance.now() - lastRead.at > 1_000) lastRead = { at: performance.now(), stats: sources.queue() };
    return lastRead.stats;
  };
  new Gauge({
    name: 'support_queue_waiting',
    help: 'Chats waiting in the queue, per priority (the whole cluster: read from the database)',
    labelNames: ['priority'],
    registers,
    async collect() {
      for (const stat of await readQueue()) this.set({ priority: stat.priority }, stat.waiting);
    },
  });
  new Gauge({
    name: 'support_queue_oldest_wait_seconds',
    help: 'How long the longest-waiting queued chat has waited, per priority (0 when none waits)',
    labelNames: ['priority'],
    registers,
    async collect() {
      for (const stat of await readQueue()) this.set({ priority: stat.priority }, stat.oldestWaitMs / 1000);
    },
  });

  const ackLatency = new Histogram({
    name: 'support_socket_ack_duration_seconds',
    help: 'From a socket request arriving to its ack leaving (durable writes included), by event',
    labelNames: ['event'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const acks = new Counter({
    name: 'support_socket_acks_total',
    help: 'Socket requests answered by this node, by event and result (ok or the error code)',
    labelNames: ['event', 'result'],
    registers,
  });
  const ackSeries = new Map<string, { count: { inc(): void }; latency: { observe(seconds: number): void } }>();
  const storeLatency = new Histogram({
    name: 'support_store_duration_seconds',
    help: 'Store calls (database work, commit included), by Store method',
    labelNames: ['method'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const storeErrors = new Counter({
    name: 'support_store_errors_total',
    help: 'Store calls that failed, by Store method',
    labelNames: ['method'],
    registers,
  });

  return {
    registry,
    sources,
    observeAck(event: string, result: string, seconds: number): void {
      // The labelled series, looked up once: prom-client hashes a labels object on every call otherwise, and
      // quality reports alone come thousands a second.
      const key = `${event}\u0000${result}`;
      let series = ackSeries.get(key);
      if (!series) {
        series = { count: acks.labels(event, result), latency: ackLatency.labels(event) };
        ackSeries.set(key, series);
      }
      series.count.inc();
      series.latency.observe(seconds);
    },
    observeStore(method: string, seconds: number, failed: boolean): void {
      storeLatency.observe({ method }, seconds);
      if (failed) storeErrors.inc({ method });
    },
    messages: new Counter({
      name: 'support_messages_total',
      help: 'Chat messages stored by this node, by author kind (repeats of a stored message not counted)',
      labelNames: ['author'],
      registers,
    }),
    slaWarnings: new Counter({
      name: 'support_sla_warnings_total',
      help: 'SLA warnings fired by this node, by metric (each fires once in the cluster)',
      labelNames: ['metric'],
      registers,
    }),
    slaBreaches: new Counter({
      name: 'support_sla_breaches_total',
      help: 'SLA breaches fired by this node, by metric (each fires once in the cluster)',
      labelNames: ['metric'],
      registers,
    }),
    httpLatency: new Histogram({
      name: 'support_http_request_duration_seconds',
      help: 'HTTP requests served by express, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
  };
}

export type SupportMetrics = ReturnType<typeof createMetrics>;
