/**
 * `api-reference check [dir] [--config <overlay>] [--json] [--strict]`: validates the content without
 * building pages. One line per problem, then a summary. Exit 1 on any error (with --strict, on warnings
 * too). A content root that does not exist is refused before this runs, in the same words as by every
 * other command (src/cli/errors.ts).
 */
import path from 'node:path';
import { checkContent, formatProblem } from '../core/check/check.ts';
import type { CliArgs } from './args.ts';

export function runCheck(args: CliArgs, cwd: string): number {
  const shownRoot = path.relative(cwd, args.root) || '.';
  const started = performance.now();
  const report = checkContent({ root: args.root, configFile: args.configFile }, { strict: args.strict });
  const ms = Math.round(performance.now() - started);
  const failed = report.errors > 0 || (args.strict && report.warnings > 0);

  if (args.json) {
    const { errors, warnings, pages, problems } = report;
    console.log(JSON.stringify({ root: shownRoot, ok: !failed, errors, warnings, pages, problems }, null, 2));
  } else {
    const order = [...report.problems.filter((p) => p.severity === 'error'), ...report.problems.filter((p) => p.severity === 'warning')];
    for (const p of order) (p.severity === 'error' ? console.error : console.warn)(formatProblem(p));
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    console.log(
      `${failed ? '✗' : '✓'} ${shownRoot}: ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}` +
        `${report.errors ? '' : `, ${plural(report.pages, 'reference page')}`} (${ms} ms)`,
    );
  }
  return failed ? 1 : 0;
}
