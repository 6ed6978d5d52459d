// Accounts in real Chromium: an admin invites an agent in the console and copies the one-time link; the new
// agent opens it in their own browser, chooses a password and is in the console. And a generated first
// password leads to the change screen before anything else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminAgent } from '../../shared/routing-model';
import { caller } from '../support/account-api';
import { browserAvailable, launchBrowser, type Browser } from '../support/browser';
import { signInToConsole } from '../support/console-page';
import { okData, startTestServer, type TestServer } from '../support/server';

describe.runIf(browserAvailable())('console: invite links and the forced password change', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('invites an agent with a link the admin copies; the invitee sets a password with it and is signed in', async () => {
    const admin = await (await browser.newProfile()).newPage();
    await signInToConsole(admin, server.url);
    await admin.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Admin' }).click();
    const form = admin.getByRole('form', { name: 'Invite an agent' });
    await form.getByLabel('Name').fill('Nia Newcomer');
    await form.getByLabel('Email').fill('nia@example.com');
    await form.getByRole('button', { name: 'Invite agent' }).click();
    const linkBox = admin.getByLabel('One-time link');
    await expect.poll(() => linkBox.inputValue()).toContain('/console/set-password#');
    const link = await linkBox.inputValue();
    expect(link.startsWith(server.url)).toBe(true);
    await expect.poll(() => admin.getByRole('row', { name: /Nia Newcomer/ }).innerText()).toContain('Invited');

    const invitee = await (await browser.newProfile()).newPage();
    await invitee.goto(link);
    await expect.poll(() => invitee.getByRole('form', { name: 'Welcome to Classroom Support' }).innerText()).toContain('nia@example.com');
    // The token leaves the address bar at once.
    expect(invitee.url()).toBe(`${server.url}/console/set-password`);
    await invitee.getByLabel('New password', { exact: true }).fill('nia chose this');
    await invitee.getByLabel('Repeat new password').fill('nia chose this');
    await invitee.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => invitee.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await expect.poll(() => invitee.getByText('Nia Newcomer').first().isVisible()).toBe(true);

    // Single use: the same link in another browser is refused.
    const again = await (await browser.newProfile()).newPage();
    await again.goto(link);
    await expect.poll(() => again.getByRole('alert').innerText()).toMatch(/already been used/);
    expect(await again.getByRole('button', { name: 'Set password' }).count()).toBe(0);
  });

  it('shows only the change screen after a sign-in with a generated password, then the console', async () => {
    const call = caller(server.url);
    const adminCookie = await server.signIn('admin@example.com', 'admin-password');
    const { generatedPassword } = okData(
      (
        await call<{ agent: AdminAgent; generatedPassword: string }>(
          'POST',
          '/api/admin/agents',
          { email: 'gen@example.com', name: 'Gen Erated', role: 'agent', tier: 'L1' },
          adminCookie,
        )
      ).result,
    );
    const page = await (await browser.newProfile()).newPage();
    await signInToConsole(page, server.url, 'gen@example.com', generatedPassword);
    await expect.poll(() => page.getByRole('heading', { name: 'Choose your own password' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Sections' }).count()).toBe(0);

    await page.getByLabel('Current password').fill(generatedPassword);
    await page.getByLabel('New password', { exact: true }).fill('my very own password');
    await page.getByLabel('Repeat new password').fill('my very own password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole('switch', { name: 'Available' })
          .or(page.getByRole('checkbox', { name: 'Available' }))
          .isEnabled(),
      )
      .toBe(true);

    // A reload keeps the session; the old, generated password no longer signs in.
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect((await call('POST', '/api/auth/sign-in', { email: 'gen@example.com', password: generatedPassword })).status).toBe(401);
  });
});
