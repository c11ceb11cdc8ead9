import { Parser } from 'yaml';
function maxStack(text: string) {
  const p = new Parser();
  let max = 0;
  const next = p.next.bind(p);
  (p as any).next = function* (s: string) { yield* next(s); max = Math.max(max, (p as any).stack.length); };
  for (const _ of p.parse(text));
  return max;
}
const nest = (d: number, f: (i: number) => string) => Array.from({ length: d }, (_, i) => f(i)).join('\n') + ' 1\n';
for (const d of [1, 2, 5, 10]) {
  console.log(d,
    'map', maxStack(nest(d, (i) => ' '.repeat(i) + 'k:')),
    'seq', maxStack(nest(d, (i) => ' '.repeat(i * 2) + '-')),
    'seqmap', maxStack(nest(d, (i) => ' '.repeat(i * 2) + '- k:')),
    'flow', maxStack('a: ' + '['.repeat(d) + ']'.repeat(d) + '\n'),
    'flowmap', maxStack('a: ' + '{a: '.repeat(d) + '1' + '}'.repeat(d) + '\n'),
    'dashes', maxStack('- '.repeat(d) + '1\n'),
  );
}
