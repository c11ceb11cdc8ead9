/**
 * Clean-up that must run however a build ends: by returning, through process.exit, or on SIGINT/SIGTERM
 * (Ctrl-C, a CI runner cancelling the job). SIGKILL runs nothing; the next build removes what such a build
 * left behind (see leftovers.ts). Clean-ups are synchronous because exit handlers cannot wait.
 */
import os from 'node:os';

export type InterruptReason = 'exit' | 'SIGINT' | 'SIGTERM';
type Cleanup = (reason: InterruptReason) => void;

const cleanups = new Set<Cleanup>();

function runAll(reason: InterruptReason): void {
  const list = [...cleanups].reverse(); // last registered first: the staging folder before the lock
  cleanups.clear();
  for (const fn of list) {
    try {
      fn(reason);
    } catch (error) {
      console.error(`clean-up failed: ${(error as Error).message}`);
    }
  }
}

const onExit = () => runAll('exit');
function onSignal(signal: 'SIGINT' | 'SIGTERM') {
  runAll(signal);
  // The conventional status of a process ended by a signal (130 for SIGINT, 143 for SIGTERM).
  process.exit(128 + os.constants.signals[signal]);
}

function install(on: boolean): void {
  const method = on ? 'on' : 'off';
  process[method]('exit', onExit);
  process[method]('SIGINT', onSignal);
  process[method]('SIGTERM', onSignal);
}

/** Registers `fn` to run on exit or interruption; returns a function that unregisters it. */
export function onInterrupt(fn: Cleanup): () => void {
  if (cleanups.size === 0) install(true);
  cleanups.add(fn);
  return () => {
    // Once nothing is left to clean up, SIGINT and SIGTERM get their default behaviour back.
    if (cleanups.delete(fn) && cleanups.size === 0) install(false);
  };
}
