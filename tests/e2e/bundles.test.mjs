// The two bundles: partners download only the partner workspace; staff and the demo move to the
// full bundle on the same address, without logging in again (ARCHITECTURE.md, "Bundles").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { env, shots, newPage, logIn, openTab } from './support.mjs';

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
  await page.getByRole('heading', { name: 'Your work queues' }).waitFor();
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

test("the home's components fetch exactly what the page preloaded, each once", async () => {
  const page = await newPage();
  await logIn(page, 'partner@acme.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  const asked = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) asked.push(url.pathname + url.search);
  });
  const response = await page.goto(env.base + '/');
  const preloaded = [...response.headers().link.matchAll(/<([^>]+)>; rel=preload; as=fetch; crossorigin=use-credentials/g)]
    .map((m) => m[1]);
  assert.ok(preloaded.includes('/api/leads?limit=5&status=assigned'), preloaded.join(' '));
  assert.ok(preloaded.includes('/api/announcements'), preloaded.join(' '));
  await page.getByRole('heading', { name: 'New leads' }).waitFor();
  await page.locator('.list-plain li').first().waitFor();
  await page.getByText('Negotiation').waitFor();
  // Chromium reports a used preload as one request; any other address is a second fetch.
  assert.deepEqual([...asked].sort(), [...preloaded].sort(), 'nothing asked for besides the preloads');
  assert.deepEqual(page.errors, []);
});

test('components drawn less often come as their own chunk, preloaded with a page that shows them', async () => {
  const admin = await newPage();
  await logIn(admin, 'admin@trellis.test');
  await admin.getByRole('heading', { name: 'Your work queues' }).waitFor();
  const published = await admin.evaluate(async () => {
    const json = { 'content-type': 'application/json' };
    const draft = await (await fetch('/api/community/draft')).json();
    draft.site.pages.push({ id: 'page_figures', title: 'Figures', root: [
      { type: 'component', id: 'kpi', component: 'kpi_tile', props: { label: 'Open pipeline' } },
      { type: 'component', id: 'chart', component: 'chart', props: {} },
      { type: 'component', id: 'card', component: 'contact_card', props: { name: 'Dana Channel' } },
    ] });
    const saved = await fetch('/api/community/draft', { method: 'PUT', headers: json,
      body: JSON.stringify({ base_version: draft.version, site: draft.site }) });
    const body = await saved.json();
    const out = await fetch('/api/community/publish', { method: 'POST', headers: json,
      body: JSON.stringify({ base_version: body.version }) });
    return out.status;
  });
  assert.equal(published, 200);
  const page = await newPage({ width: 390, height: 844 });
  await logIn(page, 'partner@acme.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  const home = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('split_widgets')).length);
  assert.equal(home, 0, 'the seeded home needs no on-demand component');
  const response = await page.goto(env.base + '/pages/page_figures');
  assert.match(response.headers().link, /split_widgets-[0-9a-f]+\.wasm>; rel=preload; as=fetch; crossorigin/);
  await page.getByRole('heading', { name: 'Open pipeline' }).waitFor();
  await page.getByRole('img', { name: /Bar chart: Pipeline by stage/ }).waitFor();
  await page.getByText('Dana Channel').waitFor();
  const chunks = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('split_widgets')).map((e) => e.initiatorType));
  assert.deepEqual(chunks, ['link'], 'the chunk came once, from the preload');
  await page.screenshot({ path: join(shots, 'page-on-demand-phone.png'), fullPage: true });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
  assert.deepEqual(page.errors, []);
  assert.deepEqual(admin.errors, []);
});
