// A partner's day on a phone (390 × 844): nothing scrolls sideways, lists are cards with their
// actions in reach, and the page does not jump while it starts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { env, shots, newPage, logIn, openTab, fillDeal } from './support.mjs';

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
  // Each lead's buttons name its company and contact, so two leads of one company differ.
  const who = (await accept.getAttribute('aria-label')).replace('Accept lead from ', '');
  const company = who.replace(/ \([^)]*\)$/, '');
  const box = await accept.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= phone.width, `Accept is on screen: ${JSON.stringify(box)}`);
  assert.ok(box.height >= 44 && box.width >= 44, `Accept is a 44 px touch target: ${JSON.stringify(box)}`);
  await page.screenshot({ path: join(shots, 'phone-leads.png') });
  await accept.click();
  const convert = page.getByRole('button', { name: `Convert lead from ${who}` }).first();
  await convert.click();
  const dialog = page.getByRole('alertdialog', { name: `Convert the lead from ${company}` });
  await dialog.getByLabel('Account name').waitFor();
  await fitsTheScreen(page, 'the convert dialog');
  await page.screenshot({ path: join(shots, 'phone-lead-convert.png') });
  await dialog.getByRole('button', { name: 'Convert lead' }).click();
  await page.getByText('Opportunity and contact created.').waitFor();
  await fitsTheScreen(page, 'leads after converting');
  await page.screenshot({ path: join(shots, 'phone-lead-converted.png') });
  assert.deepEqual(page.errors, []);
});

test('on a phone a partner registers a deal and moves an opportunity, with nothing off screen', async () => {
  const page = await newPage(phone);
  await logIn(page, 'partner@bluebird.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await openTab(page, 'Deals');
  await page.getByRole('link', { name: 'Register a deal' }).click();
  await page.getByRole('heading', { name: 'Register a deal' }).waitFor();
  await fitsTheScreen(page, 'deal form');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await page.getByText('Customer company is required').waitFor();
  await fitsTheScreen(page, 'deal form with its errors');
  await page.screenshot({ path: join(shots, 'phone-deal-form.png'), fullPage: true });
  await fillDeal(page, {
    company: 'Umbra Logistics', domain: 'umbra.example', contact: 'Ines Vogel',
    product: 'Trellis Cloud', amount: '12000', close: '2027-04-30',
  });
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await page.getByRole('heading', { name: 'Deal registrations' }).waitFor();
  await page.locator('tbody tr').first().getByText('Umbra Logistics').waitFor();
  await fitsTheScreen(page, 'deal registrations');

  await openTab(page, 'Opportunities');
  const lane = (name) => page.getByRole('region', { name });
  await lane('Prospecting').waitFor();
  await fitsTheScreen(page, 'pipeline board');
  const card = lane('Prospecting').locator('article.deal-card').first();
  const id = await card.getAttribute('data-id');
  const name = (await card.locator('strong').textContent()).trim();
  const move = card.getByLabel(`Move ${name} to`);
  const box = await move.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= phone.width, `the stage menu is on screen: ${JSON.stringify(box)}`);
  assert.ok(box.height >= 44, `the stage menu is a 44 px touch target: ${JSON.stringify(box)}`);
  await page.screenshot({ path: join(shots, 'phone-pipeline.png') });
  await move.selectOption({ label: 'Proposal' });
  const moved = lane('Proposal').locator(`article[data-id="${id}"]`);
  await moved.waitFor();
  assert.equal(await moved.evaluate((el) => el === document.activeElement), true, 'focus follows the moved card');
  await fitsTheScreen(page, 'pipeline after the move');
  await page.reload();
  await lane('Proposal').locator(`article[data-id="${id}"]`).waitFor();
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

test('on a phone the home page shows whole, so nothing on it moves as its parts load', async () => {
  const page = await newPage(phone);
  await logIn(page, 'partner@acme.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) window.shifts.push({ value: e.value, moved: e.sources.map((s) => s.node?.className || s.node?.nodeName) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(env.base + '/');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await page.getByRole('heading', { name: 'My pipeline' }).waitFor();
  await page.locator('.settle[aria-busy="false"]').waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.shifts), [], 'no layout shift');
  assert.deepEqual(page.errors, []);
});
