/**
 * No broken internal links and no broken fragment anchors on the built sites: the sample site (dist/,
 * `npm run build`) and, when ../shared is present, the Stitch corpus (tests/.tmp/corpus-dist,
 * `npm run build:corpus`), both with base /docs, and the two host apps in tests/apps (`npm run build:apps`),
 * served from the root. Checked with linkinator; external links are skipped.
 * See helpers/links.ts for how the two passes work.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSite, formatBroken, type SiteLinkReport } from './helpers/links.ts';
import { CORPUS_DIST, hasCorpus, REPO_ROOT, SAMPLE_DIST } from './helpers/site.ts';

const TIMEOUT = 300_000;

function siteSuite(label: string, dist: string, buildCommand: string, base?: string): void {
  let report: SiteLinkReport;

  beforeAll(async () => {
    if (!existsSync(path.join(dist, 'index.html'))) {
      throw new Error(`${path.relative(REPO_ROOT, dist)}/ does not exist: run \`${buildCommand}\` first.`);
    }
    report = await checkSite(dist, base);
    console.log(
      `${label}: ${report.pages} pages; ${report.internalChecked} internal URLs checked, ` +
        `${report.externalSkipped} external URLs skipped; ${report.fragmentsChecked} fragment links checked; ` +
        `${report.brokenLinks.length} broken links, ${report.brokenFragments.length} broken fragment anchors`,
    );
  }, TIMEOUT);

  it('has no broken internal links', () => {
    expect(report.internalChecked).toBeGreaterThan(report.pages);
    expect(report.brokenLinks, `${report.brokenLinks.length} broken internal link(s):\n${formatBroken(report.brokenLinks)}\n`).toHaveLength(
      0,
    );
  });

  it('has no broken fragment anchors', () => {
    expect(report.fragmentsChecked).toBeGreaterThan(0);
    expect(
      report.brokenFragments,
      `${report.brokenFragments.length} broken fragment anchor(s):\n${formatBroken(report.brokenFragments)}\n`,
    ).toHaveLength(0);
  });
}

describe('links: sample site (dist/)', () => siteSuite('sample site', SAMPLE_DIST, 'npm run build'));

describe('links: bare Astro host app (tests/apps/bare)', () =>
  siteSuite('bare host', path.join(REPO_ROOT, 'tests/apps/bare/dist'), 'npm run build:apps', ''));

describe('links: Starlight host app (tests/apps/starlight)', () =>
  siteSuite('Starlight host', path.join(REPO_ROOT, 'tests/apps/starlight/dist'), 'npm run build:apps', ''));

describe.skipIf(!hasCorpus)('links: corpus site (needs ../shared)', () => siteSuite('corpus site', CORPUS_DIST, 'npm run build:corpus'));
