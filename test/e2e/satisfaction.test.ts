// CSAT in real Chromium: the agent closes the chat, the student's widget asks "How did we do?" once, the
// student rates 4 with a comment; the agent sees it on the chat at once, the supervisor view counts it; after a
// reload the student is not asked again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { expectAccessible } from '../support/axe';
import { signInToConsole, goAvailable } from '../support/console-page';
import { startTestServer, type TestServer } from '../support/server';

describe.runIf(browserAvailable())('satisfaction in the browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ examples: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('asks the student once after the chat closes, and shows the rating to the agent and the supervisor', async () => {
    const student = await (await browser.newProfile()).newPage();
    await student.goto(`${server.url}/examples/classroom/?user=stu-cora&name=Cora%20Csat&role=student&room=physics-101`);
    await student.getByRole('button', { name: 'Open support chat' }).click();
    await student.getByRole('textbox', { name: 'Message' }).fill('The slides do not change');
    await student.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => student.getByRole('log').innerText(), { timeout: 10_000 }).toContain('The slides do not change');

    const agent = await (await browser.newProfile()).newPage();
    await signInToConsole(agent, server.url);
    await goAvailable(agent);
    await agent
      .getByRole('button', { name: /Cora Csat/ })
      .first()
      .click();
    await expect.poll(() => agent.getByRole('log').innerText(), { timeout: 10_000 }).toContain('The slides do not change');
    await agent.getByRole('textbox', { name: 'Reply' }).fill('Reload the page, they will follow again.');
    await agent.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => student.getByRole('log').innerText(), { timeout: 10_000 }).toContain('Reload the page');
    await agent.getByRole('button', { name: 'Close chat' }).click();

    const card = student.getByRole('region', { name: 'How did we do?' });
    await expect.poll(() => card.isVisible(), { timeout: 15_000 }).toBe(true);
    // Sending without a score says what is missing and keeps what was typed.
    await card.getByRole('textbox', { name: 'Comment (optional)' }).fill('Fast and friendly');
    await card.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => card.getByRole('alert').innerText()).toBe('Choose 1 to 5 first.');
    await card.getByRole('radio', { name: '4 of 5' }).click();
    await expectAccessible(student, 'the rating card');
    expect(await card.getByRole('radio', { name: '4 of 5' }).getAttribute('aria-checked')).toBe('true');
    await student.screenshot({ path: 'test-results/csat-widget.png' });
    await card.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toContain('Thank you for your feedback!');

    // The agent's console shows it on the chat without a reload.
    const note = agent.getByRole('note', { name: "User's rating: 4 of 5" });
    await expect.poll(() => note.innerText(), { timeout: 10_000 }).toContain('Fast and friendly');
    await agent.screenshot({ path: 'test-results/csat-agent.png' });

    // Supervisors (the admin here) see it counted for the organisation and the agent.
    await agent
      .getByRole('link', { name: 'Supervisor' })
      .or(agent.getByRole('button', { name: 'Supervisor' }))
      .first()
      .click();
    const perAgent = agent.getByRole('table', { name: 'Satisfaction per agent' });
    await expect.poll(() => perAgent.innerText(), { timeout: 10_000 }).toMatch(/1\s+4\.00\s+100%/);
    await expect.poll(() => agent.getByRole('table', { name: 'Satisfaction per organisation' }).innerText()).toContain('Maple Online Academy');
    await agent.screenshot({ path: 'test-results/csat-supervisor.png', fullPage: true });

    // Asked once: after a reload the card does not come back.
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(0);
    await student.reload();
    await student.getByRole('button', { name: /support chat/i }).waitFor();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await student.getByRole('region', { name: 'How did we do?' }).count()).toBe(0);

    // Nothing waits for a first reply: the card says so, rather than that every chat is "well within" its deadline.
    const deadlines = agent.getByRole('region', { name: 'Close to the first-response deadline' });
    await expect.poll(() => deadlines.innerText()).toContain('No chat is waiting for a first reply.');
    // A new chat, not close to its deadline yet: the card names it as the one due next, with its time left.
    const dan = await (await browser.newProfile()).newPage();
    await dan.goto(`${server.url}/examples/classroom/?user=stu-dan&name=Dan%20Due&role=student&room=physics-101`);
    await dan.getByRole('button', { name: 'Open support chat' }).click();
    await dan.getByRole('textbox', { name: 'Message' }).fill('My microphone is muted');
    await dan.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => deadlines.innerText(), { timeout: 10_000 })
      .toMatch(/None has used 75% of its time to a first reply yet\. Due next: P\d Dan Due · Maple Online Academy · due in \d+ min · with /);
    await agent.screenshot({ path: 'test-results/supervisor-next-due.png' });
    await deadlines.getByRole('button', { name: /Dan Due/ }).click();
    await expect.poll(() => agent.getByRole('log').innerText(), { timeout: 10_000 }).toContain('My microphone is muted');
  }, 120_000);
});
