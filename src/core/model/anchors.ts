/**
 * Every id a reference page renders, in page order: the ids the model gave its headings, sections, rows and
 * tabs (deep-links.ts) where the page shows them, plus the ids inside its rendered Markdown. This list is
 * the page's `anchors`: link resolution, the link checker and `npm run check`'s duplicate-id warning all
 * read it, and a site test holds every built page to it, both ways. A section the page does not show
 * contributes no id, so each condition here mirrors the one in the page component.
 */
import { idsIn } from './links.ts';
import type { DocEntry, EndpointEntry, FormEntry, FunctionEntry, ObjectEntry, Param, StructureEntry } from '../../schemas/reference.ts';

export function paramAnchors(params: Param[]): string[] {
  return params.flatMap((p) => [p.id, ...idsIn(p.descriptionHtml), ...paramAnchors(p.children)]);
}

export function endpointAnchors(e: EndpointEntry): string[] {
  if (!e.available) return [e.ids.heading];
  const tabs = e.tabs.flatMap((t) => [
    t.tabId,
    t.panelId,
    ...(t.type === 'Request' ? e.requests.flatMap((s) => (s.snippets ?? []).flatMap((x) => [x.tabId, x.panelId])) : []),
    ...(t.type === 'Errors' ? e.errors.flatMap((r) => [...idsIn(r.conditionHtml), ...idsIn(r.bodyHtml)]) : []),
  ]);
  return [
    e.ids.heading,
    ...(e.descriptionHtml ? idsIn(e.descriptionHtml) : idsIn(e.shortHtml)),
    ...idsIn(e.notesHtml),
    ...(e.resourceList.length ? [e.ids.resourceList, ...e.resourceList.flatMap((r) => idsIn(r.html))] : []),
    ...(e.requestBodyHtml ? [e.ids.requestBody, ...idsIn(e.requestBodyHtml)] : []),
    ...(e.arguments.length ? [e.ids.arguments, ...paramAnchors(e.arguments)] : []),
    ...(e.returnsHtml ? [e.ids.returns, ...idsIn(e.returnsHtml)] : []),
    ...(e.responseAttributes.length ? [e.ids.responseAttributes, ...paramAnchors(e.responseAttributes)] : []),
    ...(e.tabs.length ? [e.ids.examples, ...tabs] : []),
  ];
}

export function objectAnchors(o: ObjectEntry): string[] {
  return [
    o.ids.page,
    // The object's own id sits on the h1 when there is no attributes section to carry it.
    ...(o.attributes.length ? [] : [o.ids.object]),
    ...idsIn(o.descriptionHtml),
    ...(o.methods.length ? [o.ids.methods, ...o.methods.flatMap((m) => idsIn(m.shortHtml))] : []),
    ...(o.attributes.length ? [o.ids.object, o.ids.attributes, ...paramAnchors(o.attributes)] : []),
  ];
}

export function structureAnchors(s: StructureEntry | FormEntry): string[] {
  const examples = s.kind === 'structure' ? s.examples : [];
  const subs = s.kind === 'structure' ? s.subStructures : [];
  return [
    s.ids.heading,
    ...idsIn(s.descriptionHtml),
    ...(s.attributes.length ? [s.ids.attributes, ...paramAnchors(s.attributes)] : []),
    ...(examples.length ? [s.ids.examples] : []),
    ...(subs.length && s.kind === 'structure' ? [s.ids.subStructures, ...subs.flatMap((x) => idsIn(x.summaryHtml))] : []),
  ];
}

export function docAnchors(d: DocEntry): string[] {
  return [d.anchor, ...d.sections.flatMap((s) => [...(s.id ? [s.id] : []), ...idsIn(s.html)])];
}

export function functionAnchors(f: FunctionEntry): string[] {
  return [
    f.ids.heading,
    ...idsIn(f.descriptionHtml),
    ...(f.options.length ? [f.ids.options, ...paramAnchors(f.options)] : []),
    ...(f.examples.length ? [f.ids.examples, ...f.examples.flatMap((x) => [x.id, ...idsIn(x.descriptionHtml)])] : []),
  ];
}
