// Record pages with their timelines, as a partner and a channel manager use them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { shots, newPage, logIn, openTab } from './support.mjs';

const phone = { width: 390, height: 844 };

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
  await logIn(manager, 'channel@trellis.test');
  await openTab(manager, 'Deals');
  await manager.getByLabel('Status').selectOption('submitted');
  await manager.waitForURL(/status=submitted/);
  await manager.getByText(/Showing \d+ deals/).waitFor();
  // One of Acme's, whose partner reads the comment below.
  const link = manager.locator('table tbody tr', { hasText: 'Acme Solutions' }).first().getByRole('link').first();
  const company = (await link.innerText()).trim();
  await link.click();
  await manager.getByRole('heading', { name: company, level: 1 }).waitFor();
  const approve = manager.getByRole('button', { name: `Approve deal registration for ${company}` });
  await manager.getByText(/No conflicting registrations|possible conflict/).waitFor();
  await approve.click();
  await manager.getByRole('status').filter({ hasText: `Deal registration for ${company} approved` }).waitFor();
  const timeline = manager.getByRole('region', { name: 'Activity' });
  await timeline.getByText('Approved', { exact: true }).first().waitFor();
  await timeline.getByLabel('Comment', { exact: true }).fill('Approved: protection runs past the expected close.');
  await timeline.getByRole('button', { name: 'Post comment' }).click();
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
