import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/**
 * The console's CRM records against the real platform: a lead created and converted, its opportunity priced with a
 * product from the pricebook (the amount follows the line items), a task about it in the user's tasks, and the
 * install projects the pipeline opened for the reference tenant's Install opportunities. Runs after the other specs
 * and signs in on its own page.
 */
const user = process.env.LAZI_CONSOLE_USER ?? 'admin@3222348440';
const password = process.env.LAZI_CONSOLE_PASSWORD ?? '';
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
  await page.goto('/crm/leads');
  await expect(page.getByLabel('Username')).toBeVisible();
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page.getByRole('heading', { name: 'Leads', level: 1 })).toBeVisible();
});

test.afterAll(async () => {
  await page.close();
});

test('creates a lead, converts it and prices its opportunity from the pricebook', async () => {
  const name = `Browser Lead ${Date.now()}`;
  await page.getByRole('button', { name: 'New lead' }).click();
  const create = page.getByRole('dialog');
  await create.getByLabel(/^Name/).fill(name);
  await create.getByLabel('Email').fill('browser.lead@example.com');
  await create.getByLabel('City').fill('Mesa');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId('lead-status')).toHaveText('new');

  await page.getByRole('button', { name: 'Convert' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Convert lead' }).click();
  await expect(page.getByTestId('conversion')).toBeVisible();
  await expect(page.getByTestId('lead-status')).toHaveText('converted');
  await shot(page, 'crm-lead-converted');

  await page.getByTestId('conversion').getByRole('link', { name: 'Opportunity' }).click();
  await expect(page.getByRole('heading', { name: 'Line items' })).toBeVisible();
  await page.getByLabel('Add a product').fill('Clean');
  const products = page.getByTestId('products');
  await expect(products.getByRole('button').first()).toBeVisible();
  await products.getByRole('button').first().click();
  await expect(page.getByTestId('line-item')).toHaveCount(1);
  const lineTotal = await page.getByTestId('line-total').first().textContent();
  await expect(page.getByTestId('opportunity-amount')).toHaveText(lineTotal ?? '');
  await shot(page, 'crm-opportunity-line-items');

  // A task about the opportunity, assigned to the user by default.
  await page.getByRole('button', { name: 'New task' }).click();
  const task = page.getByRole('dialog');
  await task.getByLabel(/^Title/).fill('Call back about the quote');
  await task.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Call back about the quote').first()).toBeVisible();
});

test('lists the user\'s tasks and the install projects the pipeline opened', async () => {
  await page.goto('/crm/tasks');
  await expect(page.getByRole('heading', { name: 'My tasks', level: 1 })).toBeVisible();
  await expect(page.getByText('Call back about the quote').first()).toBeVisible();
  await shot(page, 'crm-tasks');

  await page.goto('/crm/projects');
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  await expect(page.locator('table tbody tr')).toHaveCount(16);
  await shot(page, 'crm-projects');
});
