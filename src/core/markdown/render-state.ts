/**
 * State that lives for one `render` call, like kramdown's per-document parser state: attribute list
 * definitions and the counters that make duplicate heading ids unique. It hangs off markdown-it's `env`,
 * which is created fresh for every render.
 */
import type { Env } from 'markdown-it';
import type { AttributeList } from './attribute-list.ts';

export interface RenderState {
  /** `{:name: …}` attribute list definitions, by name. */
  alds: Map<string, AttributeList>;
  /** kramdown-parser-gfm's `@id_counter`: times each generated id has been seen, minus one. */
  gfmIds: Map<string, number>;
  /** kramdown's HTML converter `@used_ids`. */
  kramdownIds: Map<string, number>;
  /** Characters left for searches that may run far (closing tags, extension ends); see scan.ts. */
  scanBudget: number;
}

const KEY = Symbol('kramdown-render-state');

export function renderState(env: Env): RenderState {
  let state = env[KEY] as RenderState | undefined;
  if (!state) {
    state = { alds: new Map(), gfmIds: new Map(), kramdownIds: new Map(), scanBudget: 1_000_000 };
    env[KEY] = state;
  }
  return state;
}
