// Signing in to the agent console in a browser page, as an agent would: the form, not a planted cookie.
import type { Page } from 'playwright-core';

export async function signInToConsole(page: Page, serverUrl: string, email = 'admin@example.com', password = 'admin-password'): Promise<void> {
  await page.goto(`${serverUrl}/console/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
