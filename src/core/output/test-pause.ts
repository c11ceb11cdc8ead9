/**
 * Test hook: with API_REFERENCE_TEST_PAUSE=<point> a build stops at that point, prints
 * `[test] paused at <point>` on stderr and waits until it is killed. The interruption tests use it to
 * kill a build at an exact place (during the model build, during page generation, inside the swap)
 * instead of guessing with timers. Unset, it does nothing.
 */
export const PAUSE_ENV = 'API_REFERENCE_TEST_PAUSE';
export type PausePoint = 'model' | 'pages' | 'swap';

export const pauseLine = (point: PausePoint) => `[test] paused at ${point}`;

/** Waits with the event loop running, so SIGINT and SIGTERM handlers still run while paused. */
export async function testPause(point: PausePoint): Promise<void> {
  if (process.env[PAUSE_ENV] !== point) return;
  console.error(pauseLine(point));
  await new Promise(() => setInterval(() => {}, 60_000));
}

/** Blocks the thread (for synchronous code such as the swap): only SIGKILL ends it. */
export function testPauseSync(point: PausePoint): void {
  if (process.env[PAUSE_ENV] !== point) return;
  console.error(pauseLine(point));
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
