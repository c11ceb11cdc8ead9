/**
 * Parsed files by absolute path, for a process that re-reads every file on each save (the dev server):
 * YAML parsing is the largest share of a warm model rebuild, and most files did not change. The model
 * writes into what it parsed (a default title, merged data folders), so values go in and come out as
 * copies. One-shot builds pass no cache and keep one copy of everything.
 */
export class ParseCache {
  private readonly entries = new Map<string, { text: string; value: unknown; kept: unknown }>();

  get size(): number {
    return this.entries.size;
  }

  /**
   * A fresh copy of what `text` parsed to last time (plus `kept`, stored as is: e.g. functions, which
   * cannot be copied), or undefined when the file changed or is new.
   */
  get<T, K = undefined>(key: string, text: string): { value: T; kept: K } | undefined {
    const hit = this.entries.get(key);
    return hit && hit.text === text ? { value: structuredClone(hit.value as T), kept: hit.kept as K } : undefined;
  }

  set(key: string, text: string, value: unknown, kept?: unknown): void {
    this.entries.set(key, { text, value: structuredClone(value), kept });
  }

  /** Forgets files no longer read (deleted or moved), among the keys starting with `prefix`. */
  prune(prefix: string, read: Set<string>): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix) && !read.has(key)) this.entries.delete(key);
  }
}
