// The two bundles: partners download only the partner workspace; staff and the demo move to the
// full bundle on the same address, without logging in again (ARCHITECTURE.md, "Bundles").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { env, newPage, logIn, openTab } from './support.mjs';

/** The wasm file a built page starts. */
function wasmOf(name) {
  const html = readFileSync(join(process.env.TRELLIS_DIST, name), 'utf8');
  return html.match(/module_or_path: '([^']+_bg\.wasm)'/)[1];
}
const partnerWasm = wasmOf('index.html');
const fullWasm = wasmOf('full.html');

function wasmLoads(page) {
  const loaded = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('_bg.wasm')) loaded.push(path);
  });
  return loaded;
}

test('a partner downloads only the partner bundle, before and after logging in', async () => {
  assert.notEqual(partnerWasm, fullWasm);
  const page = await newPage();
  const loaded = wasmLoads(page);
  await logIn(page, 'partner@acme.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'New leads' }).waitFor();
  assert.deepEqual([...new Set(loaded)], [partnerWasm]);
  assert.deepEqual(page.errors, []);
});

test('an administrator logs in once and moves to the full bundle, then a partner on that browser gets the small one again', async () => {
  const page = await newPage();
  const loaded = wasmLoads(page);
  const logins = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/api/auth/login') logins.push(r.url()); });
  await logIn(page, 'admin@trellis.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  assert.deepEqual(loaded, [partnerWasm, fullWasm], 'the login page is the partner bundle');
  await openTab(page, 'Builder');
  await page.getByRole('heading', { name: 'Community builder' }).waitFor();
  assert.equal(logins.length, 1, 'nobody logs in twice');
  // Partner screens and the builder are one app: no page load between them.
  await openTab(page, 'Leads');
  await page.getByText(/Showing \d+ leads/).waitFor();
  await openTab(page, 'Builder');
  await page.getByRole('heading', { name: 'Community builder' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Community builder' }).waitFor();
  assert.deepEqual(loaded, [partnerWasm, fullWasm, fullWasm], 'staff keep the full bundle');

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in to your partner community' }).waitFor();
  await page.getByLabel('Email').fill('rep@acme.test');
  await page.getByLabel('Password').fill('trellis-demo');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  assert.equal(loaded.at(-1), partnerWasm, 'the next load is the partner bundle');
  assert.deepEqual(page.errors, []);
});

test('?demo on the server opens the full bundle with the in-browser backend', async () => {
  const page = await newPage();
  const loaded = wasmLoads(page);
  await page.goto(env.base + '/login?demo');
  await page.getByRole('region', { name: 'Demo mode' }).waitFor();
  assert.deepEqual(loaded, [partnerWasm, fullWasm]);
  await page.getByRole('link', { name: 'Leave the demo' }).click();
  await page.getByRole('heading', { name: 'Log in to your partner community' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Demo mode' }).count(), 0);
  assert.deepEqual(page.errors, []);
});

test('the session and the community start with the page and are each asked for once', async () => {
  const page = await newPage();
  await logIn(page, 'partner@acme.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  const asked = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/')) asked.push(path);
  });
  const response = await page.goto(env.base + '/');
  assert.match(response.headers().link, /<\/api\/auth\/me>; rel=preload; as=fetch/);
  assert.match(response.headers().link, /<\/api\/community>; rel=preload; as=fetch/);
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await page.getByRole('navigation', { name: 'Community' }).waitFor();
  const count = (path) => asked.filter((p) => p === path).length;
  assert.equal(count('/api/auth/me'), 1, `the preloaded session is the app's: ${asked}`);
  assert.equal(count('/api/community'), 1, `the preloaded community is the app's: ${asked}`);
  assert.deepEqual(page.errors, []);
});

test("a screen's code and first list call are preloaded with its page, so neither waits for the main module", async () => {
  const page = await newPage();
  await logIn(page, 'partner@acme.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  for (const [path, ready, list] of [
    ['/leads', /Showing \d+ leads/, '/api/leads'],
    ['/deals', /Showing \d+ deal/, '/api/deals'],
    ['/support', /Showing \d+ case/, '/api/cases'],
    ['/contacts', /Showing \d+ contact/, '/api/contacts'],
  ]) {
    asked.length = 0;
    const response = await page.goto(env.base + path);
    assert.match(response.headers().link, /\.wasm>; rel=preload; as=fetch; crossorigin/, path);
    assert.ok(response.headers().link.includes(`<${list}>; rel=preload`), path);
    await page.getByText(ready).first().waitFor();
    assert.equal(asked.filter((p) => p === list).length, 1, `${path}: the preloaded list is the page's: ${asked}`);
    const chunks = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.wasm') && !e.name.endsWith('_bg.wasm'))
      .map((e) => [new URL(e.name).pathname, e.initiatorType]));
    assert.ok(chunks.length > 0, `${path} loads its screen's chunks`);
    for (const [file, initiator] of chunks) {
      assert.equal(initiator, 'link', `${path}: ${file} came from the preload, not a second fetch`);
    }
  }
  assert.deepEqual(page.errors, []);
});
