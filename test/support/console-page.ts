// Signing in to the agent console in a browser page, as an agent would: the form, not a planted cookie.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export async function signInToConsole(page: Page, serverUrl: string, email = 'admin@example.com', password = 'admin-password'): Promise<void> {
  await page.goto(`${serverUrl}/console/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Turns the agent's "Available" switch on the way a person would: once the console has connected and enabled it
 * (a click on a still-disabled switch is lost), then waits until it shows as on.
 */
export async function goAvailable(page: Page, name: string | RegExp = 'Available'): Promise<void> {
  const available = page.getByRole('switch', { name }).or(page.getByRole('checkbox', { name }));
  await expect.poll(() => available.isEnabled(), { timeout: 20_000 }).toBe(true);
  // Not `check()`: the switch is controlled by the server's answer, so it flips a round trip after the click,
  // and Playwright's check() fails when the state has not changed the moment the click is done.
  if (!(await available.isChecked())) await available.click();
  await expect.poll(() => available.isChecked()).toBe(true);
}
