// In real Chromium: the widget's realtime channel is cut, the student sends two messages and reloads the page;
// when the channel comes back the agent sees each message exactly once, in order.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startChaosProxy, type ChaosProxy } from '../support/chaos-proxy';
import { identityToken, startTestServer, type TestServer } from '../support/server';
import { signInToConsole, goAvailable } from '../support/console-page';

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** A classroom app on its own loopback origin: its page embeds the widget, its backend signs identity tokens. */
async function startClassroomHost(server: TestServer, realtimeUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const org = await server.services.store.findOrganisationByAppKey('demo-classroom');
  if (!org) throw new Error('demo organisation missing');
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Physics 101 · Live class</title>
<script>(function(w){var c=w.ClassroomSupport=w.ClassroomSupport||{_q:[]};['init','open','close','setContext'].forEach(function(m){c[m]=c[m]||function(){c._q.push([m,[].slice.call(arguments)])}})})(window);</script>
<script async src="${server.url}/widget.js"></script></head><body><h1>Physics 101 — live</h1><script>
ClassroomSupport.init({
  server: ${JSON.stringify(realtimeUrl)},
  appKey: 'demo-classroom',
  token: function () { return fetch('/token').then(function (r) { return r.text(); }); },
  context: { classroomId: 'physics-101', role: 'student' }
});
</script></body></html>`;
  const http = createServer((req, res) => {
    if (req.url === '/token') {
      void identityToken(org.identitySecret, { sub: 'stu-rita', name: 'Rita Reload', role: 'student', classroom: 'physics-101' }).then((token) =>
        res.end(token),
      );
    } else {
      res.setHeader('content-type', 'text/html');
      res.end(page);
    }
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  await server.services.store.setAllowedOrigins(org.id, [...org.allowedOrigins, url]);
  return { url, close: () => new Promise((resolve) => http.close(() => resolve())) };
}

describe.runIf(browserAvailable())('a reload while the realtime channel is cut', () => {
  let server: TestServer;
  let proxy: ChaosProxy;
  let browser: Browser;
  let host: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    server = await startTestServer({ examples: true });
    proxy = await startChaosProxy(server.port);
    host = await startClassroomHost(server, proxy.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await proxy?.close();
    await server?.stop();
  });

  async function agentConsole(): Promise<Page> {
    const page = await (await browser.newProfile()).newPage();
    await signInToConsole(page, server.url);
    await goAvailable(page);
    return page;
  }

  it('delivers both messages written offline exactly once, in order, after the reload', async () => {
    const student = await (await browser.newProfile()).newPage();
    await student.goto(host.url);
    await student.getByRole('button', { name: /support/i }).click();
    const composer = student.getByRole('textbox', { name: 'Message' });
    const studentLog = student.getByRole('log');
    await composer.fill('My screen share froze');
    await composer.press('Enter');
    await expect.poll(() => studentLog.innerText(), { timeout: 10_000 }).toMatch(/My screen share froze[\s\S]*\d\d:\d\d/);

    const agent = await agentConsole();
    await agent
      .getByRole('button', { name: /Rita Reload/ })
      .first()
      .click();
    const agentLog = agent.getByRole('log');
    await expect.poll(() => agentLog.innerText(), { timeout: 10_000 }).toContain('My screen share froze');

    // The channel goes: what the student writes now waits in the outbox (and in localStorage).
    proxy.setDown(true);
    await expect.poll(() => student.getByText('Reconnecting…').count(), { timeout: 10_000 }).toBe(1);
    await composer.fill('First, written offline');
    await composer.press('Enter');
    await composer.fill('Second, written offline');
    await composer.press('Enter');
    await expect.poll(() => studentLog.innerText()).toContain('Second, written offline');

    await student.reload();
    await student.getByRole('button', { name: /support/i }).click();
    // Still there after the reload, before any connection: shown as pending, in order.
    await expect
      .poll(() => student.getByRole('log').innerText(), { timeout: 10_000 })
      .toMatch(/First, written offline[\s\S]*Second, written offline/);
    await student.screenshot({ path: 'test-results/fault-reload-offline.png' });

    proxy.setDown(false);
    await expect
      .poll(() => agentLog.innerText(), { timeout: 20_000 })
      .toMatch(/My screen share froze[\s\S]*First, written offline[\s\S]*Second, written offline/);
    // Give any duplicate time to show up before counting.
    await new Promise((r) => setTimeout(r, 1_500));
    const agentText = await agentLog.innerText();
    expect(occurrences(agentText, 'First, written offline')).toBe(1);
    expect(occurrences(agentText, 'Second, written offline')).toBe(1);
    const studentText = await student.getByRole('log').innerText();
    expect(occurrences(studentText, 'First, written offline')).toBe(1);
    expect(occurrences(studentText, 'Second, written offline')).toBe(1);
    expect(studentText).not.toMatch(/Sending…|Not sent/);
    await agent.screenshot({ path: 'test-results/fault-reload-agent.png' });
    await student.screenshot({ path: 'test-results/fault-reload-student.png' });
  }, 90_000);
});
