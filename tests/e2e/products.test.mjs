// The staff home's work queues, and the product catalogue as staff keep it and partners pick from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { env, shots, newPage, logIn } from './support.mjs';

const phone = { width: 390, height: 844 };

test('the channel team starts from its work queues, oldest first, each row opening its record', async () => {
  const page = await newPage();
  await logIn(page, 'channel@trellis.test');
  await page.getByRole('heading', { name: 'Your work queues', level: 1 }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Register a deal' }).count(), 0, 'no partner shortcuts for staff');
  const deals = page.locator('.queue', { has: page.getByRole('heading', { name: /Deals to review/ }) });
  const first = deals.locator('.queue-items a').first();
  await first.waitFor();
  const company = (await first.innerText()).trim();
  for (const name of [/Fund requests to decide/, /Fund claims to decide/, /New support cases/, /Leads in the pool/]) {
    await page.getByRole('heading', { name, level: 2 }).waitFor();
  }
  await page.screenshot({ path: join(shots, 'home-staff.png'), fullPage: true });
  await first.click();
  await page.getByRole('heading', { name: company, level: 1 }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { name: 'Your work queues', level: 1 }).waitFor();
  await deals.locator('.queue-items a').first().waitFor();
  await page.waitForLoadState('networkidle');
  // The queues and the names they show come with the page: each asked for once.
  const asked = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) asked.push(url.pathname + url.search);
  });
  const response = await page.goto(env.base + '/');
  for (const call of ['/api/deals?limit=5&sort=created_at&status=submitted', '/api/programs', '/api/accounts?limit=200&status=partner']) {
    assert.ok(response.headers().link.includes(`<${call}>; rel=preload`), call);
  }
  await deals.locator('.queue-items a').first().waitFor();
  await page.getByText('Acme Solutions').first().waitFor();
  for (const call of ['/api/deals?limit=5&sort=created_at&status=submitted', '/api/programs', '/api/accounts?limit=200&status=partner']) {
    assert.equal(asked.filter((a) => a === call).length, 1, `${call} once: ${asked}`);
  }
  await deals.getByRole('link', { name: /^All deals to review/i }).click();
  await page.waitForURL(/\/deals\?.*status=submitted/);
  assert.equal(await page.getByLabel('Status').inputValue(), 'submitted');

  const small = await newPage(phone);
  await logIn(small, 'channel@trellis.test');
  await small.getByRole('heading', { name: 'Your work queues', level: 1 }).waitFor();
  await small.locator('.queue-items a').first().waitFor();
  const [scroll, client] = await small.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, `staff home fits a phone: ${scroll} > ${client}`);
  await small.screenshot({ path: join(shots, 'home-staff-phone.png'), fullPage: true });
  assert.deepEqual(page.errors, []);
  assert.deepEqual(small.errors, []);
});

test('the channel team adds a product, a partner registers a deal for it from the picklist, and a retired one is no longer offered', async () => {
  const page = await newPage();
  await logIn(page, 'channel@trellis.test');
  await page.getByRole('link', { name: 'Products', exact: true }).click();
  await page.getByRole('heading', { name: 'Products', level: 1 }).waitFor();
  await page.getByRole('cell', { name: 'Trellis On-Premises', exact: true }).waitFor();
  await page.getByRole('button', { name: 'New product' }).click();
  const form = page.getByRole('form', { name: 'New product' });
  await form.getByLabel('Product name').fill('trellis cloud');
  await form.getByLabel('List price').fill('-3');
  await form.getByRole('button', { name: 'Save product' }).click();
  await form.getByText('List price must not be negative').waitFor();
  await form.getByLabel('List price').fill('5,500');
  await form.getByRole('button', { name: 'Save product' }).click();
  await form.getByText('Product name is already in the catalogue').waitFor();
  await form.getByLabel('Product name').fill('Trellis Mobile');
  await form.getByLabel('Family').fill('Cloud');
  await form.getByRole('button', { name: 'Save product' }).click();
  await page.getByRole('status').filter({ hasText: 'Trellis Mobile saved' }).waitFor();
  await page.getByRole('cell', { name: 'Trellis Mobile', exact: true }).waitFor();
  await page.screenshot({ path: join(shots, 'products.png'), fullPage: true });
  await page.getByRole('button', { name: 'Stop offering Trellis Analytics' }).click();
  await page.getByRole('status').filter({ hasText: 'Trellis Analytics is no longer offered' }).waitFor();
  await page.getByRole('button', { name: 'Offer Trellis Analytics' }).waitFor();
  assert.equal(await page.getByRole('form', { name: 'Program currencies' }).count(), 0, 'only administrators set currencies');

  const partner = await newPage();
  await logIn(partner, 'partner@acme.test');
  await partner.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await partner.goto(env.base + '/deals/new');
  await partner.getByRole('heading', { name: 'Register a deal' }).waitFor();
  const product = partner.locator('select#product');
  // A picklist once the catalogue has loaded (a text field until then).
  await product.locator('option', { hasText: 'Trellis Mobile (Cloud)' }).waitFor({ state: 'attached' });
  const offered = await product.locator('option').allTextContents();
  assert.ok(offered.includes('Trellis Mobile (Cloud)'), offered.join(' | '));
  assert.ok(!offered.some((o) => o.startsWith('Trellis Analytics') || o.startsWith('Trellis On-Premises')), offered.join(' | '));
  await product.selectOption('Trellis Mobile');
  assert.equal(await partner.getByLabel('Estimated amount').inputValue(), '5500', 'the list price fills an empty amount');
  assert.deepEqual(await partner.locator('select#currency option').allTextContents(), ['EUR', 'USD', 'GBP']);
  await partner.getByLabel('Customer company').fill('Pied Piper Mobile');
  await partner.getByLabel('Company web domain').fill('piedpiper-mobile.example');
  await partner.getByLabel('Customer contact').fill('Richard Hendricks');
  await partner.getByLabel('Contact email').fill('richard@piedpiper-mobile.example');
  await partner.locator('select#currency').selectOption('USD');
  await partner.getByLabel('Expected close date').fill('2027-05-31');
  await partner.getByRole('button', { name: 'Save as draft' }).click();
  await partner.getByRole('status').filter({ hasText: 'Deal for Pied Piper Mobile saved as a draft' }).waitFor();
  await partner.getByRole('link', { name: 'Pied Piper Mobile' }).first().click();
  await partner.getByRole('heading', { name: 'Pied Piper Mobile', level: 1 }).waitFor();
  await partner.getByText('Trellis Mobile').first().waitFor();
  await partner.getByText('5,500 USD').first().waitFor();
  assert.deepEqual(page.errors, []);
  assert.deepEqual(partner.errors, []);
});

test('an administrator sets the program currencies, and a bad list names the code', async () => {
  const page = await newPage();
  await logIn(page, 'admin@trellis.test');
  await page.getByRole('heading', { name: 'Your work queues', level: 1 }).waitFor();
  await page.goto(env.base + '/admin/products');
  await page.getByRole('heading', { name: 'Products', level: 1 }).waitFor();
  await page.screenshot({ path: join(shots, 'products-admin.png'), fullPage: true });
  const form = page.getByRole('form', { name: 'Program currencies' });
  await form.getByLabel('Program currencies').fill('EUR, USD, EUR');
  await form.getByRole('button', { name: 'Save currencies' }).click();
  await form.getByText('EUR is listed twice').waitFor();
  await form.getByLabel('Program currencies').fill('eur, usd, gbp, chf');
  await form.getByRole('button', { name: 'Save currencies' }).click();
  await page.getByRole('status').filter({ hasText: 'Currencies saved: EUR, USD, GBP, CHF' }).waitFor();
  await page.goto(env.base + '/deals/new');
  await page.getByRole('heading', { name: 'Register a deal' }).waitFor();
  await page.locator('select#currency option', { hasText: 'CHF' }).waitFor({ state: 'attached' });
  assert.deepEqual(await page.locator('select#currency option').allTextContents(), ['EUR', 'USD', 'GBP', 'CHF']);
  assert.deepEqual(page.errors, []);
});
