/**
 * Liquid that cannot escape or run away. Front-matter strings come from pull requests, so:
 * - `{% include %}`, `{% render %}` and `{% layout %}` take names as Jekyll's include tag does (no `..`,
 *   no `./`, no absolute path, only file-name characters), and the file found must really be inside an
 *   includes folder after symbolic links are followed;
 * - every rendered field gets a budget (`RenderBudget`): loop iterations, characters and list items
 *   allocated (liquidjs's `memoryLimit` hook), include nesting, and the page's time (liquidjs's
 *   `renderLimit` hook, checked before every template node). Each limit stops the render with an error that
 *   names the limit and its `limits:` key.
 */
import {
  ForTag,
  IncludeTag,
  LayoutTag,
  RenderTag,
  TablerowTag,
  TypeGuards,
  evalToken,
  type Context,
  type Liquid,
  type Template,
} from 'liquidjs';
import { limitName, type Limits } from '../../schemas/limits.ts';
import type { TimeBudget } from '../time-budget.ts';

/** A limit was reached; always an error, in lax mode too (`fatal` content errors). */
export class LimitError extends Error {
  readonly limit: keyof Limits;
  constructor(limit: keyof Limits, message: string) {
    super(message);
    this.name = 'LimitError';
    this.limit = limit;
  }
}

/** An include/render/layout name or file that is not allowed; always an error. */
export class IncludeRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IncludeRefused';
  }
}

// Jekyll's include tag (tags/include.rb): INVALID_SEQUENCES and VALID_FILENAME_CHARS.
const INVALID_SEQUENCES = /[./]{2,}/;
const VALID_FILENAME_CHARS = /^[\w/.\-()+~#@]+$/;

/** Refuses what Jekyll refuses, plus absolute paths (which Jekyll would look up inside `_includes`). */
export function checkIncludeName(tag: string, name: string): void {
  if (INVALID_SEQUENCES.test(name) || !VALID_FILENAME_CHARS.test(name) || name.startsWith('/')) {
    throw new IncludeRefused(
      `invalid ${tag} "${name}": file names may not contain ".." or "./", start with "/" or hold characters other than letters, digits and _ / . - ( ) + ~ # @ (as in Jekyll)`,
    );
  }
}

/** Per-field render budget; installed as the context's `memoryLimit` and `renderLimit`. */
export class RenderBudget {
  private iterations = 0;
  private memory = 0;
  /** Names of the includes being rendered, outermost first. */
  readonly includes: string[] = [];
  private readonly limits: Limits;
  /** The page's time budget (CPU time; see core/time-budget.ts). */
  private readonly time: TimeBudget;

  constructor(limits: Limits, time: TimeBudget) {
    this.limits = limits;
    this.time = time;
  }

  /** liquidjs's memoryLimit: characters or list items about to be allocated. */
  use(count: number): void {
    if (!(+count > 0)) return;
    this.memory += +count;
    const max = this.limits['liquid-memory'];
    if (this.memory > max) {
      throw new LimitError(
        'liquid-memory',
        `Liquid allocated more than ${max.toLocaleString('en')} characters or list items for this field (${limitName('liquid-memory', this.limits)})`,
      );
    }
  }

  /** liquidjs's renderLimit: called with the current time before each template node is rendered. */
  check(now: number): void {
    if (this.time.spent(now)) throw this.overTime();
  }

  overTime(): LimitError {
    return new LimitError(
      'page-seconds',
      `rendering this page took longer than its time budget (${limitName('page-seconds', this.limits)})`,
    );
  }

  /** One more loop iteration. */
  iterate(): void {
    if (++this.iterations > this.limits['liquid-loop-iterations']) throw this.tooManyIterations();
  }

  /** Before looping over a range of `n` numbers: would it take the loops past the limit? */
  checkRange(n: number): void {
    if (this.iterations + n > this.limits['liquid-loop-iterations']) throw this.tooManyIterations();
  }

  private tooManyIterations(): LimitError {
    const max = this.limits['liquid-loop-iterations'];
    return new LimitError(
      'liquid-loop-iterations',
      `loops would run more than ${max.toLocaleString('en')} iterations in this field (${limitName('liquid-loop-iterations', this.limits)})`,
    );
  }

  enter(name: string): void {
    this.includes.push(name);
    const max = this.limits['include-depth'];
    if (this.includes.length <= max) return;
    const chain = this.includes;
    const first = chain.findIndex((n, i) => chain.indexOf(n, i + 1) >= 0);
    const cycle = first >= 0 ? chain.slice(first, chain.indexOf(chain[first], first + 1) + 1) : undefined;
    throw new LimitError(
      'include-depth',
      cycle
        ? `include cycle: ${cycle.join(' → ')} (includes nest more than ${max} deep; ${limitName('include-depth', this.limits)})`
        : `includes nest more than ${max} deep: ${[...chain.slice(0, 3), '…', ...chain.slice(-3)].join(' → ')} (${limitName('include-depth', this.limits)})`,
    );
  }

  /** The file name of the include just entered, once a dynamic name (`{% include {{ x }} %}`) is known. */
  name(file: string): void {
    if (this.includes.length) this.includes[this.includes.length - 1] = file;
  }

  leave(): void {
    this.includes.pop();
  }
}

/** The budget installed on `ctx` (or on the context it was spawned from), if any. */
export function budgetOf(ctx: Context): RenderBudget | undefined {
  const limit = (ctx as unknown as { memoryLimit?: unknown }).memoryLimit;
  return limit instanceof RenderBudget ? limit : undefined;
}

/** Installs `budget` on `ctx` for one render; returns a function that puts the previous limits back. */
export function installBudget(ctx: Context, budget: RenderBudget): () => void {
  const target = ctx as unknown as { memoryLimit: unknown; renderLimit: unknown };
  const saved = { memoryLimit: target.memoryLimit, renderLimit: target.renderLimit };
  target.memoryLimit = budget;
  target.renderLimit = budget;
  return () => Object.assign(target, saved);
}

type TagClass = new (...args: never[]) => { render(ctx: Context, emitter: unknown): Generator<unknown, unknown, unknown> };

/** The tag's file argument as written, for the include chain (a dynamic name is filled in later). */
function writtenName(tag: unknown): string {
  const file = (tag as { file?: unknown }).file;
  return typeof file === 'string' ? file : '(dynamic name)';
}

function withDepth<T extends TagClass>(Base: T): T {
  // @ts-expect-error: a mixin over liquidjs's tag classes; their constructor signatures are passed through.
  return class extends Base {
    *render(ctx: Context, emitter: unknown): Generator<unknown, unknown, unknown> {
      const budget = budgetOf(ctx);
      budget?.enter(writtenName(this));
      try {
        return yield* super.render(ctx, emitter);
      } finally {
        budget?.leave();
      }
    }
  };
}

/** A template node that counts one loop iteration each time the loop body renders. */
function iterationCounter(token: unknown): Template {
  return {
    token,
    render(ctx: Context) {
      budgetOf(ctx)?.iterate();
      return '';
    },
  } as unknown as Template;
}

function withCountedLoop<T extends typeof ForTag | typeof TablerowTag>(Base: T): T {
  return class extends Base {
    constructor(...args: ConstructorParameters<T>) {
      super(...args);
      const self = this as unknown as { templates: Template[]; token: unknown };
      self.templates.unshift(iterationCounter(self.token));
    }

    *render(ctx: Context, emitter: unknown): Generator<unknown, unknown, unknown> {
      // A range is built as a whole list before the first iteration: charge it to the loop budget first,
      // so `(1..100000000)` stops at once with the loop limit rather than allocating it.
      const collection = (this as unknown as { collection: unknown }).collection;
      const budget = budgetOf(ctx);
      if (budget && TypeGuards.isRangeToken(collection as never)) {
        const range = collection as { lhs: never; rhs: never };
        const low = Number(yield evalToken(range.lhs, ctx));
        const high = Number(yield evalToken(range.rhs, ctx));
        if (high >= low) budget.checkRange(high - low + 1);
      }
      return yield* super.render(ctx, emitter as never);
    }
  };
}

/** Replaces liquidjs's include, render, layout, for and tablerow tags with the guarded versions. */
export function registerGuardedTags(liquid: Liquid): void {
  liquid.registerTag('include', withDepth(IncludeTag as unknown as TagClass) as never);
  liquid.registerTag('render', withDepth(RenderTag as unknown as TagClass) as never);
  liquid.registerTag('layout', withDepth(LayoutTag as unknown as TagClass) as never);
  liquid.registerTag('for', withCountedLoop(ForTag) as never);
  liquid.registerTag('tablerow', withCountedLoop(TablerowTag) as never);
}
