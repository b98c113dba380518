// Record pages with their timelines, as a partner and a channel manager use them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { env, shots, newPage, logIn, openTab } from './support.mjs';

const phone = { width: 390, height: 844 };

/** Logs in as the channel manager and opens the first submitted deal whose row has `hasText`. */
async function openSubmittedDeal(page, hasText) {
  await logIn(page, 'channel@trellis.test');
  await openTab(page, 'Deals');
  await page.getByLabel('Status').selectOption('submitted');
  await page.waitForURL(/status=submitted/);
  await page.getByText(/Showing \d+ deals/).waitFor();
  const link = page.locator('table tbody tr', { hasText }).first().getByRole('link').first();
  const company = (await link.innerText()).trim();
  await link.click();
  await page.getByRole('heading', { name: company, level: 1 }).waitFor();
  return company;
}

async function fitsSideways(page, what) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, `${what}: ${scroll} > ${client}`);
}

test('a partner opens a lead from the home page, converts it and mentions the channel manager; the manager finds the mention', async () => {
  const page = await newPage();
  await logIn(page, 'partner@acme.test');
  const inbox = page.locator('.card', { has: page.getByRole('heading', { name: 'New leads' }) });
  const first = inbox.getByRole('link').first();
  const company = (await first.innerText()).trim();
  await first.click();
  await page.getByRole('heading', { name: company, level: 1 }).waitFor();
  const timeline = page.getByRole('region', { name: 'Activity' });
  await timeline.getByText(/created this lead/).waitFor();
  await page.getByRole('button', { name: new RegExp(`^Accept lead from ${company}`) }).click();
  await page.getByRole('status').filter({ hasText: `Lead from ${company} accepted` }).waitFor();
  await timeline.getByText(/changed \d+ fields/).first().waitFor();
  await timeline.getByText('Waiting for acceptance').first().waitFor();
  await page.getByRole('button', { name: new RegExp(`^Convert lead from ${company}`) }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Convert lead' }).click();
  const related = page.getByRole('region', { name: 'Created by the conversion' });
  await related.getByRole('link', { name: 'The opportunity' }).waitFor();
  await page.screenshot({ path: join(shots, 'record-lead.png'), fullPage: true });

  await related.getByRole('link', { name: 'The opportunity' }).click();
  await page.getByRole('heading', { name: 'Edit opportunity' }).waitFor();
  const oppTimeline = page.getByRole('region', { name: 'Activity' });
  await oppTimeline.getByText('created this opportunity').waitFor();
  const opportunityUrl = page.url();
  await oppTimeline.getByRole('button', { name: 'Post comment' }).click();
  await oppTimeline.getByRole('alert').filter({ hasText: 'Write your comment first.' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA', 'focus goes to the empty comment');
  await oppTimeline.getByLabel('Comment', { exact: true }).fill('Pricing question for this one:');
  await oppTimeline.getByLabel('Mention someone').selectOption('Casey Channel');
  assert.equal(await oppTimeline.getByLabel('Comment', { exact: true }).inputValue(), 'Pricing question for this one: @Casey Channel ');
  await oppTimeline.getByLabel('Comment', { exact: true }).press('End');
  await oppTimeline.getByLabel('Comment', { exact: true }).pressSequentially('can we go below list?');
  await oppTimeline.getByRole('button', { name: 'Post comment' }).click();
  await page.getByRole('status').filter({ hasText: 'Comment posted; Casey Channel will find it under Mentions' }).waitFor();
  await oppTimeline.locator('mark.mention', { hasText: '@Casey Channel' }).waitFor();
  await page.screenshot({ path: join(shots, 'record-opportunity.png'), fullPage: true });

  const manager = await newPage();
  await logIn(manager, 'channel@trellis.test');
  const mentions = manager.getByRole('region', { name: 'Mentions of you' });
  await mentions.getByText('Pat Partner').first().waitFor();
  await mentions.getByRole('link').first().click();
  await manager.waitForURL(opportunityUrl);
  await manager.getByRole('region', { name: 'Activity' }).getByText('can we go below list?').waitFor();
});

test('a channel manager approves a deal from its page and comments; the partner reads it on the timeline', async () => {
  const manager = await newPage();
  // One of Acme's, whose partner reads the comment below.
  const company = await openSubmittedDeal(manager, 'Acme Solutions');
  const approve = manager.getByRole('button', { name: `Approve deal registration for ${company}` });
  await manager.getByText(/No conflicting registrations|possible conflict/).waitFor();
  await approve.click();
  // The approval carries a comment for the partner, which lands on the deal's timeline.
  await manager.getByLabel('Comment for the partner (optional)').fill('Approved: protection runs past the expected close.');
  await manager.getByRole('button', { name: 'Approve', exact: true }).click();
  await manager.getByRole('status').filter({ hasText: `Deal registration for ${company} approved` }).waitFor();
  const timeline = manager.getByRole('region', { name: 'Activity' });
  await timeline.getByText('Approved', { exact: true }).first().waitFor();
  await timeline.getByText('Approved: protection runs past the expected close.').waitFor();
  await manager.screenshot({ path: join(shots, 'record-deal.png'), fullPage: true });
  const dealUrl = manager.url();

  const partner = await newPage(phone);
  await logIn(partner, 'partner@acme.test');
  await partner.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  await partner.goto(dealUrl);
  await partner.getByRole('heading', { name: company, level: 1 }).waitFor();
  const seen = partner.getByRole('region', { name: 'Activity' });
  await seen.getByText('Approved: protection runs past the expected close.').waitFor();
  await seen.locator('.who strong', { hasText: 'Casey Channel' }).first().waitFor();
  await fitsSideways(partner, 'the deal page on a phone');
  await partner.screenshot({ path: join(shots, 'record-deal-phone.png'), fullPage: true });

  const other = await newPage();
  await logIn(other, 'partner@bluebird.test');
  await other.getByRole('navigation', { name: 'Community' }).waitFor();
  await other.goto(dealUrl);
  await other.getByText(/not found/i).first().waitFor();
  assert.equal(await other.getByText('Approved: protection runs past the expected close.').count(), 0);
});

test('an administrator asks for two approvals above an amount; the second comes from someone else', async () => {
  const admin = await newPage();
  await logIn(admin, 'admin@trellis.test');
  await openTab(admin, 'Admin');
  const policy = admin.getByRole('form', { name: 'Deal review' });
  await policy.getByText('One approval is enough for every registration.').waitFor();
  await policy.getByLabel('Second approval above (estimated amount)').fill('0');
  await policy.getByRole('button', { name: 'Save review policy' }).click();
  await policy.getByText(/The amount must be a whole amount from 1/).waitFor();
  await policy.getByLabel('Second approval above (estimated amount)').fill('1,000');
  await policy.getByRole('button', { name: 'Save review policy' }).click();
  await admin.getByRole('status').filter({ hasText: 'Deals above 1,000 now need two approvals' }).waitFor();
  await policy.getByText('Registrations estimated above 1,000 need a second approver.').waitFor();
  await policy.scrollIntoViewIfNeeded();
  await admin.screenshot({ path: join(shots, 'admin-deal-review.png') });

  const manager = await newPage();
  const company = await openSubmittedDeal(manager, '');
  await manager.getByText('Needs two approvals: the estimate is above the review policy\'s amount.').waitFor();
  const approve = manager.getByRole('button', { name: `Approve deal registration for ${company}` });
  await manager.getByText(/No conflicting registrations|possible conflict/).waitFor();
  await approve.click();
  await manager.getByRole('button', { name: 'Approve', exact: true }).click();
  await manager.getByText(/You gave the first approval/).waitFor();
  assert.equal(await approve.isDisabled(), true, 'not twice by the same reviewer');
  await manager.screenshot({ path: join(shots, 'deal-first-approval.png'), fullPage: true });

  await admin.goto(manager.url());
  await admin.getByText(/First approval by Casey Channel/).waitFor();
  await admin.getByText(/No conflicting registrations|possible conflict/).waitFor();
  await admin.getByRole('button', { name: `Approve deal registration for ${company}` }).click();
  await admin.getByRole('button', { name: 'Approve', exact: true }).click();
  await admin.getByRole('status').filter({ hasText: `Deal registration for ${company} approved` }).waitFor();
  await admin.locator('.record-work .badge', { hasText: 'Approved' }).waitFor();
});

test('fund requests and claims open as pages with their timelines', async () => {
  const page = await newPage();
  await logIn(page, 'partner@acme.test');
  await openTab(page, 'Funds');
  const request = page.locator('table[aria-label="fund requests"] tbody tr').first().getByRole('link').first();
  const activity = (await request.innerText()).trim();
  await request.click();
  await page.getByRole('heading', { name: activity, level: 1 }).waitFor();
  await page.getByText('Fund request', { exact: true }).waitFor();
  await page.getByRole('region', { name: 'Activity' }).getByText('created this fund request').waitFor();
  await page.screenshot({ path: join(shots, 'record-fund-request.png'), fullPage: true });
  await page.getByRole('link', { name: '← Marketing funds' }).click();
  const claim = page.locator('table[aria-label="claims"] tbody tr').first().getByRole('link').first();
  await claim.click();
  await page.getByText('Claim', { exact: true }).waitFor();
  await page.getByRole('region', { name: 'Activity' }).getByText('created this claim').waitFor();
});

test('an account page lists its users, deals, opportunities and funds; a partner reaches only their own', async () => {
  const page = await newPage();
  await logIn(page, 'channel@trellis.test');
  await page.getByRole('heading', { name: 'Your work queues', level: 1 }).waitFor();
  await openTab(page, 'Admin');
  await page.getByRole('heading', { name: 'Partner administration' }).waitFor();
  await page.getByRole('link', { name: 'Acme Solutions', exact: true }).first().click();
  await page.getByRole('heading', { name: 'Acme Solutions', level: 1 }).waitFor();
  const users = page.getByRole('region', { name: /^Users/ });
  await users.getByText('Pat Partner').waitFor();
  for (const name of [/^Deal registrations/, /^Opportunities/, /^Fund requests/, /^Fund claims/]) {
    await page.getByRole('region', { name }).getByRole('link').first().waitFor();
  }
  await page.getByRole('button', { name: /Change tier|Move tier/ }).first().waitFor();
  await page.screenshot({ path: join(shots, 'record-account.png'), fullPage: true });
  const deal = page.getByRole('region', { name: /^Deal registrations/ }).getByRole('link').first();
  const company = (await deal.innerText()).trim();
  await deal.click();
  await page.getByRole('heading', { name: company, level: 1 }).waitFor();

  const partner = await newPage(phone);
  await logIn(partner, 'rep@acme.test');
  await partner.getByLabel('More account actions').click();
  await partner.getByRole('link', { name: 'Your company' }).click();
  await partner.getByRole('heading', { name: 'Acme Solutions', level: 1 }).waitFor();
  assert.equal(await partner.locator('details.account-menu[open]').count(), 0, 'the menu closes on the way');
  const seen = await partner.getByRole('region', { name: /^Users/ }).locator('li').count();
  assert.equal(seen, 1, 'a partner user sees only themself among the users');
  assert.equal(await partner.getByRole('button', { name: /Change tier|Move tier/ }).count(), 0, 'no partnership actions for partners');
  await fitsSideways(partner, 'account page');
  await partner.screenshot({ path: join(shots, 'record-account-phone.png'), fullPage: true });
  await partner.goto(env.base + '/accounts/acc_bluebird');
  await partner.getByRole('alert').filter({ hasText: /not found/i }).waitFor();
  assert.deepEqual(page.errors, []);
  assert.deepEqual(partner.errors, []);
});
