/**
 * "Did you mean …?" for names a writer typed: front-matter keys, config keys, site-data keys. Damerau
 * distance, so a swapped pair of letters (`titel`, `argumnets`) counts as one edit.
 */
import levenshtein from 'damerau-levenshtein';

/** The closest candidate, when it is close enough to be a likely typo (one edit in three letters, at least one). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestSteps = Infinity;
  for (const c of candidates) {
    if (c === word) return c;
    const steps = levenshtein(word.toLowerCase(), c.toLowerCase()).steps;
    if (steps < bestSteps) {
      best = c;
      bestSteps = steps;
    }
  }
  return bestSteps <= limit ? best : undefined;
}

/** `; did you mean "title"?`, or '' when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match === undefined ? '' : `; did you mean "${match}"?`;
}

/** `did you mean "x"?` when one is close, else the first few candidates, for messages about a missing key. */
export function nearestOrList(word: string, candidates: string[], max = 8): string {
  const match = closest(word, candidates);
  if (match !== undefined) return `did you mean "${match}"?`;
  if (!candidates.length) return 'it has no keys';
  const shown = candidates.slice(0, max).map((c) => `"${c}"`);
  return `it has ${shown.join(', ')}${candidates.length > max ? `, … (${candidates.length} keys)` : ''}`;
}
