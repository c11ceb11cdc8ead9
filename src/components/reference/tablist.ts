/**
 * Client code shared by the example tabs and the language tabs: the WAI-ARIA tabs pattern with automatic
 * activation (arrow keys, Home, End, roving tabindex). A tab's `aria-controls` may list several panels.
 */

export function tabsOf(list: Element): HTMLElement[] {
  return [...list.querySelectorAll<HTMLElement>(':scope > [role="tab"]')];
}

/** Shows `tab`'s panels and hides its siblings'. */
export function selectTab(tab: HTMLElement): void {
  for (const t of tabsOf(tab.parentElement!)) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    for (const id of (t.getAttribute('aria-controls') ?? '').split(/\s+/)) {
      const panel = id && document.getElementById(id);
      if (panel) panel.hidden = !on;
    }
  }
}

const STEP: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/** Mouse and keyboard for one tablist; `chosen` runs after the reader picks a tab. */
export function wireTabs(list: HTMLElement, chosen?: (tab: HTMLElement) => void): void {
  const tabs = tabsOf(list);
  const pick = (tab: HTMLElement) => {
    selectTab(tab);
    chosen?.(tab);
  };
  list.addEventListener('click', (e) => {
    const tab = (e.target as Element).closest<HTMLElement>('[role="tab"]');
    if (tab && tabs.includes(tab)) pick(tab);
  });
  list.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(document.activeElement as HTMLElement);
    const step = STEP[e.key];
    if (i < 0 || !step) return;
    e.preventDefault();
    const next = tabs[step(i, tabs.length)];
    pick(next);
    next.focus();
  });
}
