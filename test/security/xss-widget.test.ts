// Attacks that already held, replayed in the widget: an agent's name and reply carrying script and a
// javascript: link, shown to a student on the example classroom page in real Chromium, must read as text and
// never run (the widget renders inside the host page's own window, so script there would be the school's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/model';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { eventWhere, nextEvent, newClientId, okData, request, startTestServer, type TestServer } from '../support/server';

const IMG = '<img src=x onerror=__xss=1>';
const SCRIPT = '<script>__xss=3</script>';
const LINK = '[docs](javascript:__xss=9)';

describe.runIf(browserAvailable())('stored XSS in the widget', () => {
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

  it("shows an agent's name and reply as text to the student, and runs none of it", async () => {
    const student = await (await browser.newProfile()).newPage();
    await student.goto(`${server.url}/examples/classroom/?user=stu-xss&name=Xu%20Student&role=student&room=physics-101`);
    await student.getByRole('button', { name: /support/i }).click();
    await student.getByRole('textbox', { name: 'Message' }).fill('My video froze');
    await student.getByRole('button', { name: 'Send' }).click();

    const person = await server.agent({ name: `Agent ${IMG}` });
    const agent = server.agentSocket(await server.signIn(person.email, person.password));
    await nextEvent(agent, 'session');
    const assigned = eventWhere<ConversationSummary>(agent, 'conversation:updated', (c) => c.assignee?.id === person.id);
    okData(await request(agent, 'presence:set', { available: true }));
    const chat = await assigned;
    okData(await request(agent, 'message:send', { conversationId: chat.id, clientId: newClientId(), text: `Try this ${SCRIPT} ${IMG} ${LINK}` }));

    const log = student.getByRole('log');
    await expect.poll(() => log.innerText(), { timeout: 10_000 }).toContain(`Try this ${SCRIPT} ${IMG}`);
    expect(await log.innerText()).toContain(`Agent ${IMG}`);
    expect(await student.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null)).toBeNull();
    // Nothing typed became an element in the widget, and no link in the chat points at script.
    const panel = student.getByRole('dialog', { name: 'Classroom Support' });
    expect(await panel.locator('img[src="x"], script, a[href^="javascript:" i]').count()).toBe(0);
  });
});
