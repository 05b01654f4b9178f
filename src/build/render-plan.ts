/**
 * What a build renders. Every paginated page of the site is one item of one of the site data's
 * arrays, and the item holds everything its page shows (an article with its links, related
 * articles and neighbours; a month page with its cards). A page's fingerprint is the hash of its
 * item and of the renderer (templates, filters, site settings): a page whose fingerprint is the
 * one the previous build wrote is already right, and only the others are rendered again. The
 * pages that stand alone (home, archive, sources, feeds, sitemap, search) show the whole archive in
 * short and are rendered every time: there are a dozen of them.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { articleOrigin, isSharedCard, relatedBase, type SiteArticle, type SiteData } from "./site-data.ts";
import { slices } from "./paginate.ts";
import { isWarm } from "./warm.ts";

/** The arrays of the site data that templates paginate over, one page per item. */
export const COLLECTIONS = ["articles", "months", "years", "entities", "entityIndexes", "sourcePages", "events", "eventLists", "timelinePages", "undatedPages"] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** The pages that are not paginated and are listed in the sitemap (collections.all before). */
export const SINGLE_URLS = ["/", "/archive/", "/search/", "/sources/"];

export interface PlannedPage {
  collection: Collection;
  /** Position in its collection's array. */
  index: number;
  url: string; // /articles/<slug>/
  output: string; // articles/<slug>/index.html, relative to the site folder
  fingerprint: string;
}

/** The paginated arrays a render run pages over: all of them, or only the pages to render again. */
export type PageSelection = Record<Collection, unknown[]>;

export interface SitemapEntry {
  url: string;
  lastmod: string | null;
}

const digest = (...parts: string[]) => {
  const h = createHash("sha256");
  for (const part of parts) h.update(part).update("\0");
  return h.digest("base64url").slice(0, 22);
};

// An article's card is never changed once made, and a long-running build keeps it by its record
// (site-data.ts): its digest is worked out once.
const cardDigests = new WeakMap<object, string>();

function cardDigest(card: object): string {
  let d = cardDigests.get(card);
  if (d === undefined) cardDigests.set(card, (d = digest(JSON.stringify(card))));
  return d;
}

/**
 * What a page's fingerprint is worked out from: its item, with each article card replaced by the
 * card's digest (a related card by its card's digest and the names shared). A card is on a dozen
 * lists (its people, places, source, month, timeline): hashed once, not on each, the archive's
 * lists cost a tenth to fingerprint.
 */
function compact(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(compact);
  if (isSharedCard(value)) return cardDigest(value);
  const base = relatedBase(value);
  if (base) return { card: cardDigest(base), shared: (value as { shared: unknown }).shared };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = compact(v);
  return out;
}

/**
 * An article's page: the digest of its record and HTML (articleOrigin, kept per record by a
 * long-running build) and what the site data added to it; its HTML never goes through JSON.
 */
function fingerprintOf(version: string, collection: Collection, item: object): string {
  const origin = collection === "articles" ? articleOrigin(item as SiteArticle) : undefined;
  if (origin) {
    const added: Record<string, unknown> = {};
    for (const key of origin.added) added[key] = (item as Record<string, unknown>)[key];
    return digest(version, origin.record, JSON.stringify(compact(added)));
  }
  return digest(version, JSON.stringify(compact(item)));
}

/**
 * Whether two page items show the same: the same values throughout, an article's card the very
 * same object (a card is never changed once made). An item's own record fields and HTML are the
 * same objects from build to build when the record is unchanged, and are passed at a glance.
 */
export function sameItem(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameItem(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || isSharedCard(a) || isSharedCard(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    if (!Object.hasOwn(b, k) || !sameItem((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** Whether two items show the same page; an article's by its record's digest and what the site data added. */
function samePage(collection: Collection, a: object, b: object): boolean {
  if (collection !== "articles") return sameItem(a, b);
  const [x, y] = [articleOrigin(a as SiteArticle), articleOrigin(b as SiteArticle)];
  if (!x || !y || x.record !== y.record || x.added !== y.added) return sameItem(a, b);
  return x.added.every((k) => sameItem((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

interface Planned {
  item: object;
  fingerprint: string;
}

// A long-running build (npm start) keeps the last plan's items and fingerprints by URL: a page whose
// item shows the same as last time keeps its fingerprint, found by comparing, not by hashing it again.
let lastPlan: { version: string; pages: Map<string, Planned> } | null = null;

/** Every paginated page of the site, in collection order. */
export function plannedPages(data: SiteData, version: string): PlannedPage[] {
  const pages: PlannedPage[] = [];
  const last = lastPlan?.version === version ? lastPlan.pages : undefined;
  const kept = isWarm() ? new Map<string, Planned>() : undefined;
  for (const collection of COLLECTIONS) {
    (data[collection] as { url: string }[]).forEach((item, index) => {
      const before = last?.get(item.url);
      const fingerprint = before && samePage(collection, before.item, item) ? before.fingerprint : fingerprintOf(version, collection, item);
      kept?.set(item.url, { item, fingerprint });
      pages.push({ collection, index, url: item.url, output: `${item.url.slice(1)}index.html`, fingerprint });
    });
  }
  lastPlan = kept ? { version, pages: kept } : null;
  return pages;
}

/** The items of `pages`, by collection, ready to be Eleventy's `pages` data. */
export function selection(data: SiteData, pages: readonly PlannedPage[]): PageSelection {
  const out = Object.fromEntries(COLLECTIONS.map((c) => [c, [] as unknown[]])) as PageSelection;
  for (const p of pages) out[p.collection].push(data[p.collection][p.index]);
  return out;
}

/** Every page the sitemap lists, by URL; an article's with its date. */
export function sitemapEntries(data: SiteData): SitemapEntry[] {
  const entries: SitemapEntry[] = SINGLE_URLS.map((url) => ({ url, lastmod: null }));
  for (const collection of COLLECTIONS) {
    for (const item of data[collection] as { url: string; date?: string | null }[]) {
      entries.push({ url: item.url, lastmod: collection === "articles" ? (item.date ?? null) : null });
    }
  }
  return entries.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** The most URLs one sitemap may list (sitemaps.org); a site with more gets a sitemap index. */
export const SITEMAP_URLS = 50_000;

/** The sitemaps a sitemap index lists (sitemap-1.xml, ...), or none when one sitemap holds every URL. */
export function sitemapParts(entries: SitemapEntry[], limit = SITEMAP_URLS): SitemapEntry[][] {
  return entries.length <= limit ? [] : slices(entries, limit);
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * The renderer: what, besides a page's own data, decides its HTML. A change to any of it renders
 * every page again.
 */
export function rendererVersion(root: string, settings: Record<string, string>): string {
  const h = createHash("sha256");
  const files = [
    ...filesUnder(join(root, "templates")),
    ...["filters.ts", "date-labels.ts", "feeds.ts", "structured-data.ts", "render-plan.ts", "render-body.ts", "nunjucks-compile-cache.ts"].map((f) => join(root, "src/build", f)),
    join(root, ".eleventy.ts"),
    join(root, "package-lock.json"),
  ];
  for (const f of files) h.update(f.slice(root.length)).update("\0").update(readFileSync(f)).update("\0");
  h.update(JSON.stringify(Object.entries(settings).sort()));
  return h.digest("hex");
}
