// End-to-end tests of the workspace, run against the real server (see support.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { env, shots, newPage, logIn, openTab, fillDeal } from './support.mjs';

test('a partner logs in and sees their leads from the seeded data', async () => {
  const page = await newPage();
  await page.goto(env.base + '/');
  await page.getByRole('heading', { name: 'Log in to your partner community' }).waitFor();
  await page.screenshot({ path: join(shots, 'login.png') });
  await logIn(page, 'partner@acme.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  // The bar says who is signed in (phones say it in the account menu instead).
  await page.locator('.usermenu .who').getByText('Acme Solutions · Gold').waitFor();
  await page.getByRole('heading', { name: 'New leads' }).waitFor();
  await page.getByText('Negotiation').waitFor();
  await page.screenshot({ path: join(shots, 'home-partner.png'), fullPage: true });
  assert.equal(await page.getByRole('link', { name: 'Builder' }).count(), 0, 'partners have no builder');

  await openTab(page, 'Leads');
  await page.getByText('Showing 50 leads (more available)').waitFor();
  assert.equal(await page.locator('table[aria-label="leads"] tbody tr').count(), 50);
  assert.equal(await page.getByRole('link', { name: 'Leads' }).first().getAttribute('aria-current'), 'page');
  await page.screenshot({ path: join(shots, 'leads.png') });

  await page.getByLabel('Status').selectOption('accepted');
  await page.getByText(/Showing \d+ leads/).waitFor();
  const statuses = await page.locator('tbody tr td:nth-child(5) .badge').allTextContents();
  assert.ok(statuses.length > 0 && statuses.every((s) => s === 'Accepted'), statuses.join(','));
  assert.match(page.url(), /\/leads\?status=accepted$/, 'the filter is kept in the URL');
  await page.reload();
  await page.getByText(/Showing \d+ leads/).waitFor();
  assert.equal(await page.getByLabel('Status').inputValue(), 'accepted');
  const again = await page.locator('tbody tr td:nth-child(5) .badge').allTextContents();
  assert.deepEqual(again, statuses, 'a reload shows the same filtered list');
  assert.deepEqual(page.errors, []);
});

test('a wrong password shows an error and keeps the user on the login page', async () => {
  const page = await newPage();
  await logIn(page, 'partner@acme.test', 'not-the-password');
  await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();
  await page.screenshot({ path: join(shots, 'login-error.png') });
  assert.match(page.url(), /\/login$/);
});

test('an admin sees the Builder and Admin entries', async () => {
  const page = await newPage();
  await logIn(page, 'admin@trellis.test');
  await openTab(page, 'Builder');
  await page.getByRole('heading', { name: 'Community builder' }).waitFor();
  await page.getByText('Published, up to date').waitFor();
  await page.screenshot({ path: join(shots, 'builder.png') });
  await openTab(page, 'Admin');
  await page.getByRole('heading', { name: 'Accounts', exact: true }).waitFor();
  await page.getByRole('cell', { name: 'Acme Solutions acme.test' }).waitFor();
  await page.getByText('Showing 13 accounts').waitFor();
  await page.getByLabel('Show').selectOption('partner');
  await page.getByText('Showing 3 accounts').waitFor();
  await page.screenshot({ path: join(shots, 'admin.png'), fullPage: true });
});

test('unknown addresses show the not-found page, and logging out returns to login', async () => {
  const page = await newPage();
  await logIn(page, 'rep@acme.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await page.goto(env.base + '/no/such/page');
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in to your partner community' }).waitFor();
  await page.goto(env.base + '/leads');
  await page.getByRole('heading', { name: 'Log in to your partner community' }).waitFor();
});

test('logging out on every device ends the sessions of other browsers too', async () => {
  const laptop = await newPage();
  const phone = await newPage();
  for (const page of [laptop, phone]) {
    await logIn(page, 'manager@acme.test');
    await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  }
  await laptop.getByLabel('More account actions').click();
  await laptop.getByRole('button', { name: 'Log out on every device' }).click();
  await laptop.getByRole('heading', { name: 'Log in to your partner community' }).waitFor();
  await phone.goto(env.base + '/leads');
  await phone.getByRole('heading', { name: 'Log in to your partner community' }).waitFor();
});

test('the ?demo mode runs on the in-browser backend without calling the API', async () => {
  const page = await newPage();
  const apiCalls = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(r.url()); });
  await logIn(page, 'partner@acme.test', 'trellis-demo', '/?demo');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await openTab(page, 'Leads');
  await page.getByText('Showing 50 leads (more available)').waitFor();
  assert.deepEqual(apiCalls, []);
});

test('a partner submits a draft deal registration and the channel team reviews it', async () => {
  const partner = await newPage();
  await logIn(partner, 'partner@acme.test');
  await partner.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await openTab(partner, 'Deals');
  await partner.getByLabel('Status').selectOption('draft');
  await partner.getByText(/Showing \d+ deals/).waitFor();
  const submit = partner.getByRole('button', { name: /^Submit deal registration for / }).first();
  const label = await submit.getAttribute('aria-label');
  const company = label.replace('Submit deal registration for ', '');
  await submit.click();
  await partner.locator('tbody .badge', { hasText: /^Submitted$/ }).first().waitFor();
  assert.ok(company.length > 0);
  await partner.screenshot({ path: join(shots, 'deals.png') });

  const admin = await newPage();
  // The conflict check answers slowly here: Approve waits for it, Reject does not.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await admin.route('**/api/deals/*/conflicts', async (route) => { await held; await route.continue(); });
  await logIn(admin, 'channel@trellis.test');
  await admin.getByRole('heading', { name: 'Your work queues' }).waitFor();
  await openTab(admin, 'Deals');
  await admin.getByLabel('Status').selectOption('submitted');
  await admin.getByText(/Showing \d+ deals/).waitFor();
  await admin.getByText('Checking for conflicts…').first().waitFor();
  const approveFirst = admin.getByRole('button', { name: /^Approve deal registration for / }).first();
  assert.equal(await approveFirst.isDisabled(), true, 'Approve waits for the conflict check');
  assert.equal(await admin.getByRole('button', { name: /^Reject deal registration for / }).first().isDisabled(), false);
  release();
  await admin.getByText(/No conflicting registrations|possible conflict/).first().waitFor();
  await admin.waitForFunction(() => [...document.querySelectorAll('button[aria-label^="Approve deal registration for "]')]
    .some((b) => !b.disabled));
  const reject = admin.getByRole('button', { name: /^Reject deal registration for / }).first();
  await reject.click();
  await admin.getByRole('button', { name: 'Reject', exact: true }).click();
  await admin.getByRole('alert').filter({ hasText: 'reason' }).waitFor();
  await admin.getByLabel('Reason to reject').fill('An existing opportunity covers this customer.');
  await admin.getByRole('button', { name: 'Reject', exact: true }).click();
  await admin.getByText('An existing opportunity covers this customer.').first().waitFor();
  const approvedBadges = admin.locator('tbody .badge', { hasText: /^Approved$/ });
  assert.equal(await approvedBadges.count(), 0, 'the list shows submitted deals only');
  await admin.getByRole('button', { name: /^Approve deal registration for / }).first().click();
  // Approving asks for an optional note to the partner; none here.
  await admin.getByRole('button', { name: 'Approve', exact: true }).click();
  await approvedBadges.first().waitFor();
  assert.equal(await approvedBadges.count(), 1);
  await admin.screenshot({ path: join(shots, 'deals-review.png') });
  assert.deepEqual(admin.errors, []);
});

test('a partner accepts a lead, converts it, and declines another with a reason', async () => {
  const page = await newPage();
  await logIn(page, 'manager@acme.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await openTab(page, 'Leads');
  await page.getByLabel('Status').selectOption('assigned');
  await page.getByText(/Showing \d+ leads/).waitFor();
  const names = await page.getByRole('button', { name: /^Accept lead from / })
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
  assert.ok(names.length > 1 && new Set(names).size === names.length, `every Accept button has its own name: ${names}`);
  const accept = page.getByRole('button', { name: /^Accept lead from / }).first();
  // Each lead's buttons name its company and contact, so two leads of one company differ.
  const who = (await accept.getAttribute('aria-label')).replace('Accept lead from ', '');
  const company = who.replace(/ \([^)]*\)$/, '');
  await accept.click();
  // Every action says what it did, in a toast that screen readers hear too.
  const toasts = page.locator('.toasts[role="status"]');
  await toasts.getByText(`Lead from ${company} accepted: it is yours now`).waitFor();
  await page.getByRole('button', { name: `Convert lead from ${who}` }).first().click();
  // The dialog maps the lead, prefilled from it; a wrong amount is refused by its field.
  const dialog = page.getByRole('alertdialog', { name: `Convert the lead from ${company}` });
  await dialog.getByLabel('Account name').waitFor();
  assert.equal(await dialog.getByLabel('Account name').inputValue(), company);
  await dialog.getByLabel('Amount').fill('lots');
  await dialog.getByRole('button', { name: 'Convert lead' }).click();
  await dialog.getByText('Amount must be a whole number').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'opportunity.amount', 'focus on the field to fix');
  await dialog.getByLabel('Amount').fill('48,000');
  await dialog.getByLabel('Stage').selectOption('qualification');
  assert.equal(await dialog.getByLabel('Probability (%)').inputValue(), '25', 'the probability follows the stage');
  await page.screenshot({ path: join(shots, 'lead-convert-dialog.png') });
  await dialog.getByRole('button', { name: 'Convert lead' }).click();
  await page.getByText('Opportunity and contact created.').waitFor();
  await toasts.getByText(new RegExp(`Lead from ${company} converted: opportunity .* created`)).waitFor();
  await page.screenshot({ path: join(shots, 'toast.png') });
  await toasts.getByRole('button', { name: 'Close message' }).first().click();
  assert.equal(await toasts.getByText(`Lead from ${company} accepted`).count(), 0, 'a toast closes by its button');
  await page.screenshot({ path: join(shots, 'leads-converted.png') });

  const decline = page.getByRole('button', { name: /^Decline lead from / }).first();
  await decline.click();
  await page.getByLabel('Reason to decline').fill('Outside our territory');
  await page.getByRole('button', { name: 'Decline', exact: true }).click();
  await page.getByText('Outside our territory', { exact: true }).waitFor();

  await page.getByRole('link', { name: 'Open pipeline' }).click();
  // Converted at the stage chosen in the dialog.
  await page.getByRole('region', { name: 'Qualification' }).getByText(`${company} – `).first().waitFor();
  await page.getByRole('button', { name: 'Table' }).click();
  await page.getByLabel('Search opportunities').fill(company);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('cell', { name: `${company} – ` , exact: false }).first().waitFor();
  assert.deepEqual(page.errors, []);
});

test('a partner registers a deal through the form, with validation', async () => {
  const page = await newPage();
  await logIn(page, 'partner@bluebird.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await page.getByRole('link', { name: 'Register a deal' }).click();
  await page.getByRole('heading', { name: 'Register a deal' }).waitFor();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await page.getByRole('alert').filter({ hasText: 'Please correct the highlighted fields.' }).waitFor();
  await page.getByText('Customer company is required').waitFor();
  // Required fields are marked, the date speaks no format, and focus goes to the first to fix.
  await page.getByText('Fields marked * are required.').waitFor();
  assert.equal(await page.getByLabel('Customer company').getAttribute('aria-required'), 'true');
  assert.equal(await page.getByLabel('Notes for the reviewer').getAttribute('aria-required'), null);
  await page.getByText('Expected close date is required').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'company');
  await fillDeal(page, {
    company: 'Initrode Systems', domain: 'initrode.example', contact: 'Nina Berg',
    product: 'Trellis Cloud', amount: 'lots', close: '2027-06-30',
  });
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await page.getByText('Estimated amount must be a whole number').waitFor();
  await page.screenshot({ path: join(shots, 'deal-form.png'), fullPage: true });
  await page.getByLabel('Estimated amount').fill('48,000');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await page.getByRole('heading', { name: 'Deal registrations' }).waitFor();
  await page.locator('.toasts').getByText('Deal for Initrode Systems submitted for review').waitFor();
  const first = page.locator('tbody tr').first();
  await first.getByText('Initrode Systems').waitFor();
  await first.getByText('Submitted').waitFor();
  await first.getByText('48,000 EUR').waitFor();
  assert.deepEqual(page.errors, []);
});

async function registerDeal(page, company, domain) {
  await openTab(page, 'Deals');
  await page.getByRole('link', { name: 'Register a deal' }).click();
  await fillDeal(page, {
    company, domain, contact: 'Omar Reyes', product: 'Trellis Edge', amount: '30000', close: '2027-05-31',
  });
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await page.getByRole('heading', { name: 'Deal registrations' }).waitFor();
  await page.locator('tbody tr').first().getByText(company).waitFor();
}

test('the channel team sees a conflicting registration and still approves it', async () => {
  for (const email of ['partner@acme.test', 'partner@cedar.test']) {
    const page = await newPage();
    await logIn(page, email);
    await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
    await registerDeal(page, 'Quasar Freight', 'quasar.example');
  }
  const admin = await newPage();
  await logIn(admin, 'admin@trellis.test');
  await admin.getByRole('heading', { name: 'Your work queues' }).waitFor();
  await openTab(admin, 'Deals');
  await admin.getByText(/Showing \d+ deals/).waitFor();
  await admin.getByLabel('Search deals').fill('quasar');
  await admin.getByRole('button', { name: 'Search' }).click();
  await admin.waitForURL(/q=quasar/);
  const shown = admin.getByText(/Showing \d+ deals?$/);
  await shown.waitFor();
  assert.equal(await shown.textContent(), 'Showing 2 deals');
  await admin.getByRole('cell', { name: 'Cedar IT', exact: true }).waitFor();
  await admin.getByRole('cell', { name: 'Acme Solutions', exact: true }).waitFor();
  const notes = admin.getByRole('note');
  await notes.first().waitFor();
  assert.equal(await notes.count(), 2, 'each registration flags the other');
  await notes.first().getByText('1 possible conflict').waitFor();
  assert.match(await notes.first().textContent(), /(Acme Solutions|Cedar IT) · Quasar Freight · Trellis Edge/);
  await admin.screenshot({ path: join(shots, 'deals-conflict.png') });
  await admin.getByRole('button', { name: 'Approve deal registration for Quasar Freight' }).first().click();
  await admin.getByRole('button', { name: 'Approve', exact: true }).click();
  await admin.locator('tbody .badge', { hasText: /^Approved$/ }).first().waitFor();
  assert.deepEqual(admin.errors, []);
});

test('the channel team assigns a pooled lead to a partner', async () => {
  const page = await newPage();
  await logIn(page, 'channel@trellis.test');
  await page.getByRole('heading', { name: 'Your work queues' }).waitFor();
  await openTab(page, 'Leads');
  await page.getByLabel('Status').selectOption('new');
  await page.getByText(/Showing \d+ leads/).waitFor();
  await page.getByRole('button', { name: /^Assign lead from / }).first().click();
  await page.getByLabel('Assign to').selectOption({ label: 'Cedar IT' });
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await page.locator('tbody .badge', { hasText: /^Waiting for acceptance$/ }).first().waitFor();
  await page.screenshot({ path: join(shots, 'leads-assign.png') });
  assert.deepEqual(page.errors, []);
});

test('a partner adds a contact and then edits it', async () => {
  const page = await newPage();
  await logIn(page, 'rep@acme.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await openTab(page, 'Contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await page.getByLabel('First name').fill('Yara');
  await page.getByLabel('Last name').fill('Lindqvist');
  await page.getByLabel('Email').fill('yara@');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.getByText('Email must be an email address').waitFor();
  await page.getByLabel('Email').fill('yara@nordlys.example');
  await page.getByLabel('Company').fill('Nordlys AS');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.getByRole('heading', { name: 'Contacts' }).waitFor();
  await page.getByRole('link', { name: 'Yara Lindqvist' }).click();
  await page.getByRole('heading', { name: 'Edit contact' }).waitFor();
  assert.equal(await page.getByLabel('Company').inputValue(), 'Nordlys AS');
  await page.getByLabel('Job title').fill('Head of IT');
  await page.getByRole('button', { name: 'Save contact' }).click();
  await page.getByRole('heading', { name: 'Contacts' }).waitFor();
  await page.locator('tbody tr').filter({ hasText: 'Yara Lindqvist' }).getByText('Head of IT').waitFor();
  await page.screenshot({ path: join(shots, 'contacts.png') });
  assert.deepEqual(page.errors, []);
});

test('a partner moves an opportunity to negotiation and updates its figures', async () => {
  const page = await newPage();
  await logIn(page, 'partner@cedar.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await openTab(page, 'Opportunities');
  await page.getByRole('button', { name: 'Table' }).click();
  await page.getByLabel('Stage').selectOption('prospecting');
  await page.getByText(/Showing \d+ opportunities/).waitFor();
  const link = page.locator('tbody tr a').first();
  const name = await link.textContent();
  await link.click();
  await page.getByRole('heading', { name: 'Edit opportunity' }).waitFor();
  await page.getByLabel('Stage').selectOption('negotiation');
  await page.getByLabel('Probability (%)').fill('120');
  await page.getByRole('button', { name: 'Save opportunity' }).click();
  await page.getByText('Probability (%) must be between 0 and 100').waitFor();
  await page.getByLabel('Probability (%)').fill('70');
  await page.getByLabel('Amount').fill('64,000');
  await page.getByLabel('Next step').fill('Send final quote');
  await page.getByRole('button', { name: 'Save opportunity' }).click();
  await page.getByRole('heading', { name: 'Opportunities' }).waitFor();
  await page.getByRole('button', { name: 'Table' }).click();
  await page.getByLabel('Stage').selectOption('negotiation');
  const row = page.locator('tbody tr').filter({ hasText: name });
  await row.getByText('64,000 EUR').waitFor();
  await row.getByText('Send final quote').waitFor();
  await row.getByText('70%').waitFor();
  await page.screenshot({ path: join(shots, 'opportunities.png') });
  assert.deepEqual(page.errors, []);
});

test('a partner requests marketing funds, the channel team approves, and the partner files a claim', async () => {
  const activity = 'Installer roadshow ' + Date.now();
  const partner = await newPage();
  await logIn(partner, 'partner@bluebird.test');
  await partner.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await openTab(partner, 'Funds');
  await partner.getByRole('heading', { name: 'Marketing funds' }).waitFor();
  await partner.getByRole('article', { name: 'Budget This half-year' }).waitFor();
  await partner.getByRole('button', { name: 'Request funds' }).click();
  const form = partner.getByRole('form', { name: 'Fund request' });
  await form.getByRole('button', { name: 'Send request' }).click();
  await form.getByText('Activity is required').waitFor();
  await form.getByText('Amount is required').waitFor();
  const budgetText = await form.getByLabel('Budget').locator('option:checked').textContent();
  const start = budgetText.match(/\((\d{4}-\d\d-\d\d) to/)[1];
  await form.getByLabel('Activity').fill(activity);
  await form.getByLabel('Amount').fill('999,999');
  await form.getByLabel('Starts on').fill(start);
  await form.getByLabel('Ends on').fill(start);
  await form.getByRole('button', { name: 'Send request' }).click();
  await form.getByText(/Amount exceeds the [\d,]+ EUR left/).waitFor();
  await form.getByLabel('Amount').fill('3,000');
  await form.getByRole('button', { name: 'Send request' }).click();
  await form.waitFor({ state: 'detached' });
  const row = partner.locator('tr', { hasText: activity });
  await row.getByText('Submitted').waitFor();
  await partner.screenshot({ path: join(shots, 'funds-partner.png'), fullPage: true });

  const admin = await newPage();
  await logIn(admin, 'channel@trellis.test');
  await admin.getByRole('heading', { name: 'Your work queues' }).waitFor();
  await openTab(admin, 'Funds');
  const before = await admin.getByRole('article', { name: 'Budget This half-year' }).locator('.budget-left').textContent();
  await admin.getByRole('button', { name: `Approve fund request for ${activity}` }).click();
  await admin.locator('tr', { hasText: activity }).getByText('Approved').waitFor();
  const leftAfter = admin.getByRole('article', { name: 'Budget This half-year' }).locator('.budget-left');
  await admin.waitForFunction((b) => document.querySelector('.budget-left')?.textContent !== b, before);
  const toNumber = (t) => Number(t.replace(/[^\d]/g, ''));
  assert.equal(toNumber(before) - toNumber(await leftAfter.textContent()), 3000);
  await admin.screenshot({ path: join(shots, 'funds-review.png'), fullPage: true });

  await partner.reload();
  await partner.getByRole('button', { name: `File a claim for ${activity}` }).click();
  const claim = partner.getByRole('form', { name: `Claim for ${activity}` });
  await claim.getByLabel(/^Proof/).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just text') });
  await claim.getByRole('button', { name: 'File claim' }).click();
  await claim.getByText('Proof must be a PDF, a PNG image, a JPEG image').waitFor();
  await claim.getByLabel('Amount spent').fill('2,400');
  await claim.getByLabel(/^Proof/).setInputFiles({ name: 'invoice-88.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% roadshow invoice\n%%EOF\n') });
  await claim.getByRole('button', { name: 'File claim' }).click();
  await claim.waitFor({ state: 'detached' });
  const claimRow = partner.locator('tr', { hasText: 'invoice-88.pdf' });
  await claimRow.getByText('Submitted').waitFor();
  await partner.locator('tr', { hasText: activity }).first().getByText('2,400 EUR').waitFor();
  await partner.screenshot({ path: join(shots, 'funds-claim.png'), fullPage: true });

  await admin.reload();
  const adminClaim = admin.locator('tr', { hasText: 'invoice-88.pdf' });
  const [download] = await Promise.all([
    admin.waitForEvent('download'),
    adminClaim.getByRole('button', { name: /^Download proof invoice-88.pdf/ }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'invoice-88.pdf');
  await adminClaim.getByRole('button', { name: `Approve claim for ${activity}` }).click();
  await adminClaim.getByRole('button', { name: `Mark paid claim for ${activity}` }).click();
  await adminClaim.getByText('Paid').waitFor();
  assert.deepEqual(partner.errors, []);
  assert.deepEqual(admin.errors, []);
});

test('the channel team makes a customer a partner, moves a tier with a reason, and manages users', async () => {
  const page = await newPage();
  await logIn(page, 'channel@trellis.test');
  await page.getByRole('heading', { name: 'Your work queues' }).waitFor();
  await openTab(page, 'Admin');
  await page.getByLabel('Show').selectOption('customer');
  await page.getByText('Showing 10 accounts').waitFor();
  const make = page.getByRole('button', { name: /^Make .+ a partner$/ }).first();
  const company = (await make.getAttribute('aria-label')).replace(/^Make /, '').replace(/ a partner$/, '');
  await make.click();
  const joinForm = page.getByRole('form', { name: `Make partner: ${company}` });
  await joinForm.getByRole('button', { name: 'Make partner' }).click();
  await page.getByRole('alert').filter({ hasText: 'Reason is required' }).waitFor();
  await joinForm.getByLabel('Partner type').selectOption('referral');
  await joinForm.getByLabel('Tier').selectOption({ label: 'Registered' });
  await joinForm.getByLabel('Reason').fill('Signed the referral agreement at the summit');
  await joinForm.getByRole('button', { name: 'Make partner' }).click();
  const row = page.locator('tr', { hasText: company });
  await row.getByRole('button', { name: `Change tier of ${company}` }).waitFor();
  await row.getByRole('button', { name: `Change tier of ${company}` }).click();
  const move = page.getByRole('form', { name: `Change tier: ${company}` });
  await move.getByLabel('Tier').selectOption({ label: 'Silver' });
  await move.getByLabel('Reason').fill('Closed three deals in the first quarter');
  await move.getByRole('button', { name: 'Change tier' }).click();
  await row.locator('.badge', { hasText: 'Silver' }).waitFor();
  await row.getByRole('button', { name: `Tier history of ${company}` }).click();
  await row.getByText('Registered → Silver').waitFor();
  await row.getByText(/Casey Channel · Closed three deals in the first quarter/).waitFor();
  await row.getByText('not a partner → Registered').waitFor();
  await page.screenshot({ path: join(shots, 'admin-tiers.png'), fullPage: true });

  await page.getByRole('button', { name: 'Add user' }).click();
  const form = page.getByRole('form', { name: 'New user' });
  await form.getByLabel('Email').fill('not-an-email');
  await form.getByRole('button', { name: 'Add user' }).click();
  await form.getByText('Name is required').waitFor();
  await form.getByText(/^Email must be an email address/).waitFor();
  await form.getByText('Temporary password is required').waitFor();
  await form.getByLabel('Name').fill('Quinn Cedar');
  await form.getByLabel('Email').fill('quinn@cedar.test');
  await form.getByLabel('Role').selectOption('partner_user');
  await form.getByLabel('Partner account').selectOption({ label: 'Cedar IT' });
  await form.getByLabel('Temporary password').fill('a-long-temporary-secret');
  await form.getByRole('button', { name: 'Add user' }).click();
  await form.waitFor({ state: 'detached' });
  const userRow = page.locator('tr', { hasText: 'quinn@cedar.test' });
  await userRow.getByText('Cedar IT').waitFor();

  const quinn = await newPage();
  await logIn(quinn, 'quinn@cedar.test', 'a-long-temporary-secret');
  await quinn.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await quinn.locator('.usermenu .who').getByText('Cedar IT · Registered').waitFor();

  await userRow.getByRole('button', { name: 'Deactivate Quinn Cedar' }).click();
  await userRow.getByText('Deactivated').waitFor();
  await page.screenshot({ path: join(shots, 'admin-users.png'), fullPage: true });
  await quinn.reload();
  await quinn.getByRole('heading', { name: 'Log in to your partner community' }).waitFor();
  await logIn(quinn, 'quinn@cedar.test', 'a-long-temporary-secret');
  await quinn.getByText('Wrong email or password').waitFor();
  assert.deepEqual(page.errors, []);
});

test('the channel team distributes the lead pool by rule and partners see the deadline', async () => {
  const page = await newPage();
  await logIn(page, 'channel@trellis.test');
  await page.getByRole('heading', { name: 'Your work queues' }).waitFor();
  await openTab(page, 'Leads');
  await page.getByLabel('Status').selectOption('new');
  const poolText = await page.getByText(/Showing \d+ leads?/).textContent();
  const pool = Number(poolText.match(/(\d+)/)[1]);
  assert.ok(pool > 0, 'the pool has leads');
  await page.getByRole('button', { name: 'Distribute leads' }).click();
  const panel = page.getByRole('form', { name: 'Distribute leads' });
  await panel.getByLabel('Rule').selectOption('postcode_prefix');
  await panel.getByLabel('Postcode prefix 1').fill('ZZ');
  await panel.getByRole('button', { name: 'Distribute pool' }).click();
  await panel.getByText(`Assigned 0 leads`).waitFor();
  await panel.getByText(`${pool} stayed in the pool: no rule matches its postcode`).waitFor();
  await panel.getByLabel('Days to accept').fill('45');
  await panel.getByRole('button', { name: 'Distribute pool' }).click();
  await panel.getByText('Days to accept must be between 1 and 30').waitFor();
  await panel.getByLabel('Days to accept').fill('2');
  await panel.getByLabel('Rule').selectOption('tier_weighted');
  await panel.getByText('higher tiers get more leads').waitFor();
  await panel.getByRole('button', { name: 'Distribute pool' }).click();
  await panel.getByText(new RegExp(`Assigned ${pool} leads? \\(.*Acme Solutions \\d+`)).waitFor();
  const due = new Date(Date.now() + 2 * 86400e3).toISOString().slice(0, 10);
  await panel.getByText(`to accept by ${due}`).waitFor();
  await page.getByText('No leads match these filters.').or(page.getByText('No leads yet.')).first().waitFor();
  await page.screenshot({ path: join(shots, 'leads-distribute.png'), fullPage: true });

  const partner = await newPage();
  await logIn(partner, 'partner@acme.test');
  await partner.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await openTab(partner, 'Leads');
  await partner.getByLabel('Status').selectOption('assigned');
  await partner.getByText(/Accept by \d{4}-\d\d-\d\d \(2 days left\)/).first().waitFor();
  assert.deepEqual(page.errors, []);
});

test('a partner moves pipeline cards between stages by keyboard and by dragging', async () => {
  const page = await newPage();
  await logIn(page, 'partner@bluebird.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await openTab(page, 'Opportunities');
  const lane = (name) => page.getByRole('region', { name });
  await lane('Prospecting').waitFor();
  const card = lane('Prospecting').locator('article.deal-card').first();
  const id = await card.getAttribute('data-id');
  const name = (await card.locator('strong').textContent()).trim();
  const moved = page.locator(`article[data-id="${id}"]`);
  await card.focus();
  await page.keyboard.press('Space');
  await page.getByText(`Picked up ${name} in Prospecting`).waitFor();
  // Its name says it is picked up (`aria-pressed` is for buttons, not cards).
  assert.match(await card.getAttribute('aria-label'), /, picked up$/);
  assert.equal(await page.locator('article[aria-pressed]').count(), 0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.getByText(`${name}: over Proposal`).waitFor();
  await page.keyboard.press('Escape');
  await page.getByText(`${name} stays in Prospecting`).waitFor();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.getByText(`${name} moved to Proposal`).waitFor();
  await lane('Proposal').locator(`article[data-id="${id}"]`).waitFor();
  // Its probability followed the stage, as every other card's there does.
  await lane('Proposal').locator(`article[data-id="${id}"]`).getByText(/^50% ·/).waitFor();
  assert.equal(await moved.evaluate((el) => el === document.activeElement), true, 'focus stays on the moved card');

  const from = await moved.boundingBox();
  const to = await lane('Closed won').boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 30, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await page.mouse.up();
  await lane('Closed won').locator(`article[data-id="${id}"]`).waitFor();
  await lane('Closed won').locator(`article[data-id="${id}"]`).getByText(/^100% ·/).waitFor();
  await page.screenshot({ path: join(shots, 'pipeline-board.png'), fullPage: true });
  await page.reload();
  await lane('Closed won').locator(`article[data-id="${id}"]`).waitFor();
  assert.deepEqual(page.errors, []);
});

test('a partner imports a CSV of contacts with bad rows and sees the report', async () => {
  const page = await newPage();
  await logIn(page, 'partner@bluebird.test');
  await page.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await openTab(page, 'Contacts');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^trellis-contacts-\d{4}-\d\d-\d\d\.csv$/);
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await page.getByRole('heading', { name: 'Import from CSV' }).waitFor();
  assert.equal(await page.getByLabel('What the file holds').inputValue(), 'contacts');
  const csv = 'First name,Surname,E-mail,Position\nOlga,Petrova,olga@northwind.example,Buyer\n' +
    'Sam,,not-an-email,CTO\nIngrid,Holm,ingrid@hooli.example,CFO\n';
  await page.getByLabel(/^CSV file/).setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByText('3 rows: 2 ready to import, 1 with problems.').waitFor();
  await page.getByText('Line 3: Last name is required; Email must be an email address like name@example.com').waitFor();
  assert.equal(await page.getByLabel('Position').inputValue(), '', 'unknown columns are ignored');
  await page.getByLabel('Position').selectOption('title');
  await page.getByLabel('Import nothing unless every row is valid').check();
  await page.getByRole('button', { name: 'Import contacts' }).click();
  await page.getByText('Nothing was imported: 1 row with problems.', { exact: false }).waitFor();
  await page.getByLabel('Import the valid rows and skip the others').check();
  await page.getByRole('button', { name: 'Import contacts' }).click();
  await page.getByText('Imported 2 contacts; 1 row skipped.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Import contacts' }).isDisabled(), true);
  await page.screenshot({ path: join(shots, 'import.png'), fullPage: true });
  await page.getByRole('link', { name: 'Open contacts' }).click();
  await page.getByLabel('Search contacts').fill('Petrova');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('cell', { name: /Olga Petrova/ }).waitFor();
  await page.getByText('Buyer').waitFor();
  assert.deepEqual(page.errors, []);
});

test('a partner opens a support case and the channel team answers it from the queue', async () => {
  const subject = 'Portal shows the wrong tier ' + Date.now();
  const partner = await newPage();
  await logIn(partner, 'rep@bluebird.test');
  await partner.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await openTab(partner, 'Support');
  await partner.getByRole('heading', { name: 'Contact the channel team' }).waitFor();
  await partner.getByRole('link', { name: 'partners@trellis.test' }).waitFor();
  await partner.getByRole('button', { name: 'Open a case' }).click();
  const form = partner.getByRole('form', { name: 'New case' });
  await form.getByRole('button', { name: 'Open case' }).click();
  await form.getByText('Subject is required').waitFor();
  await form.getByLabel('Subject').fill(subject);
  await form.getByLabel('Priority').selectOption('high');
  await form.getByLabel('Description').fill('Our account shows Registered instead of Silver.\nSince Monday.');
  await form.getByLabel(/^Attachment/).setInputFiles({ name: 'tier.png', mimeType: 'image/png', buffer: Buffer.from('\x89PNG\r\n\x1a\nfake image', 'binary') });
  await form.getByRole('button', { name: 'Open case' }).click();
  await form.waitFor({ state: 'detached' });
  await partner.locator('.toasts').getByText(`Case opened: ${subject}`).waitFor();
  await partner.getByRole('link', { name: subject }).click();
  await partner.getByRole('heading', { name: subject }).waitFor();
  await partner.getByRole('button', { name: 'Download attachment tier.png' }).waitFor();

  const staff = await newPage();
  await logIn(staff, 'channel@trellis.test');
  await staff.getByRole('heading', { name: 'Your work queues' }).waitFor();
  await openTab(staff, 'Support');
  await staff.getByRole('heading', { name: 'Case queue' }).waitFor();
  const row = staff.locator('tr', { hasText: subject });
  await row.getByText('Bluebird Distribution').waitFor();
  await row.getByText('New').waitFor();
  await staff.screenshot({ path: join(shots, 'support-queue.png'), fullPage: true });
  await row.getByRole('link', { name: subject }).click();
  await staff.getByLabel('Your reply').fill('Which user sees the wrong tier?');
  await staff.getByLabel('Then set the case to').selectOption('waiting_on_partner');
  await staff.getByRole('button', { name: 'Send reply' }).click();
  await staff.getByText('Which user sees the wrong tier?').waitFor();
  await staff.locator('.page-header .badge', { hasText: 'Waiting on partner' }).waitFor();

  await partner.reload();
  await partner.getByText('Which user sees the wrong tier?').waitFor();
  await partner.getByRole('button', { name: 'Send reply' }).click();
  await partner.getByText('Write your reply first.').waitFor();
  await partner.getByLabel('Your reply').fill('All of us. It is fine now, thanks!');
  await partner.getByLabel('This solves my case').check();
  await partner.getByRole('button', { name: 'Send reply' }).click();
  await partner.locator('.page-header .badge', { hasText: 'Solved' }).waitFor();
  await partner.screenshot({ path: join(shots, 'support-case.png'), fullPage: true });
  assert.deepEqual(partner.errors, []);
  assert.deepEqual(staff.errors, []);
});

test('the channel team announces to one tier and those partners read it on their home page', async () => {
  const title = 'Silver enablement day ' + Date.now();
  const staff = await newPage();
  await logIn(staff, 'channel@trellis.test');
  await staff.getByRole('heading', { name: 'Your work queues' }).waitFor();
  await staff.getByRole('link', { name: 'Announcements', exact: true }).click();
  await staff.getByRole('heading', { name: 'Q1 incentive programme' }).waitFor();
  await staff.getByText('Scheduled').first().waitFor();
  await staff.getByRole('button', { name: 'New announcement' }).click();
  const form = staff.getByRole('form', { name: 'New announcement' });
  await form.getByRole('button', { name: 'Save announcement' }).click();
  await form.getByText('Title is required').waitFor();
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Text').fill('Bring your team.\n<script>alert("x")</script>');
  await form.getByLabel('Silver').check();
  await form.getByRole('button', { name: 'Save announcement' }).click();
  await form.waitFor({ state: 'detached' });
  await staff.getByRole('heading', { name: title }).waitFor();
  await staff.screenshot({ path: join(shots, 'announcements.png'), fullPage: true });

  const silver = await newPage();
  await logIn(silver, 'partner@bluebird.test');
  await silver.getByRole('heading', { name: title }).waitFor();
  await silver.getByText('<script>alert("x")</script>').waitFor();
  const gold = await newPage();
  await logIn(gold, 'partner@acme.test');
  await gold.getByRole('heading', { name: 'Gold partner summit: save the date' }).waitFor();
  assert.equal(await gold.getByRole('heading', { name: title }).count(), 0, 'other tiers do not see it');
  assert.deepEqual(silver.errors, []);
});

test('the channel team writes a training module; a partner fails its quiz, retakes it and earns the certificate', async () => {
  const staff = await newPage();
  await logIn(staff, 'channel@trellis.test');
  await openTab(staff, 'Training');
  await staff.getByRole('heading', { name: 'Certificates issued' }).waitFor();
  await staff.getByRole('button', { name: 'New module' }).click();
  const form = staff.getByRole('form', { name: 'Training module' });
  await form.getByRole('button', { name: 'Save module' }).click();
  await form.getByText('Title is required').waitFor();
  await form.getByLabel('Title').fill('Renewals that stick');
  await form.getByLabel('Summary').fill('Keep customers for the second year.');
  await form.getByLabel('Content (Markdown)').fill(
    '## Start early\n\nCall **90 days** before the end.\n\n<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">\n\n[Guide](javascript:window.pwned=3)');
  await form.getByRole('button', { name: 'Preview' }).click();
  await form.getByRole('heading', { name: 'Start early' }).waitFor();
  await form.getByRole('button', { name: 'Edit' }).click();
  await form.getByRole('button', { name: 'Add a question' }).click();
  await form.getByLabel('Question 1', { exact: true }).first().fill('Who calls the customer?');
  await form.getByLabel('Answer 1').fill('The partner who sold the licence.');
  await form.getByLabel('Question', { exact: true }).fill('When should a renewal call happen?');
  await form.getByLabel('Question 1 choice 1').fill('A week before the end');
  await form.getByLabel('Question 1 choice 2').fill('90 days before the end');
  await form.getByLabel('Choice 2 is the right answer').check();
  await form.getByRole('button', { name: 'Save module' }).click();
  await form.waitFor({ state: 'detached' });
  await staff.getByRole('heading', { name: 'Renewals that stick' }).waitFor();

  const page = await newPage();
  await logIn(page, 'partner@cedar.test');
  await openTab(page, 'Training');
  await page.getByText('You passed 1 of 3 modules').waitFor();
  await page.screenshot({ path: join(shots, 'training.png'), fullPage: true });
  await page.getByRole('listitem').filter({ hasText: 'Renewals that stick' }).getByRole('link', { name: /^Start/ }).click();
  await page.getByRole('heading', { name: 'Start early' }).waitFor();
  assert.equal(await page.evaluate(() => window.pwned), undefined, 'markdown cannot run script');
  assert.equal(await page.locator('.prose script, .prose img, .prose [onerror], .prose a').count(), 0);
  // Raw HTML in markdown is shown as the text it is; the unsafe link keeps its words.
  await page.locator('.prose').getByText('<script>window.pwned = 1</script>').waitFor();
  await page.locator('.prose').getByText('Guide').waitFor();
  await page.getByText('Who calls the customer?').click();
  await page.getByText('The partner who sold the licence.').waitFor();
  await page.getByRole('button', { name: 'Hand in (1 unanswered)' }).click();
  await page.getByText('Answer every question before handing in.').waitFor();
  await page.getByLabel('A week before the end').check();
  await page.getByRole('button', { name: 'Hand in', exact: true }).click();
  await page.getByText('You scored 0 %; 70 % passes.').waitFor();
  await page.getByText('✗ Not right').waitFor();
  await page.getByRole('button', { name: 'Take the quiz again' }).click();
  await page.getByLabel('90 days before the end').check();
  await page.getByRole('button', { name: 'Hand in', exact: true }).click();
  await page.getByText('You scored 100 %. Passed').waitFor();
  const cert = page.getByRole('region', { name: 'Renewals that stick' });
  await cert.getByText('Awarded to').waitFor();
  await cert.getByText('Cam Cedar').waitFor();
  await page.screenshot({ path: join(shots, 'training-module.png'), fullPage: true });
  await page.getByRole('link', { name: '← Training' }).click();
  await page.getByText('You passed 2 of 3 modules').waitFor();
  assert.deepEqual(page.errors, []);
  assert.deepEqual(staff.errors, []);
});

test('dashboards chart each report with a data table, follow the date range and download CSV', async () => {
  const page = await newPage();
  await logIn(page, 'partner@bluebird.test');
  await openTab(page, 'Dashboards');
  await page.getByRole('heading', { name: 'Your pipeline and activity' }).waitFor();
  assert.equal(await page.locator('section.report').count(), 5);
  assert.equal(await page.getByRole('heading', { name: 'Partner program' }).count(), 0);
  const pipeline = page.getByRole('region', { name: 'Pipeline by stage' });
  await pipeline.getByRole('img', { name: /Bar chart: Pipeline by stage, Opportunities/ }).waitFor();
  await pipeline.getByText('Data table').click();
  await pipeline.getByRole('columnheader', { name: 'Stage' }).waitFor();
  await pipeline.getByLabel('Chart shows').selectOption({ label: 'Amount (EUR)' });
  await pipeline.getByRole('img', { name: /Pipeline by stage, Amount \(EUR\)/ }).waitFor();
  const download = page.waitForEvent('download');
  await pipeline.getByRole('button', { name: 'Download Pipeline by stage as CSV' }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^trellis-pipeline-by-stage-all-time\.csv$/);
  await page.screenshot({ path: join(shots, 'dashboards-partner.png'), fullPage: true });
  await page.getByRole('button', { name: 'Last 30 days' }).click();
  await page.waitForURL(/from=\d{4}-\d{2}-\d{2}/);
  await page.getByRole('button', { name: 'Last 30 days', pressed: true }).waitFor();
  await page.getByLabel('From').fill('2026-05-01');
  await page.getByLabel('To').fill('2026-04-01');
  await page.getByText('Choose a start date on or before the end date.').waitFor();
  assert.ok(await page.getByRole('button', { name: 'Apply' }).isDisabled());

  const staff = await newPage();
  await logIn(staff, 'admin@trellis.test');
  await openTab(staff, 'Dashboards');
  await staff.getByRole('heading', { name: 'Partner program' }).waitFor();
  assert.equal(await staff.locator('section.report').count(), 12);
  await staff.getByRole('img', { name: /Line chart: Partner growth, Partners/ }).waitFor();
  await staff.getByRole('region', { name: 'Partner satisfaction (NPS)' }).getByText(/^NPS -?\d+ \(/).waitFor();
  await staff.screenshot({ path: join(shots, 'dashboards-admin.png'), fullPage: true });
  assert.deepEqual(page.errors, []);
  assert.deepEqual(staff.errors, []);
});

test('a partner answers the satisfaction survey on their home page and the channel team reads it', async () => {
  const page = await newPage();
  await logIn(page, 'rep@acme.test');
  const prompt = page.getByRole('region', { name: /Partner satisfaction Q4/ });
  await prompt.getByRole('button', { name: 'Send answer' }).click();
  await prompt.getByText('Choose a score from 0 to 10.').waitFor();
  await prompt.getByRole('radio', { name: '3', exact: true }).check();
  await prompt.getByLabel('What is the main reason for your score? (optional)').fill('Leads arrive without phone numbers.');
  await prompt.getByRole('button', { name: 'Send answer' }).click();
  await page.getByText('Thank you for answering “Partner satisfaction Q4”.').waitFor();

  const staff = await newPage();
  await logIn(staff, 'channel@trellis.test');
  await staff.getByRole('heading', { name: 'Your work queues' }).waitFor();
  await staff.goto(env.base + '/surveys');
  const q4 = staff.getByRole('region', { name: 'Partner satisfaction Q4' });
  await q4.getByText('Leads arrive without phone numbers.').waitFor();
  await q4.getByText('Acme Solutions · scored 3').waitFor();
  await staff.getByLabel('Title').fill('Partner satisfaction Q1');
  await staff.getByRole('button', { name: 'Open survey' }).click();
  await staff.getByRole('region', { name: 'Partner satisfaction Q1' }).waitFor();
  await staff.screenshot({ path: join(shots, 'surveys.png'), fullPage: true });
  await staff.getByRole('region', { name: 'Partner satisfaction Q1' }).getByRole('button', { name: 'Close survey' }).click();
  await staff.getByRole('region', { name: 'Partner satisfaction Q1' }).getByText('Closed').waitFor();
  assert.deepEqual(page.errors, []);
  assert.deepEqual(staff.errors, []);
});

test('lists sort on the server by a column header, and instant search filters every lead as you type', async () => {
  const page = await newPage();
  await logIn(page, 'channel@trellis.test');
  await page.getByRole('heading', { name: 'Your work queues' }).waitFor();
  await openTab(page, 'Leads');
  await page.getByRole('heading', { name: 'Leads', exact: true }).waitFor();
  const table = page.getByRole('table', { name: 'leads' });
  await table.waitFor();
  await table.getByRole('button', { name: /^Company/ }).click();
  await page.waitForURL(/sort=company/);
  await table.getByRole('columnheader', { name: /Company/ }).and(page.locator('[aria-sort="ascending"]')).waitFor();
  const firstTwo = async () => (await table.locator('tbody tr td:first-child').allInnerTexts()).slice(0, 2);
  await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length > 1);
  const asc = await firstTwo();
  assert.ok(asc[0].localeCompare(asc[1], 'en', { sensitivity: 'variant' }) <= 0 || asc[0] <= asc[1], `ascending: ${asc}`);
  await table.getByRole('button', { name: /^Company/ }).click();
  await page.waitForURL(/sort=-company/);
  await table.locator('th[aria-sort="descending"]').waitFor();
  const desc = await firstTwo();
  assert.ok(desc[0] >= desc[1], `descending: ${desc}`);
  await page.reload();
  await page.getByRole('table', { name: 'leads' }).locator('th[aria-sort="descending"]').waitFor();

  await page.getByRole('button', { name: 'Instant search' }).click();
  const status = page.getByRole('status').filter({ hasText: /leads match/ });
  await status.waitFor();
  const total = Number((await status.innerText()).match(/of (\d+) leads/)[1]);
  assert.ok(total >= 200, `every lead loaded: ${total}`);
  await page.getByLabel('Filter as you type').fill('wonka');
  await status.filter({ hasText: new RegExp(`^\\d+ of ${total} leads match`) }).waitFor();
  const shown = Number((await status.innerText()).match(/^(\d+)/)[1]);
  assert.ok(shown > 0 && shown < total, `filtered to ${shown}`);
  assert.ok(await page.locator('.virtual-row').count() <= 30, 'only rows in view are drawn');
  await page.screenshot({ path: join(shots, 'leads-instant.png'), fullPage: true });
  assert.deepEqual(page.errors, []);
});

test('the channel team adds a tier to the program and edits what it requires', async () => {
  const page = await newPage();
  await logIn(page, 'channel@trellis.test');
  await page.getByRole('heading', { name: 'Your work queues' }).waitFor();
  await openTab(page, 'Admin');
  const tiers = page.getByRole('table', { name: 'Reseller Program tiers' });
  await tiers.getByRole('rowheader', { name: 'Gold' }).waitFor();
  await page.getByRole('button', { name: 'Add tier' }).click();
  const form = page.getByRole('form', { name: 'New tier' });
  await form.getByLabel('Name').fill('Platinum');
  await form.getByLabel('Rank').fill('3');
  await form.getByRole('button', { name: 'Save tier' }).click();
  await form.getByText('Gold already has rank 3').waitFor();
  await form.getByLabel('Rank').fill('4');
  await form.getByLabel('Benefits').fill('25% margin and co-selling');
  await form.getByLabel('Requirements').fill('1,000,000 EUR closed a year');
  await form.getByRole('button', { name: 'Save tier' }).click();
  await tiers.getByRole('rowheader', { name: 'Platinum' }).waitFor();
  await page.getByRole('button', { name: 'Edit Platinum' }).click();
  const edit = page.getByRole('form', { name: 'Edit tier' });
  await edit.getByLabel('Requirements').fill('800,000 EUR closed a year');
  await edit.getByRole('button', { name: 'Save tier' }).click();
  await tiers.getByText('800,000 EUR closed a year').waitFor();
  await page.screenshot({ path: join(shots, 'admin-program.png'), fullPage: true });
  assert.deepEqual(page.errors, []);
});

/** The labels of the tabs marked current, read from the menu when the tabs are folded. */
async function currentTabs(page) {
  const nav = page.getByRole('navigation', { name: 'Community' });
  const menu = nav.getByRole('button', { name: /Menu/ });
  if (!(await menu.isVisible())) return nav.locator('.tabs [aria-current="page"]').allTextContents();
  await menu.click();
  const current = await nav.locator('.nav-panel [aria-current="page"]').allTextContents();
  await page.keyboard.press('Escape');
  return current;
}

test('only one tab says it is the current page', async () => {
  const page = await newPage();
  await logIn(page, 'admin@trellis.test');
  await page.getByRole('heading', { name: 'Your work queues' }).waitFor();
  assert.deepEqual(await currentTabs(page), ['Home']);
  await openTab(page, 'Deals');
  await page.getByRole('heading', { name: 'Deal registrations' }).waitFor();
  assert.deepEqual(await currentTabs(page), ['Deals']);
  assert.deepEqual(page.errors, []);
});

test('the navigation is one row at any width: tabs while they fit, else a menu that keeps focus', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 1000, height: 800 }, { width: 390, height: 844 }]) {
    const page = await newPage(viewport);
    await logIn(page, 'admin@trellis.test');
    await page.getByRole('heading', { name: 'Your work queues' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Community' });
    const tops = await nav.locator('ul.tabs > li').evaluateAll((items) => items.map((li) => li.getBoundingClientRect().top));
    assert.equal(new Set(tops).size, 1, `${viewport.width} px: the tabs never wrap (${tops})`);
    const bar = await page.locator('header.topbar').boundingBox();
    const rows = viewport.width > 760 ? 1 : 2;
    assert.ok(bar.height <= rows * 64, `${viewport.width} px: the bar is ${rows} row(s), ${bar.height} px`);
    const menu = nav.getByRole('button', { name: /Menu/ });
    if (viewport.width === 390) assert.ok(await menu.isVisible(), 'a phone folds the tabs');
    if (!(await menu.isVisible())) continue;
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    const links = nav.locator('.nav-panel a');
    const count = await links.count();
    assert.ok(count >= 6, `the menu lists every tab (${count})`);
    await page.screenshot({ path: join(shots, `nav-menu-${viewport.width}.png`) });
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < count + 2; i++) {
        await page.keyboard.press(key);
        const inside = await page.evaluate(() => !!document.activeElement?.closest('nav[aria-label="Community"]'));
        assert.ok(inside, `${key} ×${i + 1} keeps focus in the open menu`);
      }
    }
    await page.keyboard.press('Escape');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('nav-menu')), true, 'Escape returns focus to the button');
    await menu.click();
    await page.mouse.click(viewport.width - 10, viewport.height - 10);
    assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'a click elsewhere closes the menu');
    await openTab(page, 'Contacts');
    await page.getByRole('heading', { name: 'Contacts', exact: true }).waitFor();
    assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'choosing a tab closes the menu');
    assert.deepEqual(page.errors, []);
  }
});
