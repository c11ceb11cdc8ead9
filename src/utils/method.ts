/**
 * An HTTP method as a badge shows it, for the MethodBadge component and the sidebar's pre-rendered HTML, so
 * the two always agree: upper case, DELETE shortened to DEL in the small size, the method as a class.
 */
import { escapeHtml } from '../core/html.ts';

export type BadgeSize = 'small' | 'normal';

export function methodBadge(method: string, size: BadgeSize = 'normal'): { label: string; className: string } {
  const name = method.toUpperCase();
  return { label: name === 'DELETE' && size === 'small' ? 'DEL' : name, className: `method ${size} ${name.toLowerCase()}` };
}

/** The badge as HTML (the sidebar is one HTML string per build). */
export function methodBadgeHtml(method: string, size: BadgeSize = 'normal'): string {
  const { label, className } = methodBadge(method, size);
  return `<span class="${escapeHtml(className)}">${escapeHtml(label)}</span>`;
}
