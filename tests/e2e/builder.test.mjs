// End-to-end tests of the community builder, as an admin and the partners who get the result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { env, shots, newPage, logIn, openTab } from './support.mjs';

async function openBuilder(page) {
  await logIn(page, 'admin@trellis.test');
  await page.getByRole('heading', { name: 'Your work queues' }).waitFor();
  await openTab(page, 'Builder');
  await page.getByRole('heading', { name: 'Community builder' }).waitFor();
  await page.getByText('All changes saved').waitFor();
}

async function saved(page) {
  await page.getByText('All changes saved').waitFor({ timeout: 10000 });
}

/** Drags with the mouse from the centre of `from` to a point in `to` (fraction of its height). */
async function drag(page, from, to, fraction = 0.5) {
  await from.scrollIntoViewIfNeeded();
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height * fraction, { steps: 8 });
  await page.mouse.up();
}

/** The names of the blocks in a canvas region, in order. */
async function blocks(region) {
  return region.locator('.b-handle').evaluateAll((els) => els.map((e) => e.textContent.replace('⠿', '')));
}

async function tabLabels(page) {
  // Read from the row itself, which keeps the labels while a narrow frame folds it into a menu.
  return page.locator('.tabs a').allTextContents();
}

test('an admin builds the community and a Silver partner gets exactly the published result', async () => {
  const page = await newPage();
  await openBuilder(page);

  // Templates: a gallery with previews; applying one asks first.
  await page.getByRole('button', { name: 'Templates' }).click();
  const cards = page.locator('.t-card');
  assert.deepEqual(await cards.locator('h3').allInnerTexts(), ['Partner Central', 'Deal Desk', 'Enablement Hub', 'Blank']);
  await page.screenshot({ path: join(shots, 'builder-templates.png'), fullPage: true });
  await cards.filter({ hasText: 'Deal Desk' }).getByRole('button', { name: 'Use this template' }).click();
  await page.getByRole('alertdialog').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Replace with Deal Desk', 'focus moves into the dialog');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Cancel', 'Tab stays inside the dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  await cards.filter({ hasText: 'Partner Central' }).getByRole('button', { name: 'Use this template' }).click();
  await page.getByRole('button', { name: 'Replace with Partner Central' }).click();
  await page.getByText('The draft now uses Partner Central').waitFor();

  // Navigation: drag Leads below Contacts; add a Gold-only tab.
  await page.getByRole('button', { name: 'Navigation' }).click();
  const labels = () => page.locator('.b-tab input[id^="tab-label-"]').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual((await labels()).slice(0, 5), ['Home', 'Leads', 'Deals', 'Opportunities', 'Contacts']);
  await drag(page, page.getByRole('button', { name: 'Move Leads' }), page.locator('.b-tab').nth(4), 0.75);
  assert.deepEqual((await labels()).slice(0, 5), ['Home', 'Deals', 'Opportunities', 'Contacts', 'Leads']);
  await page.getByLabel('Community name').fill('Acme Partner Hub');
  await page.getByLabel('Community name').press('Tab');
  await page.getByRole('heading', { name: 'Acme Partner Hub' }).waitFor();
  await page.getByLabel('New tab').fill('Gold lounge');
  await page.getByLabel('Opens', { exact: true }).last().selectOption({ label: 'Training' });
  await page.getByRole('button', { name: 'Add tab' }).click();
  const gold = page.locator('.b-tab').filter({ has: page.getByRole('button', { name: 'Move Gold lounge' }) });
  await gold.getByRole('button', { name: 'Everyone' }).click();
  await gold.getByRole('checkbox', { name: 'Gold', exact: true }).check();
  await gold.getByRole('button', { name: 'Some partners' }).waitFor();
  await page.screenshot({ path: join(shots, 'builder-tabs.png'), fullPage: true });

  // Layout: drag a KPI tile from the palette into column 1 of the row, below the pipeline.
  await page.getByRole('button', { name: 'Page layout' }).click();
  const column1 = page.locator('.b-col').first();
  await drag(page, page.getByRole('button', { name: 'Add KPI tile' }), column1.locator('.b-node').last(), 0.9);
  const tile = column1.getByRole('button', { name: 'KPI tile', exact: true });
  await tile.waitFor();
  assert.deepEqual(await blocks(column1), ['Announcement list', 'Pipeline summary', 'KPI tile']);

  // The property panel edits the selected block, with validation.
  const panel = page.getByRole('complementary', { name: 'Properties' });
  await panel.getByRole('heading', { name: 'KPI tile' }).waitFor();
  await panel.getByLabel('Figure (from a report)').selectOption({ label: 'Deals by status' });
  await panel.getByLabel('Label (default: the figure\'s name)').fill('x'.repeat(61));
  await panel.getByText('must be at most 60 characters').waitFor();
  await panel.getByLabel('Label (default: the figure\'s name)').fill('Registrations');
  await panel.getByLabel('Label (default: the figure\'s name)').press('Tab');
  await column1.getByText('Registrations').waitFor();
  await page.screenshot({ path: join(shots, 'builder-layout.png'), fullPage: true });

  // Undo and redo, by button and by keyboard.
  await page.getByRole('button', { name: /^Undo: Change label of KPI tile/ }).click();
  assert.equal(await column1.getByText('Registrations').count(), 0);
  await page.getByRole('button', { name: /^Redo: Change label of KPI tile/ }).click();
  await column1.getByText('Registrations').waitFor();
  await tile.focus();
  await page.keyboard.press('Control+z');
  assert.equal(await column1.getByText('Registrations').count(), 0);
  await page.keyboard.press('Control+Shift+z');
  await column1.getByText('Registrations').waitFor();

  // Keyboard move with announcements: the lead inbox goes to the top of column 1.
  const inbox = page.getByRole('button', { name: 'Lead inbox', exact: true });
  await inbox.focus();
  await page.keyboard.press('Space');
  await page.locator('#b-live').filter({ hasText: 'Lead inbox, picked up at column 2 of row 1, position 1' }).waitFor();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.locator('#b-live').filter({ hasText: 'Lead inbox, moved to column 1 of row 1, position 3' }).waitFor();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.locator('#b-live').filter({ hasText: 'Lead inbox, moved to column 1 of row 1, position 1' }).waitFor();
  await page.keyboard.press('Space');
  await page.locator('#b-live').filter({ hasText: 'Lead inbox, dropped at column 1 of row 1, position 1' }).waitFor();
  assert.equal((await blocks(column1))[0], 'Lead inbox');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '⠿Lead inbox', 'focus stays on the moved block');

  // Phone preview of the draft, as a Silver partner user.
  await page.getByRole('button', { name: 'Preview and view as' }).click();
  await page.getByRole('button', { name: 'Phone' }).click();
  await page.getByLabel('View as').selectOption({ label: 'Partner user' });
  await page.getByLabel('Tier').selectOption({ label: 'Silver' });
  const frame = page.locator('.b-frame');
  assert.equal(await frame.getByRole('button', { name: 'Gold lounge' }).count(), 0);
  await frame.getByRole('heading', { name: 'Registrations' }).waitFor();
  assert.equal(Math.round((await frame.boundingBox()).width), 375);
  await page.screenshot({ path: join(shots, 'builder-phone-preview.png'), fullPage: true });

  // Publish with a note; the history lists it.
  await saved(page);
  await page.getByPlaceholder('What changed (optional)').fill('Gold lounge and registrations tile');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  // The toast both shows it and announces it.
  await page.locator('.toasts[role="status"]').getByText('Version 2 published: partners see it now').waitFor();
  await page.getByText('Published, up to date').waitFor();
  await page.getByRole('button', { name: 'Versions' }).click();
  const history = page.getByRole('table', { name: 'Published versions' });
  await history.getByRole('row', { name: /Version 2.*Alex Admin.*Gold lounge and registrations tile/ }).waitFor();
  await history.getByRole('button', { name: 'Preview version 1' }).click();
  await page.getByText('Version 1 (').waitFor();
  await page.screenshot({ path: join(shots, 'builder-versions.png'), fullPage: true });
  assert.deepEqual(page.errors, []);

  // A Silver partner sees the new order and tile, and not the Gold-only tab; Gold does.
  const silver = await newPage();
  await logIn(silver, 'partner@bluebird.test');
  await silver.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  const silverTabs = await tabLabels(silver);
  assert.deepEqual(silverTabs.slice(0, 5), ['Home', 'Deals', 'Opportunities', 'Contacts', 'Leads']);
  assert.ok(!silverTabs.includes('Gold lounge'), silverTabs.join(','));
  await silver.getByRole('heading', { name: 'Registrations' }).waitFor();
  assert.equal(await silver.locator('.brand').innerText(), 'Acme Partner Hub');
  const goldPartner = await newPage();
  await logIn(goldPartner, 'partner@acme.test');
  await goldPartner.getByRole('heading', { name: 'Welcome to Partner Central' }).waitFor();
  const goldTabs = await tabLabels(goldPartner);
  assert.ok(goldTabs.includes('Gold lounge'), goldTabs.join(','));
});

test('a stale save from a second browser gets the conflict dialog and no edit is lost', async () => {
  const first = await newPage();
  const second = await newPage();
  await openBuilder(first);
  await openBuilder(second);
  await first.getByRole('button', { name: 'Add Spacer or divider' }).click();
  await saved(first);
  await second.getByRole('button', { name: 'Add Contact card' }).click();
  const dialog = second.getByRole('alertdialog', { name: 'Someone else changed the draft' });
  await dialog.waitFor();
  await second.screenshot({ path: join(shots, 'builder-conflict.png') });
  await dialog.getByRole('button', { name: 'Keep my version' }).click();
  await saved(second);
  assert.equal(await second.locator('.b-canvas').getByRole('button', { name: 'Contact card', exact: true }).count(), 1);

  // The first browser is now stale: it takes the other version instead.
  await first.getByRole('button', { name: 'Add Image' }).click();
  const again = first.getByRole('alertdialog', { name: 'Someone else changed the draft' });
  await again.waitFor();
  await again.getByRole('button', { name: 'Load their version' }).click();
  await first.locator('.b-canvas').getByRole('button', { name: 'Contact card', exact: true }).waitFor();
  assert.equal(await first.locator('.b-canvas').getByRole('button', { name: 'Image', exact: true }).count(), 0);
  await saved(first);
});

test('a site file exports, and a bad import lists precise errors and changes nothing', async () => {
  const page = await newPage();
  await openBuilder(page);
  await page.getByRole('button', { name: 'Export and import' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download site file' }).click(),
  ]);
  const file = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
  assert.equal(file.format, 'trellis.site');
  assert.equal(file.format_version, 1);

  const bad = structuredClone(file);
  bad.site.pages[0].root[0].component = 'carousel';
  await page.getByLabel('Or paste the file').fill(JSON.stringify(bad));
  await page.getByRole('button', { name: 'Check and import' }).click();
  const problems = page.getByRole('list', { name: 'Problems in the file' });
  await problems.getByText('site.pages[0].root[0]').first().waitFor();
  assert.match(await problems.innerText(), /unknown variant `carousel`/);
  await page.getByText('All changes saved').waitFor();

  file.site.name = 'Imported community';
  file.site.tabs = file.site.tabs.slice(0, 3);
  await page.getByLabel('Or paste the file').fill(JSON.stringify(file));
  await page.getByRole('button', { name: 'Check and import' }).click();
  await page.getByText('Imported Imported community').waitFor();
  await page.getByRole('heading', { name: 'Imported community' }).waitFor();
  await page.getByRole('button', { name: 'Navigation' }).click();
  assert.equal(await page.locator('.b-tab').count(), 3);
  await page.getByRole('button', { name: /^Undo: Replace the site/ }).click();
  assert.equal(await page.locator('.b-tab').count(), 10);
  await saved(page);
  assert.deepEqual(page.errors, []);
});

test('an edit made just before leaving the builder is still saved', async () => {
  const page = await newPage();
  await openBuilder(page);
  await page.getByRole('button', { name: 'Add Support case' }).click();
  await openTab(page, 'Leads');
  await page.getByRole('heading', { name: 'Leads', exact: true }).waitFor();
  await openTab(page, 'Builder');
  await page.locator('.b-canvas').getByRole('button', { name: 'Support case', exact: true }).waitFor();
  await page.getByText('All changes saved').waitFor();
  assert.deepEqual(page.errors, []);
});

test('Log out with builder edits not yet saved asks first, and Stay saves them', async () => {
  const page = await newPage();
  await openBuilder(page);
  await page.getByRole('button', { name: 'Add Contact card' }).click();
  // At once, before the autosave's pause is over.
  await page.getByRole('button', { name: 'Log out' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Your latest changes are not saved yet' });
  await dialog.waitFor();
  await page.screenshot({ path: join(shots, 'logout-unsaved.png') });
  await dialog.getByRole('button', { name: 'Stay and save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await saved(page);
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in to your partner community' }).waitFor();
  await openBuilder(page);
  assert.ok(await page.locator('.b-canvas').getByRole('button', { name: 'Contact card', exact: true }).count() >= 1,
    'the edit made just before Log out was kept');
});
