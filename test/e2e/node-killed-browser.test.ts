// In real Chromium through the local balancer: two nodes on one SQLite file and one Redis. The student's page
// lives on one node, the agent's console on the other; the student's node is killed with SIGKILL mid-chat.
// The widget reconnects through the balancer to the surviving node and the chat goes on: the agent sees every
// student message exactly once, and the agent's reply written after the kill reaches the student.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { NODE_COOKIE } from '../../scripts/cluster/balancer';
import { startBalancedCluster, type BalancedCluster } from '../support/balanced-cluster';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { removeRedisKeys } from '../support/cluster';
import { signInToConsole, goAvailable } from '../support/console-page';
import { seedDeployment, type Deployment } from '../support/server-process';

/** This suite's Redis database; each run has a key prefix of its own, removed afterwards. */
const REDIS_URL = process.env.REDIS_FAULT_URL ?? 'redis://127.0.0.1:6379/4';

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe.runIf(browserAvailable())('the student’s node killed mid-chat, in the browser', () => {
  const prefix = `cs-browser-ha-${randomBytes(6).toString('hex')}`;
  let deployment: Deployment;
  let cluster: BalancedCluster;
  let browser: Browser;

  beforeAll(async () => {
    deployment = await seedDeployment({ agents: 1, capacity: 5, store: 'sqlite' });
    // The balancer is a proxy, not loopback in the nodes' eyes once they trust it: the examples are opened to all.
    cluster = await startBalancedCluster({ nodes: 2, deployment, env: { REDIS_URL, SUPPORT_REDIS_PREFIX: prefix, SUPPORT_EXAMPLES: '1' } });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await cluster?.close();
    await deployment?.remove();
    await removeRedisKeys(prefix, REDIS_URL);
  });

  /** The node the balancer pinned this browser profile to. */
  const pinnedNode = async (profile: BrowserContext) => (await profile.cookies(cluster.balancer.url)).find((c) => c.name === NODE_COOKIE)?.value;

  it('carries on through the other node; the agent sees every message once', async () => {
    const studentProfile = await browser.newProfile();
    const student = await studentProfile.newPage();
    await student.goto(`${cluster.balancer.url}/examples/classroom/?user=stu-kai&name=Kai%20Killed&role=student&room=physics-101`);
    await student.getByRole('button', { name: /support/i }).click();
    const composer = student.getByRole('textbox', { name: 'Message' });
    const studentLog = student.getByRole('log');
    const say = async (text: string) => {
      await composer.fill(text);
      await student.getByRole('button', { name: 'Send' }).click();
    };
    await say('My video froze');
    await expect.poll(() => studentLog.innerText(), { timeout: 10_000 }).toContain('My video froze');
    const studentNode = await pinnedNode(studentProfile);
    const victim = cluster.names.indexOf(studentNode ?? '');
    expect(victim).toBeGreaterThanOrEqual(0);
    const survivor = cluster.names[1 - victim]!;

    // The agent's console is pinned to the other node by the balancer's own cookie.
    const agentProfile = await browser.newProfile();
    await agentProfile.addCookies([{ name: NODE_COOKIE, value: survivor, url: cluster.balancer.url }]);
    const agent = await agentProfile.newPage();
    const { email, password } = deployment.agents[0]!;
    await signInToConsole(agent, cluster.balancer.url, email, password);
    await goAvailable(agent);
    await agent
      .getByRole('button', { name: /Kai Killed/ })
      .first()
      .click();
    const agentLog = agent.getByRole('log');
    await expect.poll(() => agentLog.innerText(), { timeout: 10_000 }).toContain('My video froze');
    expect(await pinnedNode(agentProfile)).toBe(survivor);

    const reply = agent.getByRole('textbox', { name: 'Reply' });
    const answer = async (text: string) => {
      await reply.fill(text);
      await agent.getByRole('button', { name: 'Send' }).click();
    };
    await answer('Try leaving and rejoining the room.');
    await expect.poll(() => studentLog.innerText(), { timeout: 10_000 }).toContain('Try leaving and rejoining the room.');

    await cluster.node(victim).kill9();
    // Written while the widget finds its way to the surviving node: kept in the outbox, resent there.
    await say('Rejoined, still frozen');
    await say('Now the sound is gone too');
    await expect.poll(() => agentLog.innerText(), { timeout: 20_000 }).toContain('Now the sound is gone too');
    await answer('Please reload the classroom page.');
    await expect.poll(() => studentLog.innerText(), { timeout: 15_000 }).toContain('Please reload the classroom page.');
    expect(await pinnedNode(studentProfile)).toBe(survivor);

    // Give any duplicate time to show up before counting.
    await new Promise((r) => setTimeout(r, 1_500));
    const agentText = await agentLog.innerText();
    for (const text of ['My video froze', 'Rejoined, still frozen', 'Now the sound is gone too']) expect(occurrences(agentText, text)).toBe(1);
    expect(agentText).toMatch(/My video froze[\s\S]*Rejoined, still frozen[\s\S]*Now the sound is gone too/);
    const studentText = await studentLog.innerText();
    expect(occurrences(studentText, 'Please reload the classroom page.')).toBe(1);
    expect(studentText).not.toMatch(/Sending…|Not sent/);
  }, 90_000);
});
