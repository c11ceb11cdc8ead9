/**
 * The `page-seconds` budget, counted in the CPU time this thread spends rather than in wall time: a build on
 * a loaded machine (a busy CI runner, a laptop compiling something else) must not fail a page for time it
 * spent waiting for a core, or the same content would build on one machine and fail on another.
 *
 * Reading the CPU clock is a system call, and Liquid checks the budget before every template node, so the
 * cheap wall clock is the gate: only once the wall time has passed the budget is the CPU time read, and the
 * wall deadline moved on by what is left of the budget (a thread cannot use more CPU than wall time).
 */
export class TimeBudget {
  private readonly cpuStart = cpuMs();
  // A plain field, not a constructor parameter property: Node runs these sources by stripping types, and
  // strip-only mode refuses parameter properties (the CLI failed to start; tsconfig's erasableSyntaxOnly).
  private readonly ms: number;
  private wallDeadline: number;

  constructor(ms: number) {
    this.ms = ms;
    this.wallDeadline = performance.now() + ms;
  }

  /** Whether the budget is used up; `now` is `performance.now()` (liquidjs passes its own reading). */
  spent(now = performance.now()): boolean {
    if (now <= this.wallDeadline) return false;
    const used = this.usedMs();
    if (used > this.ms) return true;
    this.wallDeadline = now + (this.ms - used);
    return false;
  }

  /** CPU milliseconds used since the budget was made. */
  usedMs(): number {
    return cpuMs() - this.cpuStart;
  }
}

/** CPU time of this thread (Node ≥ 23.9), else of the process, in milliseconds. */
function cpuMs(): number {
  const usage = process.threadCpuUsage ? process.threadCpuUsage() : process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
