/**
 * Collecting documents: files of kinds the generator does not render are skipped with one warning but
 * stay visible to Liquid as `site.<collection>`; Jekyll's invented titles for files without one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildReference } from '../../src/core/model/build.ts';
import { endpointAt, removeTempRoots, tempRoot } from './_helpers.ts';

afterAll(removeTempRoots);

describe('documents of other content types', () => {
  it('are skipped with one warning naming the types, and Liquid can still loop over them', () => {
    const dir = tempRoot('mini-site', {
      'reference/guides/getting-started.md': '---\ncontent-type: "changelog-entry"\ntitle: "Getting started"\norder: 1\n---\n',
      'reference/guides/faq.md': '---\ncontent-type: "changelog-entry"\ntitle: "FAQ"\norder: 2\n---\n',
      'reference/widgets/list-widgets.md': [
        '---',
        'product-type: "widgets"',
        'content-type: "api-endpoint"',
        'endpoint: "widgets"',
        'key: "list-widgets"',
        'version: "4"',
        'method: "get"',
        "description: \"Guides: {% assign guides = site.reference | where: 'content-type', 'changelog-entry' | sort: 'order' %}{% for g in guides %}{{ g.title }};{% endfor %}\"",
        '---',
        '',
      ].join('\n'),
    });
    const result = buildReference({ root: dir });
    const skipped = result.warnings.filter((w) => w.message.includes('does not render'));
    expect(skipped).toHaveLength(1);
    expect(skipped[0].message).toContain('changelog-entry ×2');
    expect(result.entries.some((e) => e.source.includes('guides/'))).toBe(false);
    expect(endpointAt(result, 'reference/widgets/list-widgets/').descriptionHtml).toBe('<p>Guides: Getting started;FAQ;</p>\n');
  });

  it('a document without a title gets one from its file name, as Jekyll does', () => {
    const dir = tempRoot('mini-site', {
      'reference/widgets/list-widgets.md':
        '---\nproduct-type: "widgets"\ncontent-type: "api-endpoint"\nendpoint: "widgets"\nkey: "list-widgets"\nversion: "4"\nmethod: "get"\ndescription: "I am {{ page.title }}."\n---\n',
    });
    expect(endpointAt(buildReference({ root: dir }), 'reference/widgets/list-widgets/').descriptionHtml).toBe(
      '<p>I am List Widgets.</p>\n',
    );
  });
});
