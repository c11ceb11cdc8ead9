/**
 * Missing keys under `site.data`. Jekyll renders `{{ site.data.nope.x }}` as nothing, so a typo in a data
 * path used to empty a title without a word. The engine reports such a look-up with the full path as
 * written and the keys that do exist where it went wrong: an error in a native site, a warning under a
 * Jekyll preset (whose pages did render it empty). Data reached through an alias or a loop variable
 * (`api.base-url`, `row.description`) is recognised by identity, so it is reported by its data path too.
 */
import { nearestOrList } from '../suggest.ts';

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function child(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[\w-]+$/.test(key) ? `${parent}.${key}` : `${parent}["${key}"]`;
}

/** The data path of every mapping in the site data (`site.data.parcel.api`), by identity. */
export class DataPaths {
  private readonly paths = new WeakMap<object, string>();

  constructor(data: Record<string, unknown>) {
    const visit = (value: unknown, at: string) => {
      if (value === null || typeof value !== 'object' || this.paths.has(value)) return;
      this.paths.set(value, at);
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, child(at, i)));
      else for (const [k, v] of Object.entries(value)) visit(v, child(at, k));
    };
    visit(data, 'site.data');
  }

  /** The data path of `value` when it is a mapping from the site data. */
  of(value: unknown): string | undefined {
    return isMapping(value) ? this.paths.get(value) : undefined;
  }
}

/**
 * Named like liquidjs's own undefined-variable error, so that `{% if site.data.x.optional %}` and
 * `| default:` stay lenient exactly as they are for undefined names.
 */
export class MissingDataKey extends Error {
  /** The look-up as written, e.g. `site.data.nope.x`. */
  readonly written: string;
  readonly detail: string;

  constructor(written: string, parentPath: string, key: unknown, parent: Record<string, unknown>) {
    const shown = key === undefined || key === null ? 'nil' : String(key);
    const detail = `undefined data key "${written}" (${parentPath} has no key "${shown}"; ${nearestOrList(shown, Object.keys(parent))})`;
    super(detail);
    this.name = 'InternalUndefinedVariableError';
    this.written = written;
    this.detail = detail;
  }
}

/** `site.data.nope.x` from the look-up's path parts (bracket keys already evaluated). */
export function writtenPath(parts: ReadonlyArray<unknown>): string {
  return parts.reduce<string>((out, p, i) => (i === 0 ? String(p) : child(out, typeof p === 'number' ? p : String(p))), '');
}
