/**
 * kramdown's smart quotes and typographic symbols, replacing markdown-it's typographer. markdown-it pairs
 * quotes up; kramdown decides each quote from its neighbours alone (RubyPants' rules, parser/kramdown/
 * smart_quotes.rb), so a lone `"` still curls and `''` comes out as `'’`. Code, autolinks, raw HTML and
 * image alt text are never touched, as in kramdown.
 */
import type { StateCore, Token } from 'markdown-it';

// Ruby's \s is ASCII whitespace only; JavaScript's would also take U+00A0 and friends.
const SPACE = '[ \\t\\r\\n\\f\\v]';
const SQ_PUNCT = '[!"#$%\'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]';
const SQ_CLOSE = '[^ \\\\\\t\\r\\n\\[{(\\-]';

const open = (q: string | undefined): string => (q === '"' ? '“' : '‘');
const close = (q: string | undefined): string => (q === '"' ? '”' : '’');

type Rule = [RegExp, (m: RegExpExecArray) => [lead: string, quotes: string]];

/** kramdown's SQ_RULES in order; the first that matches at the scan position wins. */
const RULES: Rule[] = [
  [/(["'])(?=[_*]{1,2}\S)/y, (m) => ['', open(m[1])]],
  [new RegExp(`(["'])(?=${SQ_PUNCT}(?!\\.\\.)\\B)`, 'y'), (m) => ['', close(m[1])]],
  [new RegExp(`(${SPACE}?)"'(?=\\w)`, 'y'), (m) => [m[1] ?? '', '“‘']],
  [new RegExp(`(${SPACE}?)'"(?=\\w)`, 'y'), (m) => [m[1] ?? '', '‘“']],
  [new RegExp(`(${SPACE}?)'(?=\\d\\ds)`, 'y'), (m) => [m[1] ?? '', '’']],
  [new RegExp(`(${SPACE})(["'])(?=\\w)`, 'y'), (m) => [m[1] ?? '', open(m[2])]],
  [new RegExp(`(${SQ_CLOSE})(["'])`, 'y'), (m) => [m[1] ?? '', close(m[2])]],
  [new RegExp(`(["'])(?=${SPACE}|s\\b|$)`, 'y'), (m) => ['', close(m[1])]],
  [/([\s\S]?)'/y, (m) => [m[1] ?? '', '‘']],
  [/([\s\S]?)"/y, (m) => [m[1] ?? '', '“']],
];

const SYMBOLS: Record<string, string> = {
  '---': '—',
  '--': '–',
  '...': '…',
  '<< ': '«\u00a0',
  ' >>': '\u00a0»',
  '<<': '«',
  '>>': '»',
};

// kramdown starts its quote parser one character early (SMART_QUOTES_RE = /[^\\]?["']/), and at any
// position the quote parser is asked before the symbol parser; alternation order gives both.
const TRIGGER = /[^\\]?["']|---|--|\.\.\.|<< | >>|<<|>>/g;
const MAY_CHANGE = /["'.<>-]/;

/**
 * Converts one run of plain text. `prev` is the character kramdown would see before the run ('' when an
 * element such as `*`…`*` or a tag consumed it); `next` is the source that follows, for look-aheads.
 */
export function kramdownTypography(text: string, prev = '', next = ''): string {
  if (!MAY_CHANGE.test(text)) return text;
  const src = prev + text;
  const lookahead = src + next;
  const skip = prev.length;
  let out = '';
  let i = 0;
  for (;;) {
    TRIGGER.lastIndex = i;
    const t = TRIGGER.exec(src);
    if (!t) break;
    const p = t.index;
    out += src.slice(Math.max(i, skip), p);
    const found = t[0];
    if (!found.endsWith('"') && !found.endsWith("'")) {
      out += SYMBOLS[found] ?? found;
      i = p + found.length;
      continue;
    }
    const rule = applyRule(lookahead, p, src.length);
    if (!rule) {
      out += src.slice(Math.max(p, skip), p + found.length);
      i = p + found.length;
      continue;
    }
    // The lead is the character before the quote; when that is `prev` it is not ours to write.
    out += (p < skip ? rule.lead.slice(skip - p) : rule.lead) + rule.quotes;
    i = rule.end;
  }
  return out + src.slice(Math.max(i, skip));
}

function applyRule(s: string, p: number, limit: number): { lead: string; quotes: string; end: number } | undefined {
  for (const [re, subst] of RULES) {
    re.lastIndex = p;
    const m = re.exec(s);
    // A rule may look into the following source but never consume it.
    if (!m || p + m[0].length > limit) continue;
    const [lead, quotes] = subst(m);
    return { lead, quotes, end: p + m[0].length };
  }
  return undefined;
}

/** Source text a token stands for, or null where kramdown's scanner would see the end of the string. */
function sourceOf(t: Token): string | null {
  switch (t.type) {
    case 'text':
    case 'html_inline':
    case 'kramdown_span_ial':
      return t.content;
    case 'softbreak':
    case 'hardbreak':
      return '\n';
    case 'text_special':
      return t.markup || t.content;
    case 'code_inline':
      return t.markup + t.content;
    case 'em_open':
    case 'em_close':
    case 'strong_open':
    case 'strong_close':
    case 's_open':
      return t.markup;
    case 'link_open':
      return t.markup === 'autolink' ? '<' : '[';
    case 'image':
      return '![';
    default:
      // Link text and strikethrough are parsed by kramdown as strings of their own, so they just end.
      return null;
  }
}

/** The source kramdown would see right after a text token: enough of the following tokens for a look-ahead. */
function following(tokens: Token[], i: number): string {
  let s = '';
  for (let j = i + 1; j < tokens.length && s.length < 4; j++) {
    const part = sourceOf(tokens[j] as Token);
    if (part === null) break;
    s += part;
  }
  return s;
}

export function typographyRule(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const tokens = block.children;
    let inAutolink = false;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (t.markup === 'autolink') inAutolink = t.type === 'link_open';
      else if (t.type === 'text' && !inAutolink) {
        const before = tokens[i - 1]?.type;
        // kramdown keeps the newline of a line break in the text, so a quote after it has a neighbour.
        const prev = before === 'softbreak' || before === 'hardbreak' ? '\n' : '';
        t.content = kramdownTypography(t.content, prev, following(tokens, i));
      }
    }
  }
}
