/**
 * GFM task lists as kramdown-parser-gfm writes them: `[ ]` / `[x]` at the start of an item's first
 * paragraph becomes a disabled checkbox. Like the GFM parser, once an item in a list is a task every later
 * item gets `task-list-item` (earlier ones don't), and the list gets `task-list`.
 */
import type { StateCore, Token } from 'markdown-it';

const UNCHECKED = /^\s*\[ \]\s+/;
const CHECKED = /^\s*\[x\]\s+/i;
const BOX = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />';
const BOX_CHECKED = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />';

/** Core rule between block and inline parsing, so the checkbox is read as inline HTML like kramdown does. */
export function taskListRule(state: StateCore): void {
  const lists: Array<{ open: Token; tasks: boolean }> = [];
  const { tokens } = state;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') lists.push({ open: token, tasks: false });
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
      const list = lists.pop();
      if (list?.tasks) list.open.attrJoin('class', 'task-list');
    } else if (token.type === 'list_item_open') {
      const list = lists[lists.length - 1];
      const inline = tokens[i + 2];
      if (!list || tokens[i + 1]?.type !== 'paragraph_open' || inline?.type !== 'inline') continue;
      const before = inline.content;
      inline.content = before.replace(UNCHECKED, BOX).replace(CHECKED, BOX_CHECKED);
      list.tasks ||= inline.content !== before;
      if (list.tasks) token.attrSet('class', 'task-list-item');
    }
  }
}
