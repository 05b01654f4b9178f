/**
 * The search index: Pagefind over the built pages, written into the output folder.
 *
 * Pagefind's memory grows with the pages in one index, so a big archive is indexed as several
 * indexes ("shards") of at most SHARD_PAGES pages, which the browser merges (mergeIndex). The first
 * is the usual pagefind/ bundle; the others are pagefind-<n>/. search-indexes.json at the site
 * root lists them, with a digest of what each holds: a rebuild copies a shard from the previous
 * site when its pages are the same, so one edited article re-indexes one shard.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as pagefind from "pagefind";
import { contentKey } from "./cache.ts";

/**
 * Pages per index at most. Measured at 10,000 articles: one index peaks at 2.45 GB, two at 1.5 GB;
 * each extra index adds its metadata and its own word chunk to every query (one word: 252 KB with
 * one index, 254 KB with two, 305 KB with four). 8,192 bounds Pagefind near 2 GB at any size.
 */
export const SHARD_PAGES = 8192;
export const MANIFEST = "search-indexes.json";
/** Pages sent to Pagefind at once: enough to keep its threads busy, few enough to bound memory. */
const IN_FLIGHT = 64;

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
  /** Shards copied from the previous site because their pages had not changed. */
  reused: number;
}

interface Page {
  file: string; // relative to the site root
  url: string;
  digest: string;
}

function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".html") && !f.startsWith("pagefind"))
    .map((f) => f.split("\\").join("/"))
    .sort();
}

/** What Pagefind reads of a page: the element marked data-pagefind-body, with its nested tags. */
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

function urlOf(file: string): string {
  return "/" + file.replace(/(^|\/)index\.html$/, "$1");
}

/** Stable shard of a page: by a hash of its URL, so pages stay in their shard as the archive grows (until the shard count doubles). */
function shardOf(url: string, shards: number): number {
  return shards === 1 ? 0 : parseInt(contentKey(url).slice(0, 8), 16) % shards;
}

function bundleName(shard: number): string {
  return shard === 0 ? "pagefind" : `pagefind-${shard}`;
}

/** The Pagefind service processes this process started (Linux /proc; none known elsewhere). */
function pagefindProcesses(): string[] {
  if (!existsSync("/proc/self/stat")) return [];
  return readdirSync("/proc").filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      return stat.includes("(pagefind") && Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === process.pid;
    } catch {
      return false; // gone meanwhile
    }
  });
}

/**
 * Pagefind's close() kills its service without waiting for it. Waiting until it is reaped makes its
 * CPU time and memory count as this process's children (wait4), where the benchmark reads them.
 */
async function reaped(pids: string[]): Promise<void> {
  for (let waited = 0; waited < 5000 && pids.some((pid) => existsSync(`/proc/${pid}`)); waited += 20) {
    await new Promise((r) => setTimeout(r, 20));
  }
}

function readManifest(siteDir: string | undefined): SearchManifest | null {
  if (!siteDir || !existsSync(join(siteDir, MANIFEST))) return null;
  try {
    return JSON.parse(readFileSync(join(siteDir, MANIFEST), "utf8")) as SearchManifest;
  } catch {
    return null;
  }
}

/**
 * Index the pages of siteDir. `previous` is the site this one replaces: its shards are reused
 * where their pages are unchanged.
 */
export async function writeSearchIndex(siteDir: string, opts: { previous?: string; shardPages?: number } = {}): Promise<SearchIndexResult> {
  const pages: Page[] = [];
  for (const file of htmlFiles(siteDir)) {
    const html = readFileSync(join(siteDir, file), "utf8");
    const part = indexedPart(html);
    if (part === null) continue; // pages without data-pagefind-body are not searched
    const url = urlOf(file);
    pages.push({ file, url, digest: contentKey(url, part) }); // the HTML is read again only if its shard is indexed
  }
  const shardCount = 2 ** Math.max(0, Math.ceil(Math.log2(pages.length / (opts.shardPages ?? SHARD_PAGES))));
  const shards: Page[][] = Array.from({ length: shardCount }, () => []);
  for (const p of pages) shards[shardOf(p.url, shardCount)]!.push(p);
  const digests = shards.map((s) => contentKey(...s.map((p) => p.digest)));

  const before = readManifest(opts.previous);
  let reused = 0;
  try {
    for (let n = 0; n < shardCount; n++) {
      const bundle = bundleName(n);
      const old = opts.previous ? join(opts.previous, bundle) : null;
      if (old && before?.bundles[n] === bundle && before.digests[n] === digests[n] && existsSync(old)) {
        // Rebuilt in place (npm start): the shard is already where it belongs.
        if (resolve(old) !== resolve(siteDir, bundle)) cpSync(old, join(siteDir, bundle), { recursive: true });
        reused++;
        continue;
      }
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`pagefind could not start: ${errors.join("; ")}`);
      const list = shards[n]!;
      for (let i = 0; i < list.length; i += IN_FLIGHT) {
        const batch = list.slice(i, i + IN_FLIGHT);
        const added = await Promise.all(batch.map((p) => index.addHTMLFile({ url: p.url, content: readFileSync(join(siteDir, p.file), "utf8") })));
        added.forEach((a, k) => {
          if (a.errors.length) throw new Error(`pagefind could not index ${batch[k]!.file}: ${a.errors.join("; ")}`);
        });
      }
      rmSync(join(siteDir, bundle), { recursive: true, force: true }); // no stale files of an earlier index in place
      const written = await index.writeFiles({ outputPath: join(siteDir, bundle) });
      if (written.errors.length) throw new Error(`pagefind could not write its index: ${written.errors.join("; ")}`);
      await index.deleteIndex(); // frees the shard's memory in the Pagefind process before the next
    }
  } finally {
    const children = pagefindProcesses();
    await pagefind.close();
    await reaped(children);
  }
  const bundles = shards.map((_, n) => bundleName(n));
  const searchable = bundles.filter((_, n) => shards[n]!.length > 0);
  const manifest: SearchManifest = { bundles, digests, pages: pages.length, searchable };
  writeFileSync(join(siteDir, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
  return { pages: pages.length, shards: shardCount, reused };
}
