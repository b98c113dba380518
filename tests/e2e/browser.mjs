// Headless Chromium as every end-to-end test starts it, and pages that record every error they
// log: a test fails when one of its pages logged any.
import { afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const shots = process.env.TRELLIS_SCREENSHOTS ?? 'target/screenshots';

export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** The pages the running test opened. */
let opened = [];

// Every test of every file that starts its pages here fails if one of them logged an error.
afterEach(() => {
  const pages = opened;
  opened = [];
  for (const page of pages) assert.deepEqual(page.errors, [], 'a page of this test logged errors');
});

/**
 * Whether a console error is the browser's own line for an API answer of 4xx: the typed errors
 * the app shows (a wrong password, the login page's session check) and each test asserts.
 */
function handledApiAnswer(message) {
  const url = message.location()?.url ?? '';
  return /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
    && new URL(url, 'http://x').pathname.startsWith('/api/');
}

export async function pageIn(browser, viewport = { width: 1280, height: 860 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Any error the console shows fails the test, a Content-Security-Policy report among them.
  page.on('console', (m) => {
    const csp = /Content Security Policy/i.test(m.text());
    if (csp || (m.type() === 'error' && !handledApiAnswer(m))) errors.push(`${m.type()}: ${m.text()}`);
  });
  page.errors = errors;
  opened.push(page);
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
