/** zod's issue messages in a writer's terms: YAML's lists and mappings, not JavaScript's arrays and objects. */
import type { z } from 'zod';

const NOUNS: Record<string, string> = {
  array: 'a list',
  object: 'a mapping',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
  undefined: 'missing',
};

type Issue = z.core.$ZodIssue;

function plain(message: string): string {
  return message.replace(/^Invalid input: expected (\w+), received (\w+)$/, (all, e: string, r: string) =>
    NOUNS[e] && NOUNS[r] ? `must be ${NOUNS[e]}, not ${NOUNS[r]}` : all,
  );
}

/**
 * One issue as a message. A union of scalar types (text that YAML may type as a number or boolean) fails
 * with "Invalid input"; say what it must be instead: `must be a string, not a list`.
 */
export function issueMessage(issue: Issue): string {
  if (issue.code === 'invalid_union') {
    const alternatives = issue.errors.map((list) => list[0]);
    const received = alternatives.map((i) => /received (\w+)$/.exec(i?.message ?? '')?.[1]);
    if (alternatives.every((i) => i?.code === 'invalid_type' && i.path.length === 0) && received[0] && NOUNS[received[0]]) {
      const expected = alternatives.map((i) => (i as { expected: string }).expected);
      const scalar = expected.includes('string') && expected.every((e) => ['string', 'number', 'boolean'].includes(e));
      const wanted = scalar ? 'a string' : expected.map((e) => NOUNS[e] ?? e).join(' or ');
      return `must be ${wanted}, not ${NOUNS[received[0]]}`;
    }
  }
  return plain(issue.message);
}
