/**
 * No stale page, ever: many saves in a row on a running `api-reference dev` (endpoint edits, data edits, a
 * save that breaks a file and one that fixes it, bursts with no wait between saves, a site-config edit that
 * makes the whole model again), and after each settles the page served carries exactly the last saved text
 * and none of the earlier versions. Pages are fetched as a reader's browser would (no client reload logic
 * involved), so what is checked is what the server serves.
 */
import { expect, test } from '@playwright/test';
import { startDevServer, type DevServer } from './dev-server.ts';

let dev: DevServer;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  dev = await startDevServer();
});
test.afterAll(() => dev?.stop());

const ENDPOINT = 'reference/parcels/list-parcels.md';
const ENDPOINT_PAGE = 'reference/parcels/list-parcels/';
const DATA = 'data/parcel/limits.yml';
/** Pages that read `site.data.parcel.limits` through Liquid in their files. */
const DATA_PAGES = ['reference/parcels/create-a-parcel/', 'reference/webhooks/create-a-webhook/'];

/** A marker no other marker contains (`zq1zq` is not part of `zq11zq`). */
const mark = (n: number) => `zq${n}zq`;

async function html(pagePath: string): Promise<string> {
  const response = await fetch(dev.url(pagePath));
  return response.text();
}

/**
 * Waits until `pagePath` serves `expected`, lets the server settle, and checks again: the newest text is
 * there, no older one is, and the page is the page (not an error overlay).
 */
async function expectLatest(pagePath: string, expected: string, older: string[]): Promise<void> {
  const until = Date.now() + 30_000;
  while (!(await html(pagePath)).includes(expected)) {
    if (Date.now() > until) throw new Error(`${pagePath} never served "${expected}"\nserver log:\n${dev.log().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  // Saves settle for 50 ms before a rebuild; a late rebuild from an older save must not win afterwards.
  await new Promise((r) => setTimeout(r, 800));
  const body = await html(pagePath);
  expect(body, `${pagePath} after settling`).toContain(expected);
  for (const old of older) expect(body, `${pagePath} still shows "${old}"`).not.toContain(old);
  expect(body).not.toContain('vite-error-overlay');
}

test('every save is served, and no older version ever comes back', async () => {
  test.setTimeout(300_000);
  const good = dev.read(ENDPOINT);
  const withMark = (n: number) => good.replace(/^description: "/m, `description: "${mark(n)} `);
  const dataText = dev.read(DATA);
  const withWeight = (grams: number) => dataText.replace('max-weight-grams: 30000', `max-weight-grams: ${grams}`);
  const seen: string[] = [];
  let saves = 0;
  const saveEndpoint = (n: number) => {
    dev.write(ENDPOINT, withMark(n));
    saves++;
    seen.push(mark(n));
  };

  // 1. One endpoint save at a time.
  saveEndpoint(1);
  await expectLatest(ENDPOINT_PAGE, mark(1), []);
  saveEndpoint(2);
  await expectLatest(ENDPOINT_PAGE, mark(2), seen.slice(0, -1));

  // 2. A burst: three saves with no wait between them; only the last may be served.
  saveEndpoint(3);
  saveEndpoint(4);
  saveEndpoint(5);
  await expectLatest(ENDPOINT_PAGE, mark(5), seen.slice(0, -1));

  // 3. A data edit, read by other pages than the endpoint's.
  dev.write(DATA, withWeight(25001));
  saves++;
  await expectLatest(DATA_PAGES[0], 'up to 25001 grams', ['up to 30000 grams']);

  // 4. A save that breaks the file (undefined variable), then at once one that fixes it.
  dev.write(ENDPOINT, good.replace(/^description: "/m, 'description: "{{ parcl.count }} '));
  saveEndpoint(6);
  saves++;
  await expectLatest(ENDPOINT_PAGE, mark(6), seen.slice(0, -1));

  // 5. Broken YAML served as the error, then fixed.
  dev.write(ENDPOINT, good.replace(/^title: "List all parcels"$/m, 'title: "List all parcels'));
  saves++;
  const until = Date.now() + 30_000;
  while (!(await html(ENDPOINT_PAGE)).includes(ENDPOINT)) {
    if (Date.now() > until) throw new Error(`the broken file was never reported\n${dev.log().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  saveEndpoint(7);
  await expectLatest(ENDPOINT_PAGE, mark(7), seen.slice(0, -1));

  // 6. Data and endpoint saves interleaved in one burst.
  dev.write(DATA, withWeight(25002));
  saveEndpoint(8);
  dev.write(DATA, withWeight(25003));
  saves += 2;
  await expectLatest(ENDPOINT_PAGE, mark(8), seen.slice(0, -1));
  for (const page of DATA_PAGES.slice(0, 1)) await expectLatest(page, 'up to 25003 grams', ['up to 25001 grams', 'up to 25002 grams']);

  // 7. A site-config save makes the whole model again (nothing kept from before); saves right after it.
  dev.edit('site.yml', 'title: "Parcelwise API Reference"', 'title: "Parcelwise Stale Check"');
  saves++;
  saveEndpoint(9);
  dev.write(DATA, withWeight(25004));
  saves++;
  await expectLatest(ENDPOINT_PAGE, mark(9), seen.slice(0, -1));
  await expectLatest(ENDPOINT_PAGE, 'Parcelwise Stale Check', ['Parcelwise API Reference']);
  await expectLatest(DATA_PAGES[0], 'up to 25004 grams', ['up to 25003 grams']);
  saveEndpoint(10);
  await expectLatest(ENDPOINT_PAGE, mark(10), seen.slice(0, -1));

  expect(saves).toBeGreaterThanOrEqual(10);
});
