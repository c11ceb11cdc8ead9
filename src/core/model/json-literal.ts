/**
 * A JSON request body as a literal of the sample's language: an object literal, a dict, a hash. The tree
 * keeps the text of numbers, so long IDs and trailing zeros are written as the docs wrote them.
 */

export type Json =
  | { t: 'obj'; entries: Array<[string, Json]> }
  | { t: 'arr'; items: Json[] }
  | { t: 'str'; v: string }
  | { t: 'num'; raw: string }
  | { t: 'lit'; v: 'true' | 'false' | 'null' };

/** Strict JSON to a tree that keeps number text; `undefined` when the text is not JSON. */
export function parseJson(text: string): Json | undefined {
  let i = 0;
  const ws = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const value = (): Json => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: Array<[string, Json]> = [];
      ws();
      if (text[i] === '}') return (i++, { t: 'obj', entries });
      for (;;) {
        ws();
        const key = value();
        if (key.t !== 'str') throw new Error('key');
        ws();
        if (text[i++] !== ':') throw new Error(':');
        entries.push([key.v, value()]);
        ws();
        const next = text[i++];
        if (next === '}') return { t: 'obj', entries };
        if (next !== ',') throw new Error(',');
      }
    }
    if (c === '[') {
      i++;
      const items: Json[] = [];
      ws();
      if (text[i] === ']') return (i++, { t: 'arr', items });
      for (;;) {
        items.push(value());
        ws();
        const next = text[i++];
        if (next === ']') return { t: 'arr', items };
        if (next !== ',') throw new Error(',');
      }
    }
    if (c === '"') {
      // JSON forbids raw control characters inside strings.
      // eslint-disable-next-line no-control-regex
      const m = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(text.slice(i));
      if (!m) throw new Error('string');
      i += m[0].length;
      return { t: 'str', v: JSON.parse(m[0]) as string };
    }
    const lit = /^(?:true|false|null)/.exec(text.slice(i));
    if (lit) {
      i += lit[0].length;
      return { t: 'lit', v: lit[0] as 'true' | 'false' | 'null' };
    }
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!num) throw new Error('value');
    i += num[0].length;
    return { t: 'num', raw: num[0] };
  };
  try {
    const v = value();
    ws();
    return i === text.length ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A double-quoted string literal. JSON's escapes (`\"`, `\\`, `\n`, `\uXXXX`) mean the same in
 * JavaScript, Python, Go and Ruby, so placeholders such as `<ACCESS_TOKEN>` or `{source_id}` come out
 * verbatim.
 */
export function quoted(s: string): string {
  return JSON.stringify(s);
}

/** Ruby also reads `#{`, `#@` and `#$` inside double quotes: that `#` is escaped. */
export function rubyQuoted(s: string): string {
  return quoted(s).replace(/#(?=[{@$])/g, '\\#');
}

export interface Dialect {
  str: (s: string) => string;
  /** One `key: value` entry of an object literal. */
  pair: (key: string, value: string) => string;
  lit: (v: 'true' | 'false' | 'null') => string;
  indent: string;
  /** Space inside one-line braces: `{ a: 1 }` (Prettier, RuboCop) or `{"a": 1}` (Black). */
  brace: string;
}

export const JS: Dialect = {
  str: quoted,
  pair: (k, v) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : quoted(k)}: ${v}`,
  lit: (v) => v,
  indent: '  ',
  brace: ' ',
};
export const PY: Dialect = {
  str: quoted,
  pair: (k, v) => `${quoted(k)}: ${v}`,
  lit: (v) => ({ true: 'True', false: 'False', null: 'None' })[v],
  indent: '    ',
  brace: '',
};
export const RUBY: Dialect = {
  str: rubyQuoted,
  pair: (k, v) => `${rubyQuoted(k)} => ${v}`,
  lit: (v) => ({ true: 'true', false: 'false', null: 'nil' })[v],
  indent: '  ',
  brace: ' ',
};

/** A literal for `v`; short containers of plain values stay on one line. */
export function literal(v: Json, d: Dialect, pad: string): string {
  if (v.t === 'str') return d.str(v.v);
  if (v.t === 'num') return v.raw;
  if (v.t === 'lit') return d.lit(v.v);
  const inner = pad + d.indent;
  const parts = v.t === 'obj' ? v.entries.map(([k, x]) => d.pair(k, literal(x, d, inner))) : v.items.map((x) => literal(x, d, inner));
  const [open, close] = v.t === 'obj' ? ['{', '}'] : ['[', ']'];
  if (!parts.length) return open + close;
  const flat =
    v.t === 'obj' ? v.entries.every(([, x]) => x.t !== 'obj' && x.t !== 'arr') : v.items.every((x) => x.t !== 'obj' && x.t !== 'arr');
  const oneLine = v.t === 'obj' ? `{${d.brace}${parts.join(', ')}${d.brace}}` : `[${parts.join(', ')}]`;
  if (flat && oneLine.length + pad.length <= 72 && !oneLine.includes('\n')) return oneLine;
  return `${open}\n${parts.map((p) => `${inner}${p},`).join('\n')}\n${pad}${close}`;
}
