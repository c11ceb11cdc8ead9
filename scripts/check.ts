/**
 * `npm run check`: validates the content without building pages.
 *   node scripts/check.ts [--root <dir>] [--config <overlay.yml>] [--json] [--strict]
 * CONTENT_ROOT / SITE_CONFIG choose the content as for a build; the flags override them. One line per
 * problem (`file:line field: message`), then a summary. Exit 1 on any error (with --strict, on warnings
 * too); 2 when the checker itself could not run (e.g. the content root does not exist).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkContent, formatProblem } from '../src/core/check/check.ts';
import { siteOptions } from '../src/site-options.ts';

const args = process.argv.slice(2);
// `npm run check --strict` (without `--`) hands the flag to npm, which passes it on as npm_config_strict.
const flag = (name: string) => args.includes(name) || process.env[`npm_config_${name.slice(2)}`] === 'true';
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const env = { ...process.env };
if (value('--root')) env.CONTENT_ROOT = value('--root');
if (value('--config')) env.SITE_CONFIG = value('--config');
const options = siteOptions(env);
const shownRoot = path.relative(process.cwd(), options.root) || '.';

if (!existsSync(options.root)) {
  console.error(`check: content root ${shownRoot} does not exist (set CONTENT_ROOT or pass --root <dir>)`);
  process.exit(2);
}

const started = performance.now();
const report = checkContent(options, { strict: flag('--strict') });
const ms = Math.round(performance.now() - started);
const failed = report.errors > 0 || (flag('--strict') && report.warnings > 0);

if (flag('--json')) {
  console.log(
    JSON.stringify(
      { root: shownRoot, ok: !failed, errors: report.errors, warnings: report.warnings, pages: report.pages, problems: report.problems },
      null,
      2,
    ),
  );
} else {
  const order = [...report.problems.filter((p) => p.severity === 'error'), ...report.problems.filter((p) => p.severity === 'warning')];
  for (const p of order) (p.severity === 'error' ? console.error : console.warn)(formatProblem(p));
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  console.log(
    `${failed ? '✗' : '✓'} ${shownRoot}: ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}` +
      `${report.errors ? '' : `, ${plural(report.pages, 'reference page')}`} (${ms} ms)`,
  );
}
process.exit(failed ? 1 : 0);
