// The designer's flow on the static demo bundle, with no Trellis server at all: a plain static
// file server serves `cargo xtask run --demo-static`'s output and any /api request fails the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { launch, pageIn, shots, openTab } from './browser.mjs';

const root = process.env.TRELLIS_DEMO_STATIC;
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };
let server, browser, base;

before(async () => {
  assert.ok(root, 'run through `cargo xtask test` (TRELLIS_DEMO_STATIC)');
  mkdirSync(shots, { recursive: true });
  // A static host: files as they are, index.html for unknown paths (as 404.html hosts do).
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
    } catch {
      file = join(root, '404.html');
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function logIn(page, email) {
  await page.getByRole('heading', { name: 'Log in to your partner community' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('trellis-demo');
  await page.getByRole('button', { name: 'Log in' }).click();
}

async function logOut(page) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in to your partner community' }).waitFor();
}

const hex = (rgb) => '#' + rgb.match(/\d+/g).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('');
const topBar = (page) => page.locator('header.topbar').evaluate((e) => getComputedStyle(e).backgroundColor);

test('a designer rebrands the community on the static demo, blocked until the colours are readable', async () => {
  const page = await pageIn(browser);
  const apiCalls = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(r.url()); });
  await page.goto(base + '/');
  await page.getByText('This is the demo').waitFor();
  await logIn(page, 'admin@trellis.test');
  await openTab(page, 'Builder');
  await page.getByRole('button', { name: 'Theme studio' }).click();
  await page.waitForURL('**/builder/theme');
  await page.getByRole('heading', { name: 'Live preview' }).waitFor();

  await page.getByLabel('Name of the copy').fill('Acme brand');
  await page.getByRole('button', { name: 'Duplicate Trellis' }).click();
  await page.getByLabel('Theme name').waitFor();
  await page.getByLabel('Whole community').selectOption({ label: 'Acme brand' });

  // A logo is checked by its bytes: an SVG (it can carry script) is refused, a PNG is used.
  await page.getByLabel('Logo', { exact: true }).setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
  await page.getByText('The logo must be a PNG or JPEG or WebP image').waitFor();
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  await page.getByLabel('Logo', { exact: true }).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  await page.locator('.b-frame-brand img[src^="data:image/png;base64,"]').waitFor();
  await page.locator('#t-light-brand').fill('#9fe3d3');
  await page.locator('#t-light-brand').press('Tab');
  await page.getByText('Publishing is blocked: 3 of 24 colour pairs fail').waitFor();
  assert.ok(await page.getByRole('button', { name: 'Publish', exact: true }).isDisabled(), 'publishing is blocked');
  await page.screenshot({ path: join(shots, 'theme-studio.png'), fullPage: true });

  // Fix with the suggestions until every pair passes.
  for (let i = 0; i < 4 && await page.locator('.t-failures button').count() > 0; i++) {
    await page.locator('.t-failures button').first().click();
  }
  await page.getByText('All 24 colour pairs pass WCAG 2.2 AA').waitFor();
  const brand = await page.locator('#t-light-brand').inputValue();
  assert.notEqual(brand, '#9fe3d3');
  await page.getByText('All changes saved').waitFor();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('published: partners see it now').waitFor();

  // Two themes side by side: the published brand and a new draft colour.
  await page.locator('#t-light-brand').fill('#7a1f5c');
  await page.locator('#t-light-brand').press('Tab');
  await page.getByLabel('Compare with the published version').check();
  await page.locator('.t-previews.compare .b-frame').nth(1).waitFor();
  const frames = page.locator('.t-previews.compare .b-frame');
  assert.equal(await frames.count(), 2);
  const frameBrand = (i) => frames.nth(i).locator('.b-frame-tabs').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.notEqual(await frameBrand(0), await frameBrand(1));
  await page.locator('.t-previews').screenshot({ path: join(shots, 'themes-side-by-side.png') });
  await page.getByRole('button', { name: /^Undo: Change brand colour/ }).click();

  // View as a real demo partner user without logging out: their tabs, branding and sample data.
  await page.getByRole('button', { name: 'Preview and view as' }).click();
  await page.getByLabel('Or a demo user').selectOption({ label: 'Riley Rep · Partner user' });
  const persona = page.locator('.b-frame');
  await page.getByText('sample data of Riley Rep').waitFor();
  await persona.getByRole('button', { name: 'Leads' }).click();
  await persona.getByRole('table').waitFor();
  assert.equal(hex(await persona.locator('.b-frame-tabs').evaluate((e) => getComputedStyle(e).backgroundColor)), brand);
  await page.screenshot({ path: join(shots, 'persona-preview.png') });

  // The partner sees the published brand colour; everything survives a reload.
  await logOut(page);
  await logIn(page, 'partner@acme.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  assert.equal(hex(await topBar(page)), brand);
  await page.reload();
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  assert.equal(hex(await topBar(page)), brand, 'the demo data and session are kept in the browser');

  await page.getByRole('button', { name: 'Reset demo data' }).click();
  await page.getByRole('button', { name: 'Yes, reset demo data' }).click();
  await logIn(page, 'partner@acme.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  assert.equal(hex(await topBar(page)), '#0f6e5a', 'reset brings back the seeded community');
  assert.deepEqual(apiCalls, [], 'the static demo never calls a server');
  assert.deepEqual(page.errors, []);
});
