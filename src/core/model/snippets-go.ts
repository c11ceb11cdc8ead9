/**
 * Go with the standard library's `net/http`: a whole program (package main) that `go vet` accepts and
 * `gofmt` leaves as it is, so a reader can paste it into a file and run it.
 */
import { quoted } from './json-literal.ts';
import { basicAuth, bodyPlan, sentHeaders } from './request-body.ts';
import type { RequestModel } from './request-model.ts';

/**
 * A Go string literal: a raw (backquoted) string for text with quotes or lines, such as a JSON body, so it
 * reads as written, when it has no backquote or carriage return; otherwise an interpreted one (JSON's
 * escapes are Go's too).
 */
export function goString(s: string): string {
  return /["\n\\]/.test(s) && !/[`\r]/.test(s) ? `\`${s}\`` : quoted(s);
}

export function goSnippet(m: RequestModel): string {
  const plan = bodyPlan(m);
  const imports = new Set(['fmt', 'io', 'net/http']);
  const lines: string[] = [];
  let body = 'nil';
  if (plan.kind === 'form') {
    // url.Values encodes the form as curl's server expects it (it orders the fields by name).
    imports.add('net/url').add('strings');
    lines.push('form := url.Values{}', ...plan.fields.map(([n, v]) => `form.Add(${quoted(n)}, ${quoted(v)})`));
    body = 'strings.NewReader(form.Encode())';
  } else if (plan.kind !== 'none') {
    imports.add('strings');
    body = `strings.NewReader(${goString(plan.text)})`;
  }
  lines.push(`req, err := http.NewRequest(${quoted(m.method)}, ${quoted(m.url)}, ${body})`, 'if err != nil {', '\tpanic(err)', '}');
  const seen = new Set<string>();
  for (const [name, value] of sentHeaders(m, plan, true)) {
    // Set replaces; a header written twice is sent twice, as curl sends it.
    const verb = seen.has(name.toLowerCase()) ? 'Add' : 'Set';
    seen.add(name.toLowerCase());
    lines.push(`req.Header.${verb}(${quoted(name)}, ${quoted(value)})`);
  }
  if (m.user !== undefined)
    lines.push(
      `req.SetBasicAuth(${basicAuth(m.user)
        .map((s) => quoted(s))
        .join(', ')})`,
    );
  lines.push(
    '',
    'res, err := http.DefaultClient.Do(req)',
    'if err != nil {',
    '\tpanic(err)',
    '}',
    'defer res.Body.Close()',
    'data, err := io.ReadAll(res.Body)',
    'if err != nil {',
    '\tpanic(err)',
    '}',
    'fmt.Println(string(data))',
  );
  // gofmt sorts the import block. A raw string is one entry of `lines`: its later lines get no tab.
  const importBlock = [...imports]
    .sort()
    .map((i) => `\t"${i}"`)
    .join('\n');
  const indented = lines.map((l) => (l ? `\t${l}` : '')).join('\n');
  return `package main\n\nimport (\n${importBlock}\n)\n\nfunc main() {\n${indented}\n}`;
}
