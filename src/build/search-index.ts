/**
 * The search index: Pagefind over the article pages, written into the output folder.
 *
 * Pagefind's memory grows with the pages in one index (about 0.25 MB a page), so a big archive is
 * indexed as several indexes ("shards") of at most SHARD_PAGES pages, which the browser merges
 * (mergeIndex). The first is the usual pagefind/ bundle; the others are pagefind-<n>/.
 * search-indexes.json at the site root lists them, with a digest of what each holds.
 *
 * An edit does not index a shard again: the edited (and new) pages go into a small delta bundle,
 * pagefind-delta/, and the shards' old versions of them (and of removed pages) are listed as
 * hidden, with the filters they were indexed with, for the search page to leave out of its results
 * and counts. When the delta outgrows DELTA_PAGES, the shards that changed are indexed again and
 * the delta goes. search-pages.json (not fetched by the search page) records what each bundle holds.
 *
 * Each bundle is indexed by Pagefind's command line over a folder of pages that hold only what is
 * searched (the element marked data-pagefind-body): it reads them faster than whole pages, and one
 * Pagefind process per core indexes the shards side by side (one process uses about one core).
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { contentKey } from "./cache.ts";
import { ownCopy } from "./own-copy.ts";
import { readSiteJson, writeSiteJson } from "./site-json.ts";
import { fragmentFilters, fragmentIds, runPagefind, searchPage, type PageFilters } from "./pagefind-bundle.ts";

/**
 * Pages per index at most. Measured at 10,000 articles: one index peaks at 2.45 GB, two at 1.5 GB;
 * each extra index adds its own word chunk to every query (about 30 KB for a one-word query).
 */
export const SHARD_PAGES = 8192;
/**
 * Pages the delta bundle holds at most (and shard pages it hides). Pagefind indexes 200 pages in
 * well under a second; every hidden page adds its filters to search-indexes.json, which every search loads.
 */
export const DELTA_PAGES = 200;
/**
 * Characters of searched parts held between reading a page for its digest and writing it for
 * Pagefind; the parts past them are read again when their shard is written. Holding every part
 * held every page as well (a slice keeps the string it was cut from): 2.8 GB at 100,000 articles.
 */
export const HELD_PART_CHARS = 1 << 25;
export const MANIFEST = "search-indexes.json";
export const STATE = "search-pages.json";
export const DELTA_BUNDLE = "pagefind-delta";

export interface SearchManifest {
  /** Bundle folders relative to the site root: the shards, then the delta if there is one. */
  bundles: string[];
  /** Per bundle, the digest of the pages it indexes. */
  digests: string[];
  pages: number;
  /** The bundles that index at least one page, for the search page to load: an empty bundle has no index to merge. */
  searchable: string[];
  /** Pagefind ids of the shards' versions of edited or removed pages, with the filters each was indexed with: not to be shown or counted. */
  hidden: Record<string, PageFilters>;
}

interface Indexed {
  digest: string;
  id: string;
}

/** What the bundles hold, by page URL: the shards' versions, and the delta's. */
export interface SearchState {
  shards: number;
  base: Record<string, Indexed>;
  delta: Record<string, Indexed>;
}

export interface SearchIndexResult {
  pages: number;
  shards: number;
  /** Shards kept from the previous site because their pages had not changed. */
  reused: number;
  /** Every bundle of the index, in order. */
  bundles: string[];
  /** The bundles written by this run (into siteDir). */
  written: string[];
  /** Per page URL, the digest of what is searched of it: the next build's `digests`. */
  digests: Record<string, string>;
}

export interface IndexedPage {
  url: string; // /articles/<slug>/
  output: string; // articles/<slug>/index.html
}

export interface SearchIndexOptions {
  /** The article pages, in any order. */
  pages: readonly IndexedPage[];
  /** The HTML of a page of this build (from the new pages, or the previous site for those kept). */
  read: (output: string) => string;
  /** The site this build replaces: its manifest tells which shards can stay. */
  previous?: string;
  /** Digests of pages known from the previous build and not rendered again (by URL). */
  knownDigests?: Record<string, string>;
  shardPages?: number;
  /** Most pages in the delta bundle (default DELTA_PAGES); 0: every change indexes its shards again. */
  deltaPages?: number;
  /** Where a kept shard goes: "copy" into siteDir (a new folder) or "keep" it where it is (in place). */
  reuse?: "copy" | "keep";
  /** Characters of searched parts held in memory (default HELD_PART_CHARS); tests set 0 to read every page again. */
  heldPartChars?: number;
}

export function indexedPart(html: string): string | null {
  const at = html.indexOf("data-pagefind-body");
  if (at === -1) return null;
  const open = html.lastIndexOf("<", at);
  const tag = /^<([a-zA-Z][\w-]*)/.exec(html.slice(open))?.[1];
  if (!tag) return html;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
  re.lastIndex = open;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(open, m.index + m[0].length);
  }
  return html; // unbalanced: take it all, so no change goes unnoticed
}

/** Stable shard of a page: by a hash of its URL, so pages stay in their shard as the archive grows (until the shard count doubles). */
function shardOf(url: string, shards: number): number {
  return shards === 1 ? 0 : parseInt(contentKey(url).slice(0, 8), 16) % shards;
}

function bundleName(shard: number): string {
  return shard === 0 ? "pagefind" : `pagefind-${shard}`;
}

export const readManifest = (siteDir: string | undefined) => readSiteJson<SearchManifest>(siteDir, MANIFEST);
const readState = (siteDir: string | undefined) => readSiteJson<SearchState>(siteDir, STATE);

/** Run `jobs` with at most `width` at once. */
async function inParallel(jobs: (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, lane));
}

/**
 * The pages the delta bundle must hold (edited or new since the shards were indexed) and the
 * shard pages it hides (edited or removed), when the shards can stay as they are; null when there
 * are more than `limit` of either, or the shards were laid out for another number of them.
 */
export function deltaPlan(current: Readonly<Record<string, string>>, state: SearchState | null, shards: number, limit: number): { delta: string[]; hidden: string[] } | null {
  if (!state || state.shards !== shards || limit <= 0) return null;
  const delta = Object.keys(current).filter((url) => state.base[url]?.digest !== current[url]).sort();
  const hidden = Object.keys(state.base).filter((url) => state.base[url]!.digest !== current[url]).sort();
  return delta.length > limit || hidden.length > limit ? null : { delta, hidden };
}

/** Index the article pages into siteDir: the shards again where the delta would outgrow its limit, else only the delta. */
export async function writeSearchIndex(siteDir: string, opts: SearchIndexOptions): Promise<SearchIndexResult> {
  const digests: Record<string, string> = {};
  const parts = new Map<string, string>();
  let room = opts.heldPartChars ?? HELD_PART_CHARS;
  for (const p of [...opts.pages].sort((a, b) => (a.url < b.url ? -1 : 1))) {
    const known = opts.knownDigests?.[p.url];
    if (known) {
      digests[p.url] = known;
      continue;
    }
    const part = indexedPart(opts.read(p.output));
    if (part === null) continue; // a page without data-pagefind-body is not searched
    digests[p.url] = contentKey(p.url, part);
    if (part.length <= room) {
      parts.set(p.url, ownCopy(part)); // not a slice that keeps the page
      room -= part.length;
    }
  }
  const pages = opts.pages.filter((p) => digests[p.url]).sort((a, b) => (a.url < b.url ? -1 : 1));
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const shardCount = 2 ** Math.max(0, Math.ceil(Math.log2(pages.length / (opts.shardPages ?? SHARD_PAGES))));
  const shards: IndexedPage[][] = Array.from({ length: shardCount }, () => []);
  for (const p of pages) shards[shardOf(p.url, shardCount)]!.push(p);
  const shardBundles = shards.map((_, n) => bundleName(n));

  const before = readManifest(opts.previous);
  const state = readState(opts.previous);
  const previousHas = (bundle: string) => Boolean(opts.previous && before?.bundles.includes(bundle) && existsSync(join(opts.previous, bundle)));
  const plan = deltaPlan(digests, state, shardCount, opts.deltaPages ?? DELTA_PAGES);
  const shardsStay = plan !== null && shardBundles.every((b, n) => before?.bundles[n] === b && (previousHas(b) || !before.searchable.includes(b)));

  const currentDigests = shards.map((s) => contentKey(...s.map((p) => digests[p.url]!)));
  const kept = shardBundles.map((bundle, n) => (shardsStay ? previousHas(bundle) : previousHas(bundle) && before!.bundles[n] === bundle && before!.digests[n] === currentDigests[n]));
  const shardDigests = shardsStay ? shardBundles.map((_, n) => before!.digests[n]!) : currentDigests;
  const deltaPages = shardsStay ? plan.delta.map((url) => byUrl.get(url)!) : [];
  const deltaDigest = contentKey(...deltaPages.map((p) => digests[p.url]!));
  const deltaKept = deltaPages.length > 0 && previousHas(DELTA_BUNDLE) && before!.digests[before!.bundles.indexOf(DELTA_BUNDLE)] === deltaDigest;

  const work = join(siteDir, ".search-pages");
  const jobs: (() => Promise<void>)[] = [];
  const index = (bundle: string, list: readonly IndexedPage[]) => {
    const dir = join(work, bundle);
    for (const p of list) {
      const file = join(dir, p.output);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, searchPage(parts.get(p.url) ?? indexedPart(opts.read(p.output))!));
    }
    jobs.push(async () => {
      await runPagefind(dir, join(siteDir, bundle));
      await rm(dir, { recursive: true, force: true }); // off the main thread: a shard's pages are thousands of folders
    });
  };
  shardBundles.forEach((bundle, n) => {
    if (!shardsStay && !kept[n] && shards[n]!.length > 0) index(bundle, shards[n]!);
  });
  if (deltaPages.length > 0 && !deltaKept) index(DELTA_BUNDLE, deltaPages);
  try {
    await inParallel(jobs, Math.min(availableParallelism(), 4));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const bundles = deltaPages.length > 0 ? [...shardBundles, DELTA_BUNDLE] : shardBundles;
  const keptBundles = new Set([...shardBundles.filter((_, n) => kept[n]), ...(deltaKept ? [DELTA_BUNDLE] : [])]);
  if (opts.reuse !== "keep") for (const bundle of keptBundles) cpSync(join(opts.previous!, bundle), join(siteDir, bundle), { recursive: true });
  // A shard with no pages has no bundle; while the shards stay, one holds only what it held.
  const holdsPages = (b: string) => b === DELTA_BUNDLE || (shardsStay ? keptBundles.has(b) && before!.searchable.includes(b) : shards[shardBundles.indexOf(b)]!.length > 0);
  const written = bundles.filter((b) => !keptBundles.has(b) && holdsPages(b));

  // What each bundle holds now: kept bundles as the last build recorded them, written ones as Pagefind wrote them.
  const holdings = (bundle: string, list: readonly IndexedPage[], recorded: Record<string, Indexed> | undefined): Record<string, Indexed> => {
    const ids = keptBundles.has(bundle) && recorded && list.every((p) => recorded[p.url]) ? null : fragmentIds(join(keptBundles.has(bundle) ? opts.previous! : siteDir, bundle));
    return Object.fromEntries(list.map((p) => [p.url, ids ? { digest: digests[p.url]!, id: ids[p.url] ?? "" } : recorded![p.url]!]));
  };
  const next: SearchState = {
    shards: shardCount,
    base: shardsStay ? state!.base : Object.assign({}, ...shardBundles.map((b, n) => holdings(b, shards[n]!, state?.base))),
    delta: deltaPages.length > 0 ? holdings(DELTA_BUNDLE, deltaPages, state?.delta) : {},
  };
  const hidden: Record<string, PageFilters> = {};
  if (shardsStay) {
    for (const url of plan.hidden) {
      const id = state!.base[url]!.id;
      if (id) hidden[id] = before!.hidden?.[id] ?? fragmentFilters(join(opts.previous!, bundleName(shardOf(url, shardCount))), id);
    }
  }
  const searchable = bundles.filter(holdsPages);
  const manifest: SearchManifest = { bundles, digests: deltaPages.length > 0 ? [...shardDigests, deltaDigest] : shardDigests, pages: pages.length, searchable, hidden };
  writeSiteJson(siteDir, MANIFEST, manifest, 2);
  writeSiteJson(siteDir, STATE, next);
  return { pages: pages.length, shards: shardCount, bundles, reused: keptBundles.size, written, digests };
}
