/**
 * PHP with the curl extension rather than Guzzle: it ships with PHP (no Composer project to set up), and
 * its options are the curl options the docs' own examples use, one for one. Strings are single-quoted,
 * where only `\\` and `\'` are escapes, so `$` and placeholders are never read as variables.
 */
import { bodyPlan, sentHeaders, uniqueNames } from './request-body.ts';
import { encodeForm, type RequestModel } from './request-model.ts';

export function phpString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function phpSnippet(m: RequestModel): string {
  const plan = bodyPlan(m);
  const opts: string[] = [];
  const hasBody = plan.kind !== 'none';
  // POSTFIELDS makes a POST by itself; HEAD is NOBODY; everything else names its method.
  if (m.method === 'HEAD') opts.push('CURLOPT_NOBODY => true');
  else if (m.method === 'POST' && !hasBody) opts.push('CURLOPT_POST => true');
  else if (!(m.method === 'POST' || (m.method === 'GET' && !hasBody))) opts.push(`CURLOPT_CUSTOMREQUEST => ${phpString(m.method)}`);
  const headers = sentHeaders(m, plan);
  if (headers.length) {
    opts.push(`CURLOPT_HTTPHEADER => [\n${headers.map(([n, v]) => `        ${phpString(`${n}: ${v}`)},`).join('\n')}\n    ]`);
  }
  if (m.user !== undefined) opts.push(`CURLOPT_USERPWD => ${phpString(m.user)}`);
  if (plan.kind === 'form') {
    // A string body is sent as a form by libcurl, as by the curl tool; a repeated name cannot be an array key.
    const value = uniqueNames(plan.fields)
      ? `http_build_query([${plan.fields.map(([n, v]) => `${phpString(n)} => ${phpString(v)}`).join(', ')}])`
      : phpString(encodeForm(plan.fields));
    opts.push(`CURLOPT_POSTFIELDS => ${value}`);
  } else if (plan.kind !== 'none') opts.push(`CURLOPT_POSTFIELDS => ${phpString(plan.text)}`);
  opts.push('CURLOPT_RETURNTRANSFER => true');
  return [
    '<?php',
    '',
    `$ch = curl_init(${phpString(m.url)});`,
    `curl_setopt_array($ch, [\n${opts.map((o) => `    ${o},`).join('\n')}\n]);`,
    '$response = curl_exec($ch);',
    'echo $response;',
  ].join('\n');
}
