/**
 * In `npm run dev` the machine-readable files are served too, from the current model: llms.txt, the
 * OpenAPI documents and the Markdown twins follow a saved endpoint file without a restart.
 */
import { expect, test } from '@playwright/test';
import { startDevServer, type DevServer } from './dev-server.ts';

let dev: DevServer;

test.beforeAll(async () => {
  dev = await startDevServer();
});
test.afterAll(() => dev?.stop());

async function text(pagePath: string): Promise<string> {
  const response = await fetch(dev.url(pagePath));
  expect(response.status, pagePath).toBe(200);
  return response.text();
}

test('llms.txt, openapi.json and a twin are served, and follow a save', async () => {
  expect(await text('llms.txt')).toContain('- [Create a parcel](');
  expect(JSON.parse(await text('openapi.json')).paths['/v1/parcels'].post.summary).toBe('Create a parcel');
  expect((await text('reference/parcels/create-a-parcel/index.md')).split('\n')[0]).toBe('# Create a parcel');

  // The page's title comes from the object's available-methods entry.
  dev.edit('reference/parcels/parcel-object.md', 'title: "Create a parcel"', 'title: "Create a new parcel"');
  await expect
    .poll(async () => (await text('reference/parcels/create-a-parcel/index.md')).split('\n')[0], { timeout: 20_000 })
    .toBe('# Create a new parcel');
  expect(JSON.parse(await text('openapi.json')).paths['/v1/parcels'].post.summary).toBe('Create a new parcel');
  expect(await text('llms.txt')).toContain('- [Create a new parcel](');
});
