/**
 * A build over a site it built before renders only the pages a change affects, and the site it
 * leaves is the one a full build of the same records gives: byte for byte outside the search index,
 * whose shards stay as they were while a delta bundle holds the edited pages and hides their old
 * versions, until the edits outgrow it and the shards are indexed again as a full build indexes them:
 * an edited title is on every page that shows the article, a removed article leaves no page
 * behind, and a build that fails leaves the site as it was.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildResult } from "../../src/build/site-build.ts";
import { runIngest } from "../../src/cli/ingest.ts";
import { writeArchive } from "../../src/bench/generate.ts";
import { loadRegistries } from "../../src/registry.ts";

const ARTICLES = 60;
const SHARD_PAGES = 16; // several search shards, so that an edit can leave most of them alone

/** The search index's files: after an edit they hold a delta bundle a full build has not, so they are compared by what they find. */
const isSearchFile = (path: string) => /^pagefind[^/]*\//.test(path) || path === "search-indexes.json" || path === "search-pages.json";

function snapshot(dir: string, search = true): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const path = join(f.parentPath, f.name).slice(dir.length + 1);
    if (!search && isSearchFile(path)) continue;
    out[path] = createHash("sha256").update(readFileSync(join(dir, path))).digest("hex");
  }
  return out;
}

interface Indexed {
  digest: string;
  id: string;
}
interface SearchFiles {
  manifest: { bundles: string[]; searchable: string[]; hidden: Record<string, Record<string, string[]>> };
  state: { base: Record<string, Indexed>; delta: Record<string, Indexed> };
}

const searchFiles = (site: string): SearchFiles => ({
  manifest: JSON.parse(readFileSync(join(site, "search-indexes.json"), "utf8")) as SearchFiles["manifest"],
  state: JSON.parse(readFileSync(join(site, "search-pages.json"), "utf8")) as SearchFiles["state"],
});

/** The Pagefind ids a search can show: the shards' pages that are not hidden, and the delta's. Pagefind's ids are hashes of what it holds of a page. */
function visibleIds({ manifest, state }: SearchFiles): string[] {
  const base = Object.values(state.base).map((p) => p.id).filter((id) => !(id in manifest.hidden));
  return [...base, ...Object.values(state.delta).map((p) => p.id)].sort();
}

/** The incremental site is the full build's, byte for byte outside the search index, and its search shows the full build's pages. */
function expectSameSite(site: string, full: string): void {
  expect(snapshot(site, false)).toEqual(snapshot(full, false));
  expect(visibleIds(searchFiles(site))).toEqual(visibleIds(searchFiles(full)));
}

const htmlWith = (site: string, text: string) =>
  (readdirSync(site, { recursive: true }) as string[]).filter((f) => f.endsWith(".html") && readFileSync(join(site, f), "utf8").includes(text)).sort();

const build = (dir: string, full = false) => buildSite({ articlesDir: dir, outDir: join(dir, "_site"), searchShardPages: SHARD_PAGES, full });

/** The same records built from nothing in a folder of their own: what the incremental build must equal. */
async function fullBuildOf(dir: string): Promise<string> {
  const copy = mkdtempSync(join(tmpdir(), "incremental-full-"));
  cpSync(dir, copy, { recursive: true, filter: (src) => !src.startsWith(join(dir, "_site")) });
  const result = await build(copy, true);
  expect(result.errors).toEqual([]);
  return join(copy, "_site");
}

let dir: string;
let first: BuildResult;
const records = () => readdirSync(dir).filter((f) => f.endsWith(".md")).sort();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "incremental-"));
  writeArchive(dir, ARTICLES, loadRegistries(), 7);
  expect(runIngest({ input: join(dir, "raw"), output: dir, reportFile: null, quiet: true })).toBe(0);
  first = await build(dir);
  expect(first.errors).toEqual([]);
}, 120_000);

describe("a build over the site it built before", () => {
  it("renders everything the first time, and only the pages that list the whole archive when nothing changed", async () => {
    expect(first.mode).toBe("full");
    expect(first.rendered).toBe(first.pages);
    const before = snapshot(join(dir, "_site"));
    const again = await build(dir);
    expect(again.mode).toBe("incremental");
    expect(again.rendered).toBeLessThan(20);
    expect(snapshot(join(dir, "_site"))).toEqual(before);
  });

  it("puts an edited title on every page that shows the article, rendering a few of them, and equals a full build", async () => {
    const target = join(dir, records()[Math.floor(ARTICLES / 2)]!);
    const text = readFileSync(target, "utf8");
    const oldTitle = /^title: (.*)$/m.exec(text)![1]!.replace(/^(['"])(.*)\1$/, "$2");
    const newTitle = "Edited headline for the incremental build";
    const site = join(dir, "_site");
    const showing = htmlWith(site, oldTitle.replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/"/g, "&quot;"));
    expect(showing.length).toBeGreaterThan(3); // its page, its month, its people, its neighbours...
    const searchBefore = searchFiles(site);
    const shardsBefore = snapshot(site);
    writeFileSync(target, text.replace(/^title: .*$/m, `title: ${newTitle}`));

    const result = await build(dir);
    expect(result.errors).toEqual([]);
    expect(result.mode).toBe("incremental");
    expect(result.rendered).toBeLessThan(result.pages / 2);
    expect(htmlWith(site, newTitle)).toEqual(expect.arrayContaining(showing));
    expect(htmlWith(site, oldTitle)).toEqual([]);
    // The search: the shards stay as they were, the edited page is indexed into the delta, and its old version is hidden.
    const search = searchFiles(site);
    expect(search.manifest.bundles.length).toBeGreaterThan(2);
    expect(result.reindexed).toBe(1);
    expect(search.manifest.searchable.at(-1)).toBe("pagefind-delta");
    const url = `/articles/${/^slug: (.*)$/m.exec(text)![1]!.replace(/^(['"])(.*)\1$/, "$2")}/`;
    expect(Object.keys(search.state.delta)).toEqual([url]);
    expect(Object.keys(search.manifest.hidden)).toEqual([searchBefore.state.base[url]!.id]);
    expect(Object.values(search.manifest.hidden)[0]!["year"]).toEqual([expect.stringMatching(/^\d{4}$/)]); // the filters it was indexed with, to take off the counts
    const shardFiles = (snap: Record<string, string>) => Object.entries(snap).filter(([path]) => /^pagefind(-\d+)?\//.test(path));
    expect(shardFiles(snapshot(site))).toEqual(shardFiles(shardsBefore));
    expectSameSite(site, await fullBuildOf(dir));
  }, 120_000);

  it("indexes the shards again, as a full build does, when the edits outgrow the delta", async () => {
    const site = join(dir, "_site");
    const result = await buildSite({ articlesDir: dir, outDir: site, searchShardPages: SHARD_PAGES, searchDeltaPages: 0 });
    expect(result.errors).toEqual([]);
    expect(result.mode).toBe("incremental");
    expect(searchFiles(site).manifest.bundles).not.toContain("pagefind-delta");
    expect(existsSync(join(site, "pagefind-delta"))).toBe(false);
    expect(searchFiles(site).manifest.hidden).toEqual({});
    expect(snapshot(site)).toEqual(snapshot(await fullBuildOf(dir)));
  }, 120_000);

  it("takes a removed article's page away, with every link to it, and equals a full build", async () => {
    const gone = records()[3]!;
    const slug = gone.replace(/\.md$/, "");
    rmSync(join(dir, gone));
    const result = await build(dir);
    expect(result.errors).toEqual([]);
    expect(result.mode).toBe("incremental");
    expect(result.removed).toBeGreaterThanOrEqual(1);
    const site = join(dir, "_site");
    expect(readdirSync(join(site, "articles"))).not.toContain(slug);
    expect(htmlWith(site, `/articles/${slug}/`)).toEqual([]);
    const search = searchFiles(site);
    expect(Object.keys(search.state.delta)).toEqual([]);
    expect(Object.keys(search.manifest.hidden)).toEqual([search.state.base[`/articles/${slug}/`]!.id]);
    expectSameSite(site, await fullBuildOf(dir));
  }, 120_000);

  it("copies a changed raw scrape again and takes a removed one away, leaving the other copies as they were, and equals a full build", async () => {
    const site = join(dir, "_site");
    const raws = readdirSync(join(dir, "raw")).sort();
    const [changed, removed, kept] = [raws[0]!, raws[1]!, raws[2]!];
    const keptCopy = statSync(join(site, "raw", kept));
    writeFileSync(join(dir, "raw", changed), "The scrape as fetched again.\n");
    rmSync(join(dir, "raw", removed));
    const result = await build(dir);
    expect(result.errors).toEqual([]);
    expect(result.mode).toBe("incremental");
    expect(readFileSync(join(site, "raw", changed), "utf8")).toBe("The scrape as fetched again.\n");
    expect(existsSync(join(site, "raw", removed))).toBe(false);
    expect(statSync(join(site, "raw", kept)).ino).toBe(keptCopy.ino);
    expectSameSite(site, await fullBuildOf(dir));
  }, 120_000);

  it("leaves the site as it was when a record is broken, and names the record", async () => {
    const site = join(dir, "_site");
    const before = snapshot(site);
    const target = join(dir, records()[0]!);
    const text = readFileSync(target, "utf8");
    writeFileSync(target, text.replace(/^date: .*$/m, 'date: "the twelfth of never"'));
    const result = await build(dir);
    expect(result.ok).toBe(false);
    expect(result.errors.join("\n")).toContain(records()[0]!);
    expect(snapshot(site)).toEqual(before);
    writeFileSync(target, text);
  }, 120_000);

  it("gives the same site when a full build renders its pages in chunks, several to each process", async () => {
    const chunked = mkdtempSync(join(tmpdir(), "incremental-chunked-"));
    cpSync(dir, chunked, { recursive: true, filter: (src) => !src.startsWith(join(dir, "_site")) });
    const result = await buildSite({ articlesDir: chunked, outDir: join(chunked, "_site"), searchShardPages: SHARD_PAGES, renderChunkPages: 25 });
    expect(result.errors).toEqual([]);
    expect(result.pages).toBeGreaterThan(75); // three chunks and more
    expectSameSite(join(dir, "_site"), join(chunked, "_site"));
    // The pages that show the whole archive, rendered from its summary while the chunks render, count all of it.
    const undated = records().filter((f) => /^date: null$/m.test(readFileSync(join(dir, f), "utf8"))).length;
    const page = (file: string) => readFileSync(join(chunked, "_site", file), "utf8");
    expect(page("index.html")).toContain(`${records().length} articles from`);
    expect(page("archive/index.html")).toContain(`${records().length - undated} dated articles by year and month`);
    expect(page("archive/index.html")).toContain(undated ? `${undated} undated</a>` : "None: every article has a date.");
  }, 120_000);

  it("renders everything again when the renderer changes (here the path prefix)", async () => {
    const result = await buildSite({ articlesDir: dir, outDir: join(dir, "_site"), searchShardPages: SHARD_PAGES, pathPrefix: "/archive-test/" });
    expect(result.errors).toEqual([]);
    expect(result.mode).toBe("full");
    expect(readFileSync(join(dir, "_site", "index.html"), "utf8")).toContain('href="/archive-test/');
  }, 120_000);
});
