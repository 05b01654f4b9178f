/**
 * A build: records checked, the pages that changed rendered by Eleventy into a fresh folder, the
 * search shards that hold them indexed by Pagefind, and the result put into place only when every
 * step succeeded: a failed build leaves the last good site.
 *
 * The site's build-manifest.json says what each page was made from. A build with the same renderer
 * renders only the pages whose data changed (an edited article, its neighbours, the lists and pages
 * that show it) and the pages that show the whole archive, and moves them over their old copies;
 * otherwise (first build, new templates, most pages changed) it renders everything into a new
 * folder and swaps it in.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { formatProblem } from "./load-records.ts";
import { forgetSiteData, prepareSiteData, type SiteData } from "./site-data.ts";
import { cacheRoot } from "./cache.ts";
import { readManifest, writeSearchIndex } from "./search-index.ts";
import { stage, writeTimings } from "./stages.ts";
import { plannedPages, rendererVersion } from "./render-plan.ts";
import { prepareRender, renderPages } from "./render-pages.ts";
import { copyStatic, rawFiles, staleStatics, staticFiles } from "./static-files.ts";
import { readSiteManifest, writeSiteManifest, type SiteManifest } from "./site-manifest.ts";
import { applyChanges, swapIn } from "./site-commit.ts";
import { projectRoot } from "./project-root.ts";

export interface BuildOptions {
  articlesDir: string;
  outDir: string;
  pathPrefix?: string;
  quiet?: boolean;
  /** Most article pages in one search index bundle (default SHARD_PAGES); tests set it low to get several. */
  searchShardPages?: number;
  /** Most edited pages the search keeps in its delta bundle before indexing their shards again (default DELTA_PAGES). */
  searchDeltaPages?: number;
  /** Most paginated pages one Eleventy process renders (default CHUNK_PAGES); tests set it low to get several. */
  renderChunkPages?: number;
  /** Render every page even where the previous build's pages could stay, and index the search without a delta. */
  full?: boolean;
  /**
   * The record files (absolute paths) that may have changed since this process's last build, when
   * a watcher that ran through that build knows them (npm start): the others are not looked at.
   */
  changedRecords?: ReadonlySet<string>;
  /** The same for the raw files (under raw/), which the site copies. */
  changedRaw?: ReadonlySet<string>;
}

export interface BuildResult {
  ok: boolean;
  errors: string[];
  articles: number;
  pages: number;
  indexed: number;
  /** "full": every page rendered into a new folder; "incremental": only the changed pages, moved into place. */
  mode: "full" | "incremental";
  /** Pages rendered by this build. */
  rendered: number;
  /** Search shards indexed by this build (the others were kept as they were). */
  reindexed: number;
  /** Pages and files taken away because their article, person or month is gone. */
  removed: number;
  /** Events of two or more reports. */
  events: number;
  /** The events grouping with the evidence for each, for an editor to check (src/events/); null when the records were refused. */
  eventsReport: string | null;
}

const root = projectRoot;

/**
 * Why a folder must not be the build's output: the build replaces its output folder whole, so it
 * must not hold the project, the current folder or the records, nor be something else that exists.
 */
export function outDirProblem(outDir: string, articlesDir: string): string | null {
  const out = resolve(outDir);
  const holds = (dir: string) => dir === out || dir.startsWith(out.endsWith(sep) ? out : out + sep);
  const kept: [string, string][] = [[root, "the project"], [process.cwd(), "the current folder"], [resolve(articlesDir), "the articles"]];
  for (const [dir, what] of kept) {
    if (holds(dir)) return `the output folder ${outDir} holds ${what}, and a build replaces its output folder whole: choose a folder of its own, e.g. _site`;
  }
  if (!existsSync(out)) return null;
  if (!statSync(out).isDirectory()) return `the output folder ${outDir} is a file: choose a folder, e.g. _site`;
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes("index.html")) {
    return `the output folder ${outDir} exists and is not a built site (it has no index.html); a build replaces its output folder whole: remove it or choose another`;
  }
  return null;
}

/** Above this share of changed pages, rendering everything into a new folder is the quicker way. */
const INCREMENTAL_SHARE = 0.5;

/** The events grouping and its evidence, written beside the build's cache. */
function writeEventsReport(data: SiteData): string {
  mkdirSync(cacheRoot(), { recursive: true });
  const file = join(cacheRoot(), "events-report.json");
  writeFileSync(file, `${JSON.stringify(data.eventsReport, null, 2)}\n`);
  return file;
}

function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".html")).map((f) => f.split(sep).join("/"));
}

export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
  const refused = (error: string): BuildResult => ({ ok: false, errors: [error], articles: 0, pages: 0, indexed: 0, mode: "full", rendered: 0, reindexed: 0, removed: 0, events: 0, eventsReport: null });
  if (!existsSync(opts.articlesDir)) return refused(`there is no articles folder at ${opts.articlesDir}: give --articles the folder that holds the records`);
  const outProblem = outDirProblem(opts.outDir, opts.articlesDir);
  if (outProblem) return refused(outProblem);
  const articlesDir = resolve(opts.articlesDir);
  process.env["ARCHIVE_ARTICLES"] = articlesDir;
  forgetSiteData();
  // Let go once the pages are ready to render: they need little of it, and at 100,000 articles it is gigabytes.
  const raw = rawFiles(join(articlesDir, "raw"));
  let data: SiteData | undefined = await stage("data", () => prepareSiteData(articlesDir, { raw, changedRecords: opts.changedRecords }), (d) => ({ articles: d.articles.length }));
  if (data.problems.length) return { ...refused(""), errors: data.problems.map(formatProblem) };
  const articles = data.articles.length;
  const events = data.events.length;
  const eventsReport = writeEventsReport(data);

  const out = resolve(opts.outDir);
  const pathPrefix = opts.pathPrefix ?? "/";
  const renderer = rendererVersion(root, { pathPrefix, title: process.env["ARCHIVE_TITLE"] ?? "", url: process.env["ARCHIVE_URL"] ?? "" });
  const planned = plannedPages(data, renderer);
  const statics = staticFiles(join(root, "public"), raw);
  const before = opts.full ? null : readSiteManifest(out);
  const changed = before?.renderer === renderer ? planned.filter((p) => before.pages[p.output] !== p.fingerprint) : planned;
  const mode = before && changed.length <= planned.length * INCREMENTAL_SHARE ? "incremental" : "full";

  const staging = `${out}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const toRender = mode === "full" ? planned : changed;
    await stage(
      "render",
      () => {
        const work = prepareRender(staging, data!, toRender, opts.renderChunkPages);
        data = undefined; // the pages render from `work`
        return renderPages(work, pathPrefix);
      },
      () => ({ pages: toRender.length }),
    );
    forgetSiteData();
    const renderedFiles = new Set(htmlFiles(staging));
    const outputs = new Set(planned.map((p) => p.output));
    const singles = [...renderedFiles].filter((f) => !outputs.has(f)).length;
    for (const f of mode === "full" ? statics : staleStatics(statics, out, opts.changedRaw)) copyStatic(f, staging);

    const articlePages = planned.filter((p) => p.collection === "articles").map((p) => ({ url: p.url, output: p.output }));
    const rerendered = new Set(toRender.map((p) => p.url));
    const known = mode === "incremental" ? Object.fromEntries(Object.entries(before!.indexed ?? {}).filter(([url]) => !rerendered.has(url))) : undefined;
    const searchBefore = readManifest(out);
    const search = await stage(
      "index",
      () =>
        writeSearchIndex(staging, {
          pages: articlePages,
          read: (output) => readFileSync(join(renderedFiles.has(output) ? staging : out, output), "utf8"),
          previous: existsSync(out) ? out : undefined,
          knownDigests: known,
          shardPages: opts.searchShardPages,
          deltaPages: opts.full ? 0 : opts.searchDeltaPages,
          reuse: mode === "full" ? "copy" : "keep",
        }),
      (r) => ({ pages: r.pages, shards: r.shards, reused: r.reused }),
    );
    const manifest: SiteManifest = {
      renderer,
      pages: Object.fromEntries(planned.map((p) => [p.output, p.fingerprint])),
      statics: statics.map((f) => f.output),
      indexed: search.digests,
    };
    writeSiteManifest(staging, manifest);

    let removed = 0;
    if (mode === "full") swapIn(staging, out);
    else {
      const staticOutputs = new Set(manifest.statics);
      const gone = [
        ...Object.keys(before!.pages).filter((o) => !outputs.has(o)),
        ...before!.statics.filter((o) => !staticOutputs.has(o)),
        ...(searchBefore?.bundles ?? []).filter((b) => !search.bundles.includes(b)),
      ];
      removed = gone.length;
      applyChanges(staging, out, gone, new Set(search.written));
    }
    writeTimings();
    return { ok: true, errors: [], articles, pages: planned.length + singles, indexed: search.pages, mode, rendered: renderedFiles.size, reindexed: search.written.length, removed, events, eventsReport };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    return { ...refused(`build failed: ${(error as Error).message}`), articles };
  }
}
