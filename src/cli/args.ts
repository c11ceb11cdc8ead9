/**
 * Command-line arguments: `api-reference <command> [dir] [options]`. The content root is the positional
 * `dir`, else CONTENT_ROOT, else `content`; the overlay `--config`, else SITE_CONFIG. Environment variables
 * are read here and nowhere else in the package (besides the sample site's astro.config.mjs).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LOCK_WAIT_MS } from '../core/output/staged.ts';
import { PAUSE_ENV, PAUSE_POINTS, type PausePoint } from '../core/output/test-pause.ts';

export const COMMANDS = ['build', 'dev', 'preview', 'check', 'init'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliArgs {
  command: Command;
  /** Content root, absolute. */
  root: string;
  /** True when the root was named on the command line (init needs one). */
  rootGiven: boolean;
  /** Config overlay, absolute. */
  configFile?: string;
  /** Output folder, absolute. */
  out: string;
  /** build: how long to wait for another build of the same output folder. */
  waitSeconds: number;
  /** Test hook (core/output/test-pause.ts), from API_REFERENCE_TEST_PAUSE. */
  pause?: PausePoint;
  port?: number;
  host?: string;
  json: boolean;
  strict: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export class UsageError extends Error {}

export const USAGE = `Usage: api-reference <command> [dir] [options]

Commands:
  build [dir]     build the site into --out (written only when the whole build succeeds)
  dev [dir]       live preview: pages update as you save
  preview [dir]   serve what \`build\` wrote, under the base path it was built for
  check [dir]     validate the content without building (one line per problem)
  init <dir>      write a starter content folder that builds and passes check

dir is the content root (site.yml or Jekyll's _config.yml); default: $CONTENT_ROOT, else ./content

Options:
  --config <file>     config overlay laid over the content's own (default: $SITE_CONFIG)
  --out <dir>         output folder for build and preview (default: dist)
  --wait <seconds>    build: wait this long for another build of the same folder (default: 600)
  --port <n>          dev / preview port
  --host <name>       dev / preview host
  --json              check: the report as JSON
  --strict            check: fail on warnings too
  --log-level <lvl>   debug | info | warn | error | silent (default: $LOG_LEVEL, else info)
  -h, --help          this text`;

const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

export function parseCli(argv: string[], env: Record<string, string | undefined>, cwd: string): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        out: { type: 'string' },
        wait: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        json: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, dir, ...extra] = positionals;
  if (values.help || !command) throw new UsageError('');
  if (!COMMANDS.includes(command as Command)) throw new UsageError(`unknown command "${command}"`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
    throw new UsageError(`--port must be a port number, not "${values.port}"`);
  const waitSeconds = values.wait === undefined ? DEFAULT_LOCK_WAIT_MS / 1000 : Number(values.wait);
  if (!(waitSeconds >= 0)) throw new UsageError(`--wait takes a number of seconds, not "${values.wait}"`);
  const pause = env[PAUSE_ENV];
  if (pause !== undefined && !PAUSE_POINTS.includes(pause as PausePoint))
    throw new UsageError(`${PAUSE_ENV} must be one of ${PAUSE_POINTS.join(', ')}`);
  const level = values['log-level'] ?? env.LOG_LEVEL ?? 'info';
  if (!LEVELS.includes(level as CliArgs['logLevel'])) throw new UsageError(`--log-level must be one of ${LEVELS.join(', ')}`);
  const configFile = values.config ?? env.SITE_CONFIG;
  return {
    command: command as Command,
    root: path.resolve(cwd, dir ?? env.CONTENT_ROOT ?? 'content'),
    rootGiven: dir !== undefined,
    ...(configFile ? { configFile: path.resolve(cwd, configFile) } : {}),
    out: path.resolve(cwd, values.out ?? 'dist'),
    waitSeconds,
    ...(pause ? { pause: pause as PausePoint } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(values.host ? { host: values.host } : {}),
    // `npm run check --strict` (without `--`) hands the flag to npm, which passes it on as npm_config_strict.
    json: values.json || env.npm_config_json === 'true',
    strict: values.strict || env.npm_config_strict === 'true',
    logLevel: level as CliArgs['logLevel'],
  };
}
