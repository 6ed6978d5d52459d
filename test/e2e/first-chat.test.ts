// The foundation scenario in real Chromium: a student asks for help on the example classroom page, an agent answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { goAvailable } from '../support/console-page';

describe.runIf(browserAvailable())('first support chat in the browser', () => {
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

  it('a student asks "My audio is not working" and sees the agent reply', async () => {
    const studentPage = await (await browser.newProfile()).newPage();
    await studentPage.goto(`${server.url}/examples/classroom/?user=stu-ada&name=Ada%20Lovelace&role=student&room=physics-101`);
    await studentPage.getByRole('button', { name: /support/i }).click();
    // The composer stays inside the panel even with suggestions and the urgency choice above it.
    const panelBox = await studentPage.getByRole('dialog', { name: 'Classroom Support' }).boundingBox();
    const sendBox = await studentPage.getByRole('button', { name: 'Send' }).boundingBox();
    expect(sendBox && panelBox && sendBox.y + sendBox.height <= panelBox.y + panelBox.height).toBe(true);
    const message = studentPage.getByRole('textbox', { name: 'Message' });
    await message.fill('My audio is not working');
    await studentPage.getByRole('button', { name: 'Send' }).click();
    const studentLog = studentPage.getByRole('log');
    await expect.poll(() => studentLog.innerText(), { timeout: 10_000 }).toContain('My audio is not working');
    await expect.poll(() => studentPage.getByText(/number 1 in the queue/i).count(), { timeout: 10_000 }).toBe(1);

    const agentPage = await (await browser.newProfile()).newPage();
    await agentPage.goto(`${server.url}/console/`);
    await agentPage.getByLabel('Email').fill('admin@example.com');
    await agentPage.getByLabel('Password').fill('admin-password');
    await agentPage.getByRole('button', { name: 'Sign in' }).click();
    await goAvailable(agentPage);

    // Routing assigns the waiting chat; the agent opens it from the list by the student's name.
    await agentPage
      .getByRole('button', { name: /Ada Lovelace/ })
      .first()
      .click();
    const agentLog = agentPage.getByRole('log');
    await expect.poll(() => agentLog.innerText(), { timeout: 10_000 }).toContain('My audio is not working');
    // The classroom context arrived without anyone asking for it.
    const context = agentPage.getByRole('complementary', { name: 'Context' });
    await expect.poll(() => context.innerText(), { timeout: 10_000 }).toContain('physics-101');
    const contextText = await context.innerText();
    expect(contextText).toContain('Maple Online Academy');
    expect(contextText).toMatch(/Role\s+Student/);
    expect(contextText).toMatch(/Chrom/);
    expect(contextText).toContain('/examples/classroom/');

    await expect.poll(() => studentPage.getByText(/chatting with Administrator/i).count(), { timeout: 10_000 }).toBe(1);
    await agentPage.getByRole('textbox', { name: 'Reply' }).fill('Please allow the microphone in the address bar, then rejoin.');
    await agentPage.getByRole('button', { name: 'Send' }).click();

    await expect.poll(() => studentLog.innerText(), { timeout: 10_000 }).toContain('Please allow the microphone in the address bar, then rejoin.');
  });
});
