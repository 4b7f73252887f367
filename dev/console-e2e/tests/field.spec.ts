import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/**
 * The console's Field area against the real platform (field-service behind the gateway, its mirror filled by the
 * CRM sync and the dispatch pull that follows it): customers, technicians and their week, jobs, assigning a
 * technician to a ServiceTitan job (202: sent, then resolved by `field:command-completed` over the WebSocket),
 * switching the jobs provider to Lazi and assigning to the now Lazi-owned job (200: applied at once). Runs after
 * console.spec.ts (which signs out at its end): it signs in again on its own page.
 */
const user = process.env.LAZI_CONSOLE_USER ?? 'admin@3222348440';
const password = process.env.LAZI_CONSOLE_PASSWORD ?? '';
const tenant = process.env.LAZI_TENANT ?? '3222348440';
const output = process.env.LAZI_PLAYWRIGHT_OUTPUT ?? 'target/playwright';

mkdirSync(output, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `${output}/${name}.png` });

test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') console.log(`browser console error: ${message.text()}`);
  });
});

test.afterAll(async () => {
  await page.close();
});

/** The number in a `<n> things` status line. */
function count(text: string | null): number {
  return Number((text ?? '').replace(/\D/g, ''));
}

/**
 * Opens, among the listed jobs, the first one with an active appointment and a technician still free to add:
 * returns the job's URL. Jobs are listed newest first.
 */
async function openAssignableJob(): Promise<string> {
  const links = await page.getByTestId('job').locator('td:first-child a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!));
  for (const href of links.slice(0, 15)) {
    await page.goto(href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Job /);
    await expect(page.getByTestId('job-status')).toBeVisible();
    if (await page.getByTestId('appointments').count() === 0) continue;
    // ServiceTitan refuses technicians on a canceled appointment (409).
    const active = page.getByTestId('appointments').locator('tbody tr:not(.inactive)');
    if (await active.count() > 0 && await active.filter({ hasText: 'Canceled' }).count() === 0) return href;
  }
  throw new Error('no listed job has an active appointment');
}

/** In the open assign dialog: checks the first technician not yet assigned; returns their name. */
async function pickTechnician(): Promise<string> {
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('technician-option').first()).toBeVisible();
  const free = dialog.getByTestId('technician-option').filter({ has: page.locator('input[type=checkbox]:not([disabled])') }).first();
  const box = free.getByRole('checkbox');
  const name = ((await free.locator('label').textContent()) ?? '').split('·')[0].trim();
  await box.check();
  return name;
}

test('signs in and opens the Field area', async () => {
  await page.goto('/field');
  await expect(page.getByLabel('Username')).toBeVisible();
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/field\/jobs$/);
  await expect(page.getByTestId('tenant')).toContainText(tenant);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open');
  await expect(page.getByRole('link', { name: 'Field', exact: true })).toHaveClass(/active/);
});

test('lists and searches customers and shows one with its contacts, locations and jobs', async () => {
  await page.getByRole('navigation', { name: 'Field' }).getByRole('link', { name: 'Customers' }).click();
  // The mirror fills from the CRM sync's records.
  await expect(page.getByTestId('customer').first()).toBeVisible({ timeout: 60_000 });
  expect(count(await page.getByTestId('list-count').textContent())).toBeGreaterThan(0);
  const name = (await page.getByTestId('customer').first().locator('td a').textContent())!;
  await page.getByRole('searchbox').fill(name);
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByTestId('customer').filter({ hasText: name }).first()).toBeVisible();
  await page.getByTestId('customer').filter({ hasText: name }).first().locator('td a').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('heading', { name: 'Contacts' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Locations' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Jobs' })).toBeVisible();
  await shot(page, 'field-customer');
});

test('lists technicians with team and business unit, and a technician\'s next 7 days', async () => {
  await page.getByRole('navigation', { name: 'Field' }).getByRole('link', { name: 'Technicians' }).click();
  // The dispatch pull follows the CRM sync: 18 active technicians and 1 who left.
  await expect(page.getByTestId('list-count')).toHaveText('18 technicians', { timeout: 60_000 });
  // The box follows the URL, which changes a moment after the click: click, then wait for the state.
  await page.getByLabel('Include inactive').click();
  await expect(page.getByLabel('Include inactive')).toBeChecked();
  await expect(page.getByTestId('list-count')).toHaveText('19 technicians');
  await expect(page.locator('[data-testid="technician"].inactive')).toHaveCount(1);
  await page.getByLabel('Include inactive').click();
  await expect(page.getByLabel('Include inactive')).not.toBeChecked();
  await page.getByLabel('Team').selectOption({ label: 'Pool Crew' });
  await expect(page.getByTestId('technician').first()).toContainText('Pool Crew');
  await page.getByTestId('technician').first().locator('td a').click();
  await expect(page.getByTestId('availability-day')).toHaveCount(7);
  await expect(page.getByTestId('free-minutes')).toContainText('free in all');
  await shot(page, 'field-technician');
});

test('assigns a technician to a ServiceTitan job: sent, then resolved over the WebSocket', async () => {
  await page.getByRole('navigation', { name: 'Field' }).getByRole('link', { name: 'Jobs' }).click();
  await page.getByLabel('Status').selectOption('Scheduled');
  await expect(page.getByTestId('job').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('job').first()).toContainText('Scheduled');
  await openAssignableJob();
  const before = (await page.getByTestId('job-technicians').textContent()) ?? '';

  await page.getByRole('button', { name: 'Assign technicians' }).click();
  await expect(page).toHaveURL(/[?&]assign=1/);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('free-time').first()).toBeVisible();
  const name = await pickTechnician();
  await dialog.getByRole('button', { name: /^Assign \(1\)$/ }).click();

  const status = dialog.getByTestId('assign-command');
  await expect(status).toContainText('Sent to ServiceTitan…');
  await expect(status.locator('code')).toHaveText(/^[0-9a-f-]{36}$/);
  await shot(page, 'field-assign-sent');
  await expect(status).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  await expect(status).toContainText('ServiceTitan assigned the technicians.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('job-technicians')).toContainText(name);
  expect(before).not.toContain(name);
});

test('switches the jobs provider to Lazi, then assigns at once (200)', async () => {
  await page.getByRole('navigation', { name: 'Field' }).getByRole('link', { name: 'Providers' }).click();
  const jobs = page.locator('[data-testid="provider"][data-domain="jobs"]');
  await expect(jobs.getByTestId('provider-current')).toHaveText('ServiceTitan');
  await jobs.getByLabel('Provider of jobs').selectOption('lazi');
  await jobs.getByRole('button', { name: 'Switch jobs' }).click();
  await expect(page.getByRole('dialog').getByTestId('switch-explanation')).toContainText('copied into Lazi-owned records under the same ids');
  await page.getByRole('dialog').getByRole('button', { name: 'Switch', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(jobs.getByTestId('provider-current')).toHaveText('Lazi', { timeout: 60_000 });
  await expect(page.getByTestId('provider-history')).toContainText('jobs');

  await page.getByRole('navigation', { name: 'Field' }).getByRole('link', { name: 'Jobs' }).click();
  await page.getByLabel('Status').selectOption('Scheduled');
  await expect(page.getByTestId('job').first()).toBeVisible({ timeout: 60_000 });
  await openAssignableJob();
  await page.getByRole('button', { name: 'Assign technicians' }).click();
  const name = await pickTechnician();
  await page.getByRole('dialog').getByRole('button', { name: /^Assign \(1\)$/ }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('job-technicians')).toContainText(name);
  await expect(page.getByTestId('assignments')).toContainText(name);
  await shot(page, 'field-assign-applied');
});
