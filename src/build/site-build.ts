/**
 * A whole build: records checked, Eleventy rendering into a fresh folder, Pagefind indexing it,
 * and the folder swapped in only when every step succeeded: a failed build leaves the last good site.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";
import { formatProblem } from "./load-records.ts";
import { forgetSiteData, prepareSiteData } from "./site-data.ts";
import { writeSearchIndex } from "./search-index.ts";
import { stage, writeTimings } from "./stages.ts";
import { installNunjucksCompileCache } from "./nunjucks-compile-cache.ts";

export interface BuildOptions {
  articlesDir: string;
  outDir: string;
  pathPrefix?: string;
  quiet?: boolean;
  /** Most article pages in one search index bundle (default SHARD_PAGES); tests set it low to get several. */
  searchShardPages?: number;
}

export interface BuildResult {
  ok: boolean;
  errors: string[];
  articles: number;
  pages: number;
  indexed: number;
}

const root = resolve(dirname(new URL(import.meta.url).pathname), "../..");

let tsLoader: Promise<unknown> | null = null;

/** Eleventy imports .eleventy.ts itself: TypeScript must load in whatever process runs the build (tsx, vitest, node). */
function ensureTypeScriptLoader(): Promise<unknown> {
  tsLoader ??= import("tsx/esm/api").then((m) => m.register());
  return tsLoader;
}

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

export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
  const refused = (error: string): BuildResult => ({ ok: false, errors: [error], articles: 0, pages: 0, indexed: 0 });
  if (!existsSync(opts.articlesDir)) return refused(`there is no articles folder at ${opts.articlesDir}: give --articles the folder that holds the records`);
  const outProblem = outDirProblem(opts.outDir, opts.articlesDir);
  if (outProblem) return refused(outProblem);
  process.env["ARCHIVE_ARTICLES"] = resolve(opts.articlesDir);
  forgetSiteData();
  const data = await stage("data", () => prepareSiteData(process.env["ARCHIVE_ARTICLES"]!), (d) => ({ articles: d.articles.length }));
  if (data.problems.length) {
    return { ok: false, errors: data.problems.map(formatProblem), articles: 0, pages: 0, indexed: 0 };
  }
  const out = resolve(opts.outDir);
  const staging = `${out}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    await ensureTypeScriptLoader();
    installNunjucksCompileCache();
    const { Eleventy } = await import("@11ty/eleventy");
    const eleventy = new Eleventy(resolve(root, "templates"), staging, {
      configPath: resolve(root, ".eleventy.ts"),
      pathPrefix: opts.pathPrefix ?? "/",
      quietMode: true,
    });
    await stage("render", () => eleventy.write());
    const pages = readdirSync(staging, { recursive: true }).filter((f) => String(f).endsWith(".html")).length;
    // The current site is the previous build: its search shards are reused where nothing in them changed.
    const { pages: indexed } = await stage("index", () => writeSearchIndex(staging, { previous: out, shardPages: opts.searchShardPages }), (r) => ({ ...r }));
    writeTimings();
    const old = `${out}.old-${process.pid}`;
    rmSync(old, { recursive: true, force: true });
    if (existsSync(out)) renameSync(out, old);
    try {
      renameSync(staging, out);
    } catch (error) {
      if (existsSync(old)) renameSync(old, out); // the last good site goes back
      throw error;
    }
    rmSync(old, { recursive: true, force: true });
    return { ok: true, errors: [], articles: data.articles.length, pages, indexed };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    return { ok: false, errors: [`build failed: ${(error as Error).message}`], articles: data.articles.length, pages: 0, indexed: 0 };
  }
}
