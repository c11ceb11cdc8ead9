/**
 * Several endpoint pages can document one path and method (Stitch's "Update a source", "Pause a source"
 * and "Unpause a source" are all `PUT /v4/sources/{source_id}`). OpenAPI has one operation per path and
 * method, so they become one: the first page's summary, every page's description under its title, the
 * union of parameters, request bodies as `anyOf` (each titled by its page), every response example.
 */

type Obj = Record<string, unknown>;

function bodyOf(op: Obj): { type: string; media: Obj } | undefined {
  const content = (op.requestBody as Obj | undefined)?.content as Record<string, Obj> | undefined;
  const type = content && Object.keys(content)[0];
  return type ? { type, media: content[type] } : undefined;
}

/** `example` → `examples` (a map), so that several pages' examples fit side by side. */
function examplesOf(media: Obj, title: string): Record<string, Obj> {
  if (media.examples) return media.examples as Record<string, Obj>;
  return media.example === undefined ? {} : { [keyOf(title)]: { summary: title, value: media.example } };
}

function keyOf(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'example'
  );
}

function mergeBodies(into: Obj, from: Obj): void {
  const a = bodyOf(into);
  const b = bodyOf(from);
  if (!b) return;
  if (!a) {
    into.requestBody = from.requestBody;
    return;
  }
  const titleA = String(into.summary);
  const titleB = String(from.summary);
  const schemaA = a.media.schema as Obj;
  const variants = Array.isArray(schemaA.anyOf) ? (schemaA.anyOf as Obj[]) : [{ title: titleA, ...schemaA }];
  const examples = { ...examplesOf(a.media, titleA) };
  for (const [k, v] of Object.entries(examplesOf(b.media, titleB))) examples[k in examples ? `${k}-2` : k] = v;
  // anyOf, not oneOf: the pages are ways to use one operation, and a body may fit several of them.
  const media: Obj = { schema: { anyOf: [...variants, { title: titleB, ...(b.media.schema as Obj) }] } };
  if (Object.keys(examples).length) media.examples = examples;
  const requiredA = (into.requestBody as Obj).required === true;
  const requiredB = (from.requestBody as Obj).required === true;
  into.requestBody = { required: requiredA && requiredB, content: { [a.type]: media } };
}

function mergeResponses(into: Obj, from: Obj): void {
  const a = into.responses as Record<string, Obj>;
  for (const [code, response] of Object.entries(from.responses as Record<string, Obj>)) {
    const existing = a[code];
    if (!existing) {
      a[code] = response;
      continue;
    }
    for (const [type, media] of Object.entries((response.content ?? {}) as Record<string, Obj>)) {
      const target = (((existing.content ??= {}) as Record<string, Obj>)[type] ??= {});
      const examples = (target.examples ??= {}) as Record<string, Obj>;
      const known = new Set(Object.values(examples).map((e) => JSON.stringify(e.value)));
      // The same error row, reached from both pages, is one example.
      for (const [k, v] of Object.entries((media.examples ?? {}) as Record<string, Obj>)) {
        if (known.has(JSON.stringify(v.value))) continue;
        let key = k;
        for (let i = 2; key in examples; i++) key = `${k}-${i}`;
        examples[key] = v;
      }
      if (media.schema && !target.schema) target.schema = media.schema;
    }
  }
}

/** Folds `from` into `into` (both built by buildOperation for the same path and method). */
export function mergeOperation(into: Obj, from: Obj): void {
  const section = (op: Obj) =>
    `**${String(op.summary)}** (${String((op.externalDocs as Obj).url)})${op.description ? `\n\n${String(op.description)}` : ''}`;
  into.description = `${into['x-merged'] ? String(into.description) : section(into)}\n\n${section(from)}`;
  into['x-merged'] = [...((into['x-merged'] as string[] | undefined) ?? [String(into.operationId)]), String(from.operationId)];
  const params = (into.parameters ??= []) as Obj[];
  for (const p of (from.parameters ?? []) as Obj[]) if (!params.some((q) => q.name === p.name && q.in === p.in)) params.push(p);
  mergeBodies(into, from);
  mergeResponses(into, from);
  const security = (into.security ??= []) as Obj[];
  for (const s of (from.security ?? []) as Obj[]) if (!security.some((t) => Object.keys(t)[0] === Object.keys(s)[0])) security.push(s);
}
