/**
 * What each page of a build is made from, for the dev render cache (render-cache.ts): the frame of the
 * whole build and each page's own inputs. Kept apart from build.ts, which only names the pages.
 *
 * An object's pages (the object page and its endpoint pages, per version) share one set of inputs: every
 * file of the object group. An endpoint edit so renders again its object's pages (the object page lists
 * it), not the rest of the site. A structure page reads the other structures (parents, children, links),
 * so structures share the list of every structure file.
 */
import type { LoadedConfig } from '../config.ts';
import type { SiteData } from '../data.ts';
import type { SourceDocument } from '../front-matter.ts';
import type { Collection } from './collect.ts';
import type { ObjectGroup, Typed } from './groups.ts';
import type { Product } from './products.ts';
import type { BuildFrame, UnitInput } from './render-cache.ts';

export function buildFrame(
  loaded: LoadedConfig,
  data: SiteData,
  collections: Collection[],
  products: Product[],
  includes: string[],
): BuildFrame {
  return {
    signature: {
      config: loaded.config,
      raw: loaded.raw,
      layout: loaded.layout,
      configFiles: loaded.files,
      products,
      dataFiles: data.files,
      documents: collections.map((c) => [c.name, c.documents.map((d) => d.file)]),
      includes,
    },
    data: data.data,
    collections: new Map(collections.map((c) => [c.name, c.documents])),
    includes,
  };
}

/** Every file of an object group, and how they are ordered. */
export function groupInputs(g: ObjectGroup, collection: string): UnitInput[] {
  const docs: SourceDocument[] = [
    g.doc,
    ...[...g.versionDocs.values()].map((v) => v.doc),
    ...[...g.endpoints.values()].flatMap((m) => [...m.values()].map((e) => e.doc)),
  ];
  const shape = JSON.stringify({ product: g.product, versions: g.versions, latest: g.latest, multi: g.multiVersion, order: g.methodOrder });
  return [collection, shape, ...docs];
}

export function docInputs(items: Typed<unknown>[], collectionOf: (doc: SourceDocument) => string): UnitInput[] {
  return items.flatMap((i) => [collectionOf(i.doc), i.doc]);
}
