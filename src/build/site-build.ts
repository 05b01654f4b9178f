/**
 * A whole build: records checked, Eleventy rendering into a fresh folder, Pagefind indexing it,
 * and the folder swapped in only when every step succeeded: a failed build leaves the last good site.
 */
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
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

export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
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
    const { pages: indexed } = await stage("index", () => writeSearchIndex(staging, { previous: out }), (r) => ({ ...r }));
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
