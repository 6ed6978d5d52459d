// The node's Redis connection: only redis:// URLs, the database number honoured, a clear error when Redis cannot
// be reached at start, and commands that wait for Redis rather than fail while it is away.
import { afterEach, describe, expect, it } from 'vitest';
import { connectRedis, type RedisConnection } from '../../server/redis-client';
import { createLogger } from '../../server/log';
import { startChaosProxy, type ChaosProxy } from '../support/chaos-proxy';
import { REDIS_TEST_URL } from '../support/cluster';
import { freePort } from '../support/server-process';

const log = createLogger('silent');

describe('connectRedis', () => {
  const open: RedisConnection[] = [];
  const proxies: ChaosProxy[] = [];

  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
    await Promise.all(proxies.splice(0).map((p) => p.close()));
  });

  it('refuses a URL that is not redis:// or rediss://', () => {
    expect(() => connectRedis('http://127.0.0.1:6379', log)).toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(() => connectRedis('not a url', log)).toThrow(/REDIS_URL/);
  });

  it('selects the database the URL names', async () => {
    const redis = connectRedis(REDIS_TEST_URL, log);
    open.push(redis);
    await redis.connected(5_000);
    const wanted = Number(new URL(REDIS_TEST_URL).pathname.slice(1) || 0);
    expect(redis.db).toBe(wanted);
    const key = `cs-test-client-${Date.now()}`;
    await redis.client.set(key, 'here', 'PX', 10_000);
    // What the client wrote is in that database, not in database 0.
    const clientList = await redis.client.client('INFO');
    expect(String(clientList)).toContain(`db=${wanted}`);
    await redis.client.del(key);
  });

  it('says it cannot reach Redis when nothing listens, without waiting forever', async () => {
    const redis = connectRedis(`redis://127.0.0.1:${await freePort()}/3`, log);
    open.push(redis);
    const started = Date.now();
    await expect(redis.connected(1_000)).rejects.toThrow(/could not reach Redis/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('holds a command while Redis is away and runs it when it is back', async () => {
    const port = Number(new URL(REDIS_TEST_URL).port || 6379);
    const proxy = await startChaosProxy(port);
    proxies.push(proxy);
    const redis = connectRedis(`redis://127.0.0.1:${proxy.port}${new URL(REDIS_TEST_URL).pathname}`, log);
    open.push(redis);
    await redis.connected(5_000);
    proxy.setDown(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(redis.ready()).toBe(false);
    const key = `cs-test-client-${Date.now()}`;
    const written = redis.client.set(key, 'later', 'PX', 10_000);
    await new Promise((r) => setTimeout(r, 3_000));
    proxy.setDown(false);
    expect(await written).toBe('OK');
    expect(await redis.client.get(key)).toBe('later');
    await redis.client.del(key);
  }, 15_000);
});
