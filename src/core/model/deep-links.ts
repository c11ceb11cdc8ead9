/**
 * Ids for deep links to arguments and attributes. They derive from the names alone (never from row
 * positions), so a link keeps working when rows are added or reordered: `arg-customs.items.quantity`.
 */

/** A name as an id piece: anything outside letters, digits, `_`, `.` and `-` becomes `-`. */
export function idPart(name: string): string {
  return (
    name
      .trim()
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || '_'
  );
}

/** `prefix-parent.child` for a parameter at `path` (its own name last). */
export function paramId(prefix: string, path: string[]): string {
  return `${prefix}-${path.map(idPart).join('.')}`;
}

/** Hands out ids unique within one page: a repeated id gets `-2`, `-3`, … in document order. */
export class PageIds {
  private readonly seen = new Set<string>();

  constructor(taken: Iterable<string> = []) {
    for (const id of taken) this.seen.add(id);
  }

  claim(id: string): string {
    let out = id;
    for (let n = 2; this.seen.has(out); n++) out = `${id}-${n}`;
    this.seen.add(out);
    return out;
  }
}
