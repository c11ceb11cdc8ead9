/**
 * The Try it panel and the reader's key, against real local HTTP servers this file starts (node:http):
 * tests/fixtures/try-it-site is built once for the file, its endpoints' base URL is an API server on
 * 127.0.0.1:47311 that allows CORS, and its site.yml declares a second server (47312) that does not.
 * Nothing stubs fetch: what the panel shows is what those servers answered, or what the browser refused.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axe, codeText, expect, test } from './fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'tests/.tmp/try-it-dist');
const SITE_PORT = 47310;
const SITE = `http://127.0.0.1:${SITE_PORT}/docs/`;
const TOKEN = 'tok_live_51Hx9qPzR2v8';
const MASKED = 'tok_••••••••';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  contentType?: string;
  body: string;
}
const seen: Seen[] = [];
const servers: Server[] = [];

function api(cors: boolean) {
  const allow = cors
    ? {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Expose-Headers': 'X-Request-Id',
      }
    : {};
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'OPTIONS') return void res.writeHead(204, allow).end();
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://localhost');
      seen.push({
        method: req.method!,
        url: req.url!,
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body,
      });
      if (url.pathname.endsWith('/slow')) return; // never answers: the panel's timeout must end it
      const json = { ...allow, 'Content-Type': 'application/json', 'X-Request-Id': 'req_42' };
      if (url.pathname.endsWith('/missing')) {
        return void res.writeHead(404, json).end(JSON.stringify({ error: { type: 'not_found', message: 'No gizmo <b>missing</b>' } }));
      }
      if (req.method === 'POST') return void res.writeHead(201, json).end(JSON.stringify({ id: 'gz_2', ...JSON.parse(body) }));
      res.writeHead(200, json).end(JSON.stringify({ id: 'gz_1', name: 'Sprocket', verbose: url.searchParams.get('verbose') }));
    });
  };
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** The built fixture under /docs/, as a static host serves it. */
function site(req: IncomingMessage, res: ServerResponse) {
  const rel = decodeURIComponent(new URL(req.url!, 'http://localhost').pathname).replace(/^\/docs\/?/, '');
  let file = path.join(DIST, rel);
  if (!file.startsWith(DIST)) return void res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!existsSync(file)) return void res.writeHead(404).end('not found');
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
}

function listen(port: number, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<void> {
  const server = createServer(handler);
  servers.push(server);
  return new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
}

// One worker builds the fixture and owns the ports.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const build = spawnSync(
    process.execPath,
    ['bin/api-reference.js', 'build', 'tests/fixtures/try-it-site', '--out', DIST, '--log-level', 'warn'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(build.status, build.stderr).toBe(0);
  await Promise.all([listen(SITE_PORT, site), listen(47311, api(true)), listen(47312, api(false))]);
});

test.afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

test.beforeEach(async ({ context }) => {
  seen.length = 0;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

/** Errors the browser logs for a refused or failed request: expected where a test provokes one. */
function dropExpected(errors: string[], pattern: RegExp) {
  errors.splice(0, errors.length, ...errors.filter((e) => !pattern.test(e)));
}

async function openPanel(page: Page, key: string) {
  await page.goto(`${SITE}reference/gizmos/${key}/`);
  const panel = page.locator('section.try-it');
  await panel.getByRole('button', { name: /^Send a \w+ request$/ }).click();
  await expect(panel.locator('form')).toBeVisible();
  return panel;
}

test('success: a 200 with its JSON body, status, timing and headers; the key goes in the Authorization header', async ({ page }) => {
  const panel = await openPanel(page, 'get-a-gizmo');
  await expect(panel.getByRole('textbox', { name: /gizmo_id/ })).toHaveValue('gz_1');
  await panel.getByRole('combobox', { name: /verbose/ }).selectOption('true');
  await panel.getByLabel(/Your key/).fill(TOKEN);
  await panel.getByRole('button', { name: 'Send GET request' }).click();

  const result = panel.locator('.try-it-result');
  await expect(result.locator('.try-it-status strong')).toHaveText('200 OK');
  await expect(result.locator('.try-it-time')).toHaveText(/^\d+ ms$/);
  await expect(result.locator('pre')).toContainText('"name": "Sprocket"');
  await expect(result.locator('pre .json-key').first()).toHaveText('"id"');
  await result.getByText(/Response headers/).click();
  await expect(result.locator('dt', { hasText: 'x-request-id' })).toBeVisible();
  expect(seen).toEqual([expect.objectContaining({ method: 'GET', url: '/v1/gizmos/gz_1?verbose=true', authorization: `Token ${TOKEN}` })]);
  // The key is kept for the tab only, and never in the address.
  expect(await page.evaluate(() => Object.values(sessionStorage))).toContain(TOKEN);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(TOKEN);
  expect(page.url()).not.toContain(TOKEN);
});

test('a POST sends the body; required fields are checked before anything is sent', async ({ page }) => {
  const panel = await openPanel(page, 'create-a-gizmo');
  const body = panel.locator('textarea');
  await expect(body).toHaveValue(/"name": "Sprocket"/);
  await body.fill('{"size": 4}');
  await panel.getByRole('button', { name: 'Send POST request' }).click();
  await expect(panel.getByRole('alert')).toContainText('name (body) is required');
  expect(seen).toEqual([]);

  await body.fill('{"name": "Cog", "size": 4}');
  await panel.getByRole('button', { name: 'Send POST request' }).click();
  await expect(panel.locator('.try-it-status strong')).toHaveText('201 Created');
  await expect(panel.locator('.try-it-result pre')).toContainText('"name": "Cog"');
  expect(seen).toEqual([expect.objectContaining({ method: 'POST', contentType: 'application/json', body: '{"name": "Cog", "size": 4}' })]);
});

test('4xx: the status and the error body are shown, the body as text', async ({ page, consoleErrors }) => {
  const panel = await openPanel(page, 'get-a-gizmo');
  await panel.getByRole('textbox', { name: /gizmo_id/ }).fill('missing');
  await panel.getByRole('button', { name: 'Send GET request' }).click();
  await expect(panel.locator('.try-it-status strong')).toHaveText('404 Not Found');
  await expect(panel.locator('.try-it-result pre')).toContainText('"message": "No gizmo <b>missing</b>"');
  await expect(panel.locator('.try-it-result pre b')).toHaveCount(0);
  dropExpected(consoleErrors, /status of 404/);
});

test('CORS refusal: explained as such, with the same request as curl to copy (key masked on screen, whole on copy)', async ({
  page,
  consoleErrors,
}) => {
  const panel = await openPanel(page, 'get-a-gizmo');
  const choice = panel.getByRole('combobox', { name: 'Base URL' });
  await expect(choice.locator('option')).toHaveText(['http://127.0.0.1:47311', 'No CORS: http://127.0.0.1:47312']);
  await choice.selectOption('http://127.0.0.1:47312');
  await panel.getByLabel(/Your key/).fill(TOKEN);
  await panel.getByRole('button', { name: 'Send GET request' }).click();

  await expect(panel.getByRole('alert')).toContainText('The browser blocked this request (CORS)');
  await expect(panel.getByRole('alert')).toContainText('Access-Control-Allow-Origin');
  const curl = panel.locator('.try-it-result pre');
  await expect(curl).toContainText('curl http://127.0.0.1:47312/v1/gizmos/gz_1');
  await expect(curl).toContainText(`Authorization: Token ${MASKED}`);
  await expect(curl).not.toContainText(TOKEN);
  await panel.locator('.try-it-result button.copy').click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`-H 'Authorization: Token ${TOKEN}'`);
  dropExpected(consoleErrors, /CORS policy|ERR_FAILED/);
});

test('timeout: a server that never answers ends in a timeout message after the configured 2 s', async ({ page, consoleErrors }) => {
  const panel = await openPanel(page, 'get-a-gizmo');
  await panel.getByRole('textbox', { name: /gizmo_id/ }).fill('slow');
  const started = Date.now();
  await panel.getByRole('button', { name: 'Send GET request' }).click();
  await expect(panel.getByRole('alert')).toContainText('No response within 2 s', { timeout: 10_000 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
  expect(seen.map((s) => s.url)).toEqual(['/v1/gizmos/slow']);
  dropExpected(consoleErrors, /timed out|aborted|ERR_/i);
});

test("the reader's key in the samples: masked on screen, whole on copy, forgotten on request", async ({ page }) => {
  const panel = await openPanel(page, 'get-a-gizmo');
  await panel.getByLabel(/Your key/).fill(TOKEN);
  await panel.getByLabel(/Your key/).blur();

  const samples = page.locator('code-samples');
  await expect(samples).toHaveAttribute('data-credential', '[API_KEY]');
  const curl = samples.locator('[role="tabpanel"][data-snippet="curl"]');
  await expect(curl.locator('.reader-key')).toHaveText(MASKED);
  expect(await codeText(curl)).not.toContain(TOKEN);
  expect(await codeText(curl)).not.toContain('[API_KEY]');
  await page.evaluate(() => navigator.clipboard.writeText('stale'));
  await curl.locator('button.copy').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `curl "http://127.0.0.1:47311/v1/gizmos/{gizmo_id}" -H "Authorization: Token ${TOKEN}" -H "Accept: application/json"`,
  );

  // Every language shows it; the copy of a generated one has it whole too.
  await samples.getByRole('tab', { name: 'Python' }).click();
  const python = samples.locator('[role="tabpanel"][data-snippet="python"]');
  await expect(python.locator('.reader-key')).toHaveText(MASKED);
  await python.locator('button.copy').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`"Authorization": "Token ${TOKEN}"`);

  // Kept across pages of the tab.
  await page.goto(`${SITE}reference/gizmos/list-gizmos/`);
  await expect(page.locator('code-samples .reader-key').first()).toHaveText(MASKED);
  await expect(page.locator('.reader-key-bar')).toContainText(MASKED);

  await page.getByRole('button', { name: 'Forget my key' }).click();
  await expect(page.locator('.reader-key')).toHaveCount(0);
  await expect(page.locator('.reader-key-bar')).toHaveCount(0);
  expect(await codeText(page.locator('code-samples [role="tabpanel"][data-snippet="curl"]'))).toContain('Token [API_KEY]');
  expect(await page.evaluate(() => Object.values(sessionStorage))).not.toContain(TOKEN);
  await page.evaluate(() => navigator.clipboard.writeText('stale'));
  await page.locator('code-samples').getByRole('tab', { name: 'curl' }).click();
  await page.locator('code-samples [role="tabpanel"][data-snippet="curl"] button.copy').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Token [API_KEY]');
});

test('no panel where the owner switched it off: front matter try-it: false, and unsafe methods', async ({ page }) => {
  await page.goto(`${SITE}reference/gizmos/list-gizmos/`);
  await expect(page.locator('h1')).toContainText('List gizmos');
  await expect(page.locator('section.try-it')).toHaveCount(0);
  await page.goto(`${SITE}reference/gizmos/delete-a-gizmo/`);
  await expect(page.locator('h1')).toContainText('Delete a gizmo');
  await expect(page.locator('section.try-it')).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe, ${theme} theme: the open panel with a response and the samples with a key have no serious violations`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: theme });
    const panel = await openPanel(page, 'get-a-gizmo');
    await panel.getByLabel(/Your key/).fill(TOKEN);
    await panel.getByRole('button', { name: 'Send GET request' }).click();
    await expect(panel.locator('.try-it-status strong')).toHaveText('200 OK');
    await expect(page.locator('.reader-key-bar')).toBeVisible();
    const results = await axe(page)
      .include('section.try-it')
      .include('.examples')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the page reads as before and the panel stays hidden', async ({ page }) => {
    await page.goto(`${SITE}reference/gizmos/get-a-gizmo/`);
    await expect(page.locator('h1')).toContainText('Get a gizmo');
    await expect(page.locator('section.try-it')).toBeHidden();
    await expect(page.locator('code-samples pre').first()).toContainText('[API_KEY]');
  });
});
