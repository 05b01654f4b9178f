/**
 * The search index: Pagefind over the article pages, written into the output folder.
 *
 * Pagefind's memory grows with the pages in one index (about 0.25 MB a page), so a big archive is
 * indexed as several indexes ("shards") of at most SHARD_PAGES pages, which the browser merges
 * (mergeIndex). The first is the usual pagefind/ bundle; the others are pagefind-<n>/.
 * search-indexes.json at the site root lists them, with a digest of what each holds: a rebuild
 * keeps a shard whose pages are the same, so one edited article re-indexes one shard.
 *
 * Each shard is indexed by Pagefind's command line over a folder of pages that hold only what is
 * searched (the element marked data-pagefind-body): it reads them faster than whole pages, and one
 * Pagefind process per core indexes the shards side by side (one process uses about one core).
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { contentKey } from "./cache.ts";

/**
 * Pages per index at most. Measured at 10,000 articles: one index peaks at 2.45 GB, two at 1.5 GB;
 * each extra index adds its own word chunk to every query (about 30 KB for a one-word query).
 */
export const SHARD_PAGES = 8192;
export const MANIFEST = "search-indexes.json";

const root = resolve(dirname(new URL(import.meta.url).pathname), "../..");
/** Pagefind's own command-line wrapper: it finds the binary for this platform. */
const PAGEFIND_CLI = join(root, "node_modules/pagefind/lib/runner/bin.cjs");

export interface SearchManifest {
  /** Bundle folders relative to the site root; the first is the primary, the others are merged into it. */
  bundles: string[];
  /** Per bundle, the digest of the pages it indexes. */
  digests: string[];
  pages: number;
  /** The bundles that index at least one page, for the search page to load: an empty bundle has no index to merge. */
  searchable: string[];
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
  /** Where a kept shard goes: "copy" into siteDir (a new folder) or "keep" it where it is (in place). */
  reuse?: "copy" | "keep";
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

function readManifest(siteDir: string | undefined): SearchManifest | null {
  if (!siteDir || !existsSync(join(siteDir, MANIFEST))) return null;
  try {
    return JSON.parse(readFileSync(join(siteDir, MANIFEST), "utf8")) as SearchManifest;
  } catch {
    return null;
  }
}

/** One Pagefind run over a folder of pages, into a bundle folder. */
function runPagefind(site: string, output: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [PAGEFIND_CLI, "--site", site, "--output-path", output, "--quiet"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", fail);
    child.once("exit", (code) => (code === 0 ? done() : fail(new Error(`pagefind could not index ${site} (exit ${code}): ${stderr.trim().slice(-2000)}`))));
  });
}

/** What Pagefind reads of one page: its searched part in a page of its own. */
function searchPage(part: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title></title></head><body>${part}</body></html>\n`;
}

/** Run `jobs` with at most `width` at once. */
async function inParallel(jobs: (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, lane));
}

/**
 * Index the article pages into siteDir. Shards whose pages are those of the previous site's are
 * kept (copied, or left in place); the others are indexed again, one Pagefind process per core.
 */
export async function writeSearchIndex(siteDir: string, opts: SearchIndexOptions): Promise<SearchIndexResult> {
  const digests: Record<string, string> = {};
  const parts = new Map<string, string>();
  for (const p of [...opts.pages].sort((a, b) => (a.url < b.url ? -1 : 1))) {
    const known = opts.knownDigests?.[p.url];
    if (known) {
      digests[p.url] = known;
      continue;
    }
    const part = indexedPart(opts.read(p.output));
    if (part === null) continue; // a page without data-pagefind-body is not searched
    digests[p.url] = contentKey(p.url, part);
    parts.set(p.url, part);
  }
  const pages = opts.pages.filter((p) => digests[p.url]).sort((a, b) => (a.url < b.url ? -1 : 1));
  const shardCount = 2 ** Math.max(0, Math.ceil(Math.log2(pages.length / (opts.shardPages ?? SHARD_PAGES))));
  const shards: IndexedPage[][] = Array.from({ length: shardCount }, () => []);
  for (const p of pages) shards[shardOf(p.url, shardCount)]!.push(p);
  const shardDigests = shards.map((s) => contentKey(...s.map((p) => digests[p.url]!)));

  const before = readManifest(opts.previous);
  const bundles = shards.map((_, n) => bundleName(n));
  const kept = bundles.map((bundle, n) => Boolean(opts.previous && before?.bundles[n] === bundle && before.digests[n] === shardDigests[n] && existsSync(join(opts.previous, bundle))));
  const work = join(siteDir, ".search-pages");
  const jobs: (() => Promise<void>)[] = [];
  bundles.forEach((bundle, n) => {
    if (kept[n] || shards[n]!.length === 0) return;
    const dir = join(work, bundle);
    for (const p of shards[n]!) {
      const file = join(dir, p.output);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, searchPage(parts.get(p.url) ?? indexedPart(opts.read(p.output))!));
    }
    jobs.push(async () => {
      await runPagefind(dir, join(siteDir, bundle));
      rmSync(dir, { recursive: true, force: true });
    });
  });
  try {
    await inParallel(jobs, Math.min(availableParallelism(), 4));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (opts.reuse !== "keep") {
    bundles.forEach((bundle, n) => {
      if (kept[n]) cpSync(join(opts.previous!, bundle), join(siteDir, bundle), { recursive: true });
    });
  }
  const searchable = bundles.filter((_, n) => shards[n]!.length > 0);
  const manifest: SearchManifest = { bundles, digests: shardDigests, pages: pages.length, searchable };
  writeFileSync(join(siteDir, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
  const written = bundles.filter((_, n) => !kept[n] && shards[n]!.length > 0);
  return { pages: pages.length, shards: shardCount, bundles, reused: kept.filter(Boolean).length, written, digests };
}
