// The Content-Security-Policies of the console and of the public help pages over HTTP: images from exactly the
// article image origins, nothing looser.
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config';
import { startTestServer, type TestServer } from '../support/server';

/** The policy as directive name → its sources. */
async function consolePolicy(server: TestServer, path = '/console/'): Promise<Map<string, string[]>> {
  const res = await fetch(`${server.url}${path}`);
  expect(res.status).toBe(200);
  const header = res.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** What the console allows besides images, unchanged by any image setting: sockets to this server only. */
const strict = (server: TestServer) => ({
  'default-src': ["'self'"],
  'connect-src': ["'self'", server.url.replace(/^http/, 'ws')],
  'style-src': ["'self'", "'unsafe-inline'"],
  'frame-ancestors': ["'none'"],
});

describe('the console Content-Security-Policy', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('allows images from exactly the configured article image origins, and no wildcard', async () => {
    const { articleImageOrigins } = configFromEnv({ SUPPORT_ARTICLE_IMAGE_ORIGINS: 'https://cdn.example.com/img/, http://127.0.0.1:8089' });
    server = await startTestServer({ articleImageOrigins });
    const policy = await consolePolicy(server);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'https://cdn.example.com', 'http://127.0.0.1:8089']);
    expect(Object.fromEntries([...policy].filter(([name]) => name !== 'img-src'))).toEqual(strict(server));
    for (const sources of policy.values()) {
      expect(sources.filter((s) => s.includes('*') || s === 'https:' || s === 'http:')).toEqual([]);
    }
    // The same list the markdown renderer allows: an image from there is rendered, one from elsewhere is not.
    const html = server.services.articles.library.preview('![a](https://cdn.example.com/a.png) ![b](https://cdn.example.org/b.png)');
    expect(html).toContain('<img src="https://cdn.example.com/a.png"');
    expect(html).not.toContain('cdn.example.org');
  });

  it('stays as strict as before when no image origin is configured', async () => {
    server = await startTestServer();
    const policy = await consolePolicy(server);
    expect(Object.fromEntries(policy)).toEqual({ ...strict(server), 'img-src': ["'self'", 'data:'] });
  });

  it('is matched by the public help pages, which allow images from those origins and nothing else', async () => {
    const { articleImageOrigins } = configFromEnv({ SUPPORT_ARTICLE_IMAGE_ORIGINS: 'https://cdn.example.com' });
    server = await startTestServer({ articleImageOrigins });
    const policy = await consolePolicy(server, '/help/weak-network?lang=en');
    expect(policy.get('img-src')).toEqual(['https://cdn.example.com']);
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });
});
