/**
 * Ruby with the standard library's `net/http`: no gem to install. A JSON body is a hash literal sent with
 * `to_json`; a form goes through `set_form_data`, which encodes it and labels it as curl does.
 */
import { RUBY, literal, rubyQuoted as str } from './json-literal.ts';
import { basicAuth, bodyPlan, sentHeaders, uniqueNames } from './request-body.ts';
import type { RequestModel } from './request-model.ts';

/** Net::HTTP's request classes; any other method goes through HTTPGenericRequest. */
const CLASSES: Record<string, string> = {
  GET: 'Get',
  POST: 'Post',
  PUT: 'Put',
  PATCH: 'Patch',
  DELETE: 'Delete',
  HEAD: 'Head',
  OPTIONS: 'Options',
  TRACE: 'Trace',
};

export function rubySnippet(m: RequestModel): string {
  const plan = bodyPlan(m);
  const requires = ['net/http'];
  const cls = CLASSES[m.method];
  const lines = [
    `uri = URI(${str(m.url)})`,
    cls
      ? `request = Net::HTTP::${cls}.new(uri)`
      : `request = Net::HTTPGenericRequest.new(${str(m.method)}, ${plan.kind !== 'none'}, true, uri)`,
  ];
  for (const [name, value] of sentHeaders(m, plan)) lines.push(`request[${str(name)}] = ${str(value)}`);
  if (m.user !== undefined)
    lines.push(
      `request.basic_auth(${basicAuth(m.user)
        .map((s) => str(s))
        .join(', ')})`,
    );
  if (plan.kind === 'json') {
    requires.unshift('json');
    lines.push(`request.body = ${literal(plan.value, RUBY, '')}.to_json`);
  } else if (plan.kind === 'form') {
    const args = uniqueNames(plan.fields)
      ? plan.fields.map(([n, v]) => `${str(n)} => ${str(v)}`).join(', ')
      : `[${plan.fields.map(([n, v]) => `[${str(n)}, ${str(v)}]`).join(', ')}]`;
    lines.push(`request.set_form_data(${args})`);
  } else if (plan.kind === 'raw') lines.push(`request.body = ${str(plan.text)}`);
  lines.push(
    '',
    'response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|',
    '  http.request(request)',
    'end',
    'puts response.body',
  );
  return `${requires.map((r) => `require ${str(r)}`).join('\n')}\n\n${lines.join('\n')}`;
}
