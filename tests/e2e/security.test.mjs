// Security as a user meets it: the audit log an administrator reads and filters, and markup
// typed into text fields that stays text everywhere it is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { env, newPage, logIn, shots, openTab } from './support.mjs';

test('an administrator reads the audit log and filters it; others cannot open it', async () => {
  const stranger = await newPage();
  await logIn(stranger, 'nobody@nowhere.test', 'not-the-password');
  await stranger.getByText('Wrong email or password').waitFor();

  const channel = await newPage();
  await logIn(channel, 'channel@trellis.test');
  await channel.getByRole('heading', { name: 'Your work queues' }).waitFor();
  await openTab(channel, 'Admin');
  await channel.getByRole('heading', { name: 'Partner administration' }).waitFor();
  assert.equal(await channel.getByRole('link', { name: 'Audit log' }).count(), 0);
  await channel.goto(env.base + '/admin/audit');
  await channel.getByText('Only administrators can read the audit log.').waitFor();

  const page = await newPage();
  await logIn(page, 'admin@trellis.test');
  await page.getByRole('heading', { name: 'Your work queues' }).waitFor();
  await openTab(page, 'Admin');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('heading', { name: 'Audit log' }).waitFor();
  const rows = page.locator('table.audit tbody tr');
  await rows.filter({ hasText: 'nobody@nowhere.test' }).getByText('Failed login').waitFor();
  await rows.filter({ hasText: 'Casey Channel' }).getByText('Logged in').waitFor();
  await page.screenshot({ path: join(shots, 'audit-log.png'), fullPage: true });

  await page.getByLabel('Event').selectOption({ label: 'Failed login' });
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/kind=login_failed/);
  await page.getByText('1 event shown', { exact: true }).waitFor();
  assert.match(await rows.first().innerText(), /nobody@nowhere\.test/);
  await page.reload();
  await page.getByText('1 event shown', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Event').inputValue(), 'login_failed');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForURL((url) => !url.search.includes('kind='));
  await page.getByText('3 events shown', { exact: true }).waitFor();
  assert.equal(await rows.count(), 3);
  await page.getByLabel('Search').fill('NOBODY@nowhere');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/q=NOBODY/);
  await page.getByText('1 event shown', { exact: true }).waitFor();
  for (const p of [stranger, channel, page]) assert.deepEqual(p.errors, []);
});

test('markup typed into text fields is shown as text, never run', async () => {
  const page = await newPage();
  await logIn(page, 'partner@acme.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  const hostile = '<img src=x onerror="window.pwned=1">Evil & Co <script>window.pwned=2</script>';
  const status = await page.evaluate(async (name) => {
    const post = (path, body) => fetch(path, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    }).then((r) => r.status);
    return [
      await post('/api/leads', {
        company: name, contact_name: name, email: 'evil@evil.example', phone: '', region: '',
        postcode: '', product_interest: name,
      }),
      await post('/api/contacts', {
        first_name: name, last_name: 'Smith', email: 'evil2@evil.example', phone: '', title: name,
        company: name,
      }),
      await post('/api/cases', { subject: name, category: 'other', priority: 'normal', description: name }),
    ];
  }, hostile);
  assert.deepEqual(status, [201, 201, 201]);
  for (const path of ['/leads', '/contacts', '/support']) {
    await page.goto(env.base + path);
    await page.getByText('Evil & Co', { exact: false }).first().waitFor();
    assert.equal(await page.evaluate(() => window.pwned), undefined, path);
    assert.equal(await page.locator('main img[src="x"]').count(), 0, path);
  }
  await page.goto(env.base + '/leads');
  await page.getByText('Evil & Co', { exact: false }).first().waitFor();
  assert.ok((await page.locator('main').innerText()).includes('<img src=x'), 'the markup shows as text');
  assert.deepEqual(page.errors, []);
});
