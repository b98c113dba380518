// Headless Chromium as every end-to-end test starts it, and a page that records script errors.
import { chromium } from 'playwright-core';

export const shots = process.env.TRELLIS_SCREENSHOTS ?? 'target/screenshots';

export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

export async function pageIn(browser, viewport = { width: 1280, height: 860 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A Content-Security-Policy violation is an error too: the app must run under the strict policy.
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  page.errors = errors;
  return page;
}

/** Opens one of the community's tabs, through the menu button when the tabs are folded. */
export async function openTab(page, name) {
  const nav = page.getByRole('navigation', { name: 'Community' });
  const menu = nav.getByRole('button', { name: /Menu/ });
  const link = nav.getByRole('link', { name, exact: true });
  // The bar may still be starting: wait until it shows either the tabs or the menu.
  await menu.or(link).first().waitFor();
  if (await menu.isVisible() && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await link.click();
}
