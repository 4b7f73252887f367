import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';

/**
 * The console against the real platform, in the order a user would go: sign in, read the pricebook,
 * rename and push, move a subcategory by drag and drop, resolve a conflict, miss events while the
 * socket is down and get them after reconnecting, move an opportunity by hand. One signed-in page for
 * all (serial).
 */
const user = process.env.LAZI_CONSOLE_USER ?? 'admin@3222348440';
const password = process.env.LAZI_CONSOLE_PASSWORD ?? '';
const tenant = process.env.LAZI_TENANT ?? '3222348440';
const simulator = process.env.LAZI_ST_SIMULATOR_URL ?? 'http://localhost:8090';
const output = process.env.LAZI_PLAYWRIGHT_OUTPUT ?? 'target/playwright';
const DEPTHS = [209, 650, 681, 264, 123, 49, 39, 8];
const metrics: Record<string, unknown> = {};

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
  writeFileSync(`${output}/metrics.json`, JSON.stringify(metrics, null, 2));
  await page.close();
});

function rows(depth?: number): Locator {
  return page.locator(depth === undefined ? '[data-testid="tree-row"]' : `[data-testid="tree-row"][data-depth="${depth}"]`);
}

function row(id: string): Locator {
  return page.locator(`[data-testid="tree-row"][data-id="${id}"]`);
}

async function accessToken(): Promise<string> {
  return page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i)!;
      if (key.startsWith('oidc.user:')) return JSON.parse(sessionStorage.getItem(key)!).access_token as string;
    }
    throw new Error('no signed-in user in sessionStorage');
  });
}

/** Expands only the first root with at least `min` subcategories and returns their ids and paths. */
async function rootChildren(min = 1): Promise<{ id: string; path: string }[]> {
  await expect(page.getByTestId('tree-status')).toContainText('subcategories loaded', { timeout: 60_000 });
  const roots = await page.getByTestId('root').count();
  for (let index = 0; index < roots; index++) {
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await page.getByTestId('root').nth(index).click();
    await expect(rows(1).first()).toBeVisible();
    const children = await rows(1).evaluateAll((elements) => elements.map((e) => ({ id: e.getAttribute('data-id')!, path: e.getAttribute('data-path')! })));
    if (children.length >= min) return children;
  }
  throw new Error(`no root with ${min} subcategories`);
}

test('signs in through the identity provider and comes back to the console', async () => {
  await page.goto('/pricebook');
  await expect(page.getByLabel('Username')).toBeVisible();
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/pricebook$/);
  await expect(page.getByTestId('tenant')).toContainText(tenant);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open');
});

test('shows 27 roots and the subcategories per depth', async () => {
  await expect(page.getByTestId('root')).toHaveCount(27);
  for (const [index, count] of DEPTHS.entries()) {
    await expect(page.getByTestId(`stat-depth-${index + 1}`)).toHaveText(String(count));
  }
  await expect(page.getByTestId('tree-status')).toContainText(`2023 subcategories loaded (${DEPTHS.join('/')})`, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Expand all' }).click();
  await expect(page.getByTestId('render-ms')).toBeVisible();
  metrics.expandAllRenderMs = Number((await page.getByTestId('render-ms').textContent())!.replace(/\D/g, ''));
  // Virtualised: every row of the 2,050 (27 roots, 2,023 subcategories) has its place, 40 px each.
  await expect(page.getByRole('tree')).toHaveAttribute('style', /height: 82000px/);
  await shot(page, 'pricebook');

  // First load of a signed-in session with nothing cached: navigation to the roots on screen.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  const started = Date.now();
  await page.reload();
  await expect(page.getByTestId('root')).toHaveCount(27);
  metrics.reloadToRootsMs = Date.now() - started;
  metrics.navigation = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const assets = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.includes('/assets/'));
    return {
      domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
      loadMs: Math.round(nav.loadEventEnd),
      assetsEncodedBytes: assets.reduce((sum, r) => sum + r.encodedBodySize, 0),
      assetsDecodedBytes: assets.reduce((sum, r) => sum + r.decodedBodySize, 0),
    };
  });
});

test('renames a subcategory, pushes it and sees the pending count return to 0', async () => {
  const children = await rootChildren();
  const target = row(children[0].id);
  const name = (await target.getByTestId('row-name').textContent())!;
  const renamed = `${name} (console)`;
  await target.getByRole('button', { name: `Edit ${name}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(renamed);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Saved “${renamed}”`)).toBeVisible();
  await expect(page.getByTestId('pending-count')).toContainText('1');
  await expect(target.getByTestId('row-name')).toHaveText(renamed);
  await expect(target.getByText(`ServiceTitan: ${name}`)).toBeVisible();

  await page.getByRole('button', { name: 'Push to ServiceTitan (1)' }).click();
  await expect(page.getByTestId('push-status')).toContainText('Push finished: 1 succeeded, 0 failed', { timeout: 60_000 });
  await expect(page.getByText('Pushed to ServiceTitan: 1 succeeded, 0 failed')).toBeVisible();
  await expect(page.getByTestId('pending-count')).toContainText('0');
  await expect(target.getByText(`ServiceTitan: ${name}`)).toHaveCount(0);
  await shot(page, 'pushed');
});

test('drags a subcategory under another parent and shows its new depth and path', async () => {
  const children = await rootChildren(3);
  const [parent, over, moved] = [children[0], children[1], children[2]];
  const handle = row(moved.id).getByRole('button', { name: /^Move / });
  const from = (await handle.boundingBox())!;
  const to = (await row(over.id).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 8, { steps: 4 });
  await page.mouse.move(from.x + from.width / 2 + 26, to.y + to.height / 2, { steps: 25 });
  await page.mouse.up();
  await expect(page.getByText(/Moved “.*” to depth 2/)).toBeVisible();
  await expect(row(moved.id)).toHaveAttribute('data-depth', '2');
  await expect(row(moved.id)).toHaveAttribute('data-path', `${parent.path}.${moved.id}`);
  await expect(row(moved.id).getByTestId('row-meta')).toHaveText(`depth 2 · ${parent.path}.${moved.id}`);
  await shot(page, 'moved');

  // The same without a mouse: lift the last of the parent's siblings, one row up, drop.
  const siblings = await rows(1).evaluateAll((elements) => elements.map((e) => e.getAttribute('data-id')!));
  const last = siblings[siblings.length - 1];
  const handleOfLast = row(last).getByRole('button', { name: /^Move / });
  await handleOfLast.focus();
  // dnd-kit's keyboard sensor listens for the arrows a moment after the lift.
  for (const key of ['Space', 'ArrowUp', 'Space']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(250);
  }
  await expect(page.getByText(new RegExp(`Moved “.*” to position ${siblings.length - 1}`))).toBeVisible();
  await expect.poll(() => rows(1).evaluateAll((elements) => elements.map((e) => e.getAttribute('data-id')!)).then((after) => after.indexOf(last)))
    .toBe(siblings.length - 2);
});

test('resolves a conflict by keeping the local value', async ({ request }) => {
  const children = await rootChildren();
  const target = children[children.length - 1];
  const name = (await row(target.id).getByTestId('row-name').textContent())!;
  await row(target.id).getByRole('button', { name: `Edit ${name}` }).click();
  await page.getByRole('dialog').getByLabel('Name').fill(`${name} (Lazi)`);
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(row(target.id).getByTestId('row-name')).toHaveText(`${name} (Lazi)`);
  const patched = await request.patch(`${simulator}/admin/tenants/${tenant}/categories/${target.id}`, { data: { name: `${name} (ServiceTitan)` } });
  expect(patched.ok()).toBeTruthy();

  await page.getByLabel('Kind of pull').selectOption('INCREMENTAL');
  await page.getByRole('button', { name: 'Pull from ServiceTitan' }).click();
  await expect(page.getByTestId('pull-status')).toContainText('Pulled', { timeout: 60_000 });
  const conflict = page.locator(`[data-testid="conflict"][data-st-id="${target.id}"]`);
  await expect(conflict).toBeVisible();
  await expect(row(target.id).getByText('conflict')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'conflict');
  await conflict.getByRole('button', { name: 'Keep local' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(row(target.id).getByTestId('row-name')).toHaveText(`${name} (Lazi)`);
  await expect(row(target.id).getByText('conflict')).toHaveCount(0);
});

test('signs in again when the session expires and keeps what was typed', async () => {
  const children = await rootChildren(2);
  const target = row(children[0].id);
  const name = (await target.getByTestId('row-name').textContent())!;
  await target.getByRole('button', { name: `Edit ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/pricebook\\?edit=${children[0].id}$`));
  const typed = `${name} typed before the session ended`;
  await page.getByRole('dialog').getByLabel('Name').fill(typed);
  // The gateway refuses the token once, as it does once the token expired.
  await page.route('**/api/pricebook/categories/**/override', (route) => route.fulfill({
    status: 401,
    contentType: 'application/problem+json',
    body: JSON.stringify({ type: 'https://lazi.io/problems/unauthorized', title: 'Unauthorized', status: 401 }),
  }), { times: 1 });
  const toIdentityProvider = page.waitForRequest(/\/oauth2\/authorize/);
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await toIdentityProvider;
  // The identity provider's session still holds: straight back, to the same route, dialog and text.
  await page.waitForURL(new RegExp(`/pricebook\\?edit=${children[0].id}$`), { waitUntil: 'load' });
  await expect(page.getByRole('dialog').getByLabel('Name')).toHaveValue(typed);
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('gets the events it missed while the socket was down', async ({ request }) => {
  const children = await rootChildren(2);
  const target = children[1];
  const rename = async (name: string) => {
    const saved = await request.post(`/api/pricebook/categories/subcategories/${target.id}/override`, {
      headers: { Authorization: `Bearer ${await accessToken()}`, 'X-Tenant-ID': tenant },
      data: { name },
    });
    expect(saved.ok()).toBeTruthy();
  };
  const seen = `Seen while online ${Date.now()}`;
  await rename(seen);
  await expect(page.getByText(`Category “${seen}” updated`)).toBeVisible();

  await page.getByTestId('connection').click();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'paused');
  const missed = `Missed while offline ${Date.now()}`;
  await rename(missed);
  await page.waitForTimeout(1_500);
  await expect(page.getByText(`Category “${missed}”`)).toHaveCount(0);

  await page.getByTestId('connection').click();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open');
  await expect(page.getByText(`Category “${missed}” updated`)).toBeVisible();
  await expect(row(target.id).getByTestId('row-name')).toHaveText(missed);
});

/** A 1×1 PNG: image-service checks that the bytes are the type they claim. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('uploads an image, refuses a file of another type, creates and deletes a subcategory', async () => {
  const children = await rootChildren(3);
  const target = children[2];
  const name = (await row(target.id).getByTestId('row-name').textContent())!;
  await row(target.id).getByRole('button', { name: `Edit ${name}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Image file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
  await expect(dialog.getByRole('alert')).toHaveText('notes.txt is not a PNG, JPEG, WebP or GIF image');
  await dialog.getByLabel('Image file').setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: PNG });
  await expect(dialog.getByAltText('New image preview')).toHaveAttribute('src', /^blob:/);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Saved “${name}”`)).toBeVisible();
  await expect(row(target.id).getByText('pending')).toHaveAttribute('title', /image/);
  await expect(row(target.id).locator('img.thumb')).toHaveAttribute('src', /^blob:/);

  const created = `Created by the console ${Date.now()}`;
  await row(target.id).getByRole('button', { name: `Add a subcategory to ${name}` }).click();
  await page.getByRole('dialog').getByLabel('Name').fill(created);
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText(`Created “${created}” under “${name}”`)).toBeVisible();
  const newRow = page.locator('[data-testid="tree-row"]', { hasText: created });
  await expect(newRow).toHaveAttribute('data-depth', '2');
  await expect(newRow.getByText('new')).toBeVisible();

  page.once('dialog', (confirm) => void confirm.accept());
  await newRow.getByRole('button', { name: `Delete ${created}` }).click();
  await expect(page.getByText(`Removed “${created}”`)).toBeVisible();
  await expect(newRow).toHaveCount(0);

  // The developer dashboard shows the runs of this session's pulls.
  await page.getByRole('link', { name: 'Sync and errors', exact: true }).click();
  await expect(page.getByTestId('sync-pricebook').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('sync-pricebook').locator('tbody tr', { hasText: 'full' }).first()).toContainText('completed');
  await expect(page.getByTestId('failed-pushes')).toBeVisible();
  await page.getByRole('link', { name: 'Pricebook', exact: true }).click();
});

test('moves an opportunity to a manual stage and sees a protected move refused', async () => {
  await page.getByRole('link', { name: 'Pipelines' }).click();
  const sales = page.getByTestId('pipeline-SALES');
  const proposal = sales.locator('[data-testid="stage"][data-stage="PROPOSAL_SENT"]');
  const followUp = sales.locator('[data-testid="stage"][data-stage="ESTIMATE_FOLLOW_UP"]');
  await expect(proposal.getByTestId('opportunity').first()).toBeVisible();
  const before = Number(await followUp.getByTestId('stage-count').textContent());
  const card = proposal.getByTestId('opportunity').first();
  const id = (await card.getAttribute('data-id'))!;
  const handle = (await card.getByRole('button', { name: /^Move / }).boundingBox())!;
  const target = (await followUp.boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 + 8, handle.y + handle.height / 2, { steps: 4 });
  await page.mouse.move(target.x + target.width / 2, target.y + 60, { steps: 25 });
  await page.mouse.up();
  await expect(page.getByText(/moved to Estimate Follow-up/)).toBeVisible();
  const moved = followUp.locator(`[data-testid="opportunity"][data-id="${id}"]`);
  await expect(moved).toBeVisible();
  await expect(followUp.getByTestId('stage-count')).toHaveText(String(before + 1));
  await shot(page, 'pipelines');

  await moved.locator('button.link').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('history')).toContainText('ESTIMATE_FOLLOW_UP');
  await dialog.getByLabel('Move to stage').selectOption('JOB_SOLD');
  await dialog.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(page.getByText(/Move refused: .*entered by the pipeline rules/)).toBeVisible();
  await expect(dialog.getByTestId('detail-stage')).toHaveText('Estimate Follow-up');
  await dialog.getByRole('button', { name: 'Close' }).click();
});

test('signs out, at the identity provider too', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The identity provider's session ended with the console's: its form asks again.
  await expect(page.getByLabel('Username')).toBeVisible();
});
