// A partner's day on a phone (390 × 844): nothing scrolls sideways, lists are cards with their
// actions in reach, and the page does not jump while it starts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { env, shots, newPage, logIn, openTab } from './support.mjs';

const phone = { width: 390, height: 844 };

async function fitsTheScreen(page, what) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  assert.ok(scroll <= client, `${what}: the page is ${scroll} px wide on a ${client} px screen`);
}

test('on a phone a partner accepts and converts a lead from a card, with nothing off screen', async () => {
  const page = await newPage(phone);
  await logIn(page, 'manager@acme.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await fitsTheScreen(page, 'home');
  await openTab(page, 'Leads');
  await page.getByLabel('Status').selectOption('assigned');
  await page.getByText(/Showing \d+ leads/).waitFor();
  await fitsTheScreen(page, 'leads');
  const accept = page.getByRole('button', { name: /^Accept lead from / }).first();
  const company = (await accept.getAttribute('aria-label')).replace('Accept lead from ', '');
  const box = await accept.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= phone.width, `Accept is on screen: ${JSON.stringify(box)}`);
  assert.ok(box.height >= 44 && box.width >= 44, `Accept is a 44 px touch target: ${JSON.stringify(box)}`);
  await page.screenshot({ path: join(shots, 'phone-leads.png') });
  await accept.click();
  const convert = page.getByRole('button', { name: `Convert lead from ${company}` }).first();
  await convert.click();
  await page.getByText('Opportunity and contact created.').waitFor();
  await fitsTheScreen(page, 'leads after converting');
  await page.screenshot({ path: join(shots, 'phone-lead-converted.png') });
  assert.deepEqual(page.errors, []);
});

test('on a phone the top bar keeps its size from the first frame, so the page does not jump', async () => {
  const page = await newPage(phone);
  await logIn(page, 'partner@acme.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  // Reload with the session check held back: the outline shows, then the real bar.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/api/auth/me', async (route) => { await held; await route.continue(); });
  await page.goto(env.base + '/');
  const outline = page.locator('header.topbar.outline');
  await outline.waitFor({ state: 'attached' });
  const before = await outline.boundingBox();
  const main = await page.locator('main#main').boundingBox();
  release();
  const bar = page.locator('header.topbar:not(.outline)');
  await bar.waitFor();
  const after = await bar.boundingBox();
  assert.equal(before.height, after.height, 'the outline is as tall as the bar');
  assert.equal(main.y, (await page.locator('main#main').boundingBox()).y, 'the page starts where it started');
  assert.deepEqual(page.errors, []);
});
