/**
 * How the sidebar scales: builds the navigation of a synthetic site (N endpoints, 10 per object) once,
 * renders it for every endpoint page as a build does, and prints the one-off cost, the per-page cost and
 * the sidebar's weight per page (raw and gzip) in three modes: every group complete; closed groups' endpoints
 * on demand (sites over FULL_SIDEBAR_MAX_LINKS); and the default limits, where sites over
 * FULL_SIDEBAR_MAX_OBJECTS also leave the list of objects to the list page ("list page" is that one page).
 * The site also has a forms group (one form per seven endpoints); "form page" is a form's sidebar, which past
 * FULL_SIDEBAR_MAX_OBJECTS forms carries only its own link (the "all pages" column counts endpoint pages).
 *   node scripts/sidebar-scale.ts [--n 1000,10000]
 */
import { gzipSync } from 'node:zlib';
import { indexNav, type NavGroup } from '../src/utils/nav-index.ts';
import {
  buildSidebarTemplate,
  FULL_SIDEBAR_MAX_LINKS,
  FULL_SIDEBAR_MAX_OBJECTS,
  renderSidebar,
  type SidebarLimits,
} from '../src/utils/sidebar-html.ts';

const i = process.argv.indexOf('--n');
const sizes = (i > 0 ? process.argv[i + 1] : '1000,10000').split(',').map(Number);
const methods = ['get', 'post', 'put', 'delete'];
const href = (p: string) => `/docs/${p}`;
const modes: [string, SidebarLimits][] = [
  ['complete', { maxLinks: Infinity, maxObjects: Infinity }],
  ['endpoints on demand', { maxLinks: 0, maxObjects: Infinity }],
  ['default limits', {}],
];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;

console.log('endpoints  mode                 build once   per page   sidebar/page raw    gzip   all pages   list page  form page');
for (const n of sizes) {
  const objects = Array.from({ length: Math.ceil(n / 10) }, (_, o) => ({
    label: `Object ${o}`,
    path: `reference/object-${o}/`,
    children: Array.from({ length: Math.min(10, n - o * 10) }, (_, e) => ({
      label: `Endpoint ${e} of object ${o}`,
      path: `reference/object-${o}/endpoint-${e}/`,
      method: methods[e % 4],
    })),
  }));
  // Forms as the Stitch docs have them: about one per seven endpoints, a group of plain links with a list page.
  const forms = Array.from({ length: Math.ceil(n / 7) }, (_, f) => ({ label: `Form ${f}`, path: `forms/form-${f}/` }));
  const groups: NavGroup[] = [
    { label: 'API reference', path: 'reference/', links: [{ label: 'All objects', path: 'reference/' }, ...objects] },
    { label: 'Forms', path: 'forms/', collapsed: true, links: forms },
  ];
  for (const [mode, limits] of modes) {
    if (mode === 'complete' && n > 20_000) continue;
    let t = performance.now();
    const template = buildSidebarTemplate(indexNav(groups), href, limits);
    const once = performance.now() - t;
    t = performance.now();
    let sample = '';
    let written = 0;
    // Counting UTF-8 bytes flattens the string, as writing the page would: the real per-page cost.
    for (const o of objects) for (const c of o.children) written += Buffer.byteLength((sample = renderSidebar(template, href(c.path))));
    const perPage = (performance.now() - t) / n;
    const list = Buffer.byteLength(renderSidebar(template, href('reference/')));
    const form = Buffer.byteLength(renderSidebar(template, href(forms[0]!.path)));
    console.log(
      `${String(n).padStart(9)}  ${mode.padEnd(20)} ${`${once.toFixed(0)} ms`.padStart(10)} ${`${(perPage * 1000).toFixed(1)} µs`.padStart(10)}` +
        ` ${kb(Buffer.byteLength(sample)).padStart(18)} ${kb(gzipSync(sample).length).padStart(7)}` +
        ` ${`${(written / 1024 / 1024).toFixed(0)} MB`.padStart(11)} ${kb(list).padStart(11)} ${kb(form).padStart(10)}`,
    );
  }
}
console.log(
  `\nDefault limits: endpoints on demand above ${FULL_SIDEBAR_MAX_LINKS} endpoint links, the object list on demand above ${FULL_SIDEBAR_MAX_OBJECTS} objects.`,
);
