// Shared end-to-end setup: the release SPA served by the real server (fresh temporary database),
// driven in headless Chromium. Each test file that imports this gets its own server and browser.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, pageIn, shots, openTab } from './browser.mjs';

const serverBin = process.env.TRELLIS_SERVER_BIN;
const dist = process.env.TRELLIS_DIST;
export { shots, openTab };
/** `env.base` is the server's address once it listens. */
export const env = { base: '' };
let server, browser, dir;

before(async () => {
  assert.ok(serverBin && dist, 'run through `cargo xtask test` (TRELLIS_SERVER_BIN, TRELLIS_DIST)');
  dir = mkdtempSync(join(tmpdir(), 'trellis-e2e-'));
  mkdirSync(shots, { recursive: true });
  server = spawn(serverBin, [], {
    env: { ...process.env, TRELLIS_ADDR: '127.0.0.1:0', TRELLIS_DB: join(dir, 'e2e.db'), TRELLIS_DIST: dist, TRELLIS_LOG: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  env.base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start')), 30000);
    let seen = '';
    server.stdout.on('data', (chunk) => {
      seen += chunk;
      const m = seen.match(/listening on (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A page at `viewport` (a desktop, 1280 × 860, unless told). */
export async function newPage(viewport) {
  return pageIn(browser, viewport);
}

export async function logIn(page, email, password = 'trellis-demo', path = '/') {
  await page.goto(env.base + path);
  await page.getByRole('heading', { name: 'Log in to your partner community' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}


/** Fills the deal registration form (the page shows it); `amount` may be any text. */
export async function fillDeal(page, { company, domain, contact, product, amount, close }) {
  await page.getByLabel('Customer company').fill(company);
  await page.getByLabel('Company web domain').fill(domain);
  await page.getByLabel('Customer contact').fill(contact);
  await page.getByLabel('Contact email').fill(`${contact.split(' ')[0].toLowerCase()}@${domain}`);
  // A picklist once the catalogue has loaded; choosing fills an empty amount, typed over below.
  await page.locator('select#product').selectOption(product);
  await page.getByLabel('Estimated amount').fill(amount);
  await page.getByLabel('Expected close date').fill(close);
}
