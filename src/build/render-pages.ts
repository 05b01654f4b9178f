/**
 * Rendering the site with Eleventy. A few pages to render (an edit) are one Eleventy run in this
 * process. Many (a full build) are split: the paginated pages go out in chunks, each rendered by
 * an Eleventy run of its own from a file holding only its pages' items, in one process per core,
 * while this process renders the pages that show the whole archive. One Eleventy run over every
 * page would hold them all at once and run out of memory between 30,000 and 50,000.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import type { SiteData } from "./site-data.ts";
import { selection, sitemapEntries, type PlannedPage } from "./render-plan.ts";
import { writeChunkFile } from "./chunk-file.ts";
import { setRenderInput, type RenderInput } from "./render-input.ts";
import { installNunjucksCompileCache } from "./nunjucks-compile-cache.ts";
import { projectRoot } from "./project-root.ts";
import { archiveSummary } from "./archive-summary.ts";

/** Paginated pages per Eleventy process; also the most a build renders in its own process. */
export const CHUNK_PAGES = 4000;

const root = projectRoot;

let tsLoader: Promise<unknown> | null = null;

/** Eleventy imports .eleventy.ts itself: TypeScript must load in whatever process runs the build (tsx, vitest, node). */
function ensureTypeScriptLoader(): Promise<unknown> {
  tsLoader ??= import("tsx/esm/api").then((m) => m.register());
  return tsLoader;
}

/** One Eleventy run in this process over `input`, into `dir`. */
export async function renderHere(dir: string, input: RenderInput, pathPrefix: string): Promise<void> {
  await ensureTypeScriptLoader();
  installNunjucksCompileCache();
  const { Eleventy } = await import("@11ty/eleventy");
  setRenderInput(input);
  try {
    const eleventy = new Eleventy(resolve(root, "templates"), dir, { configPath: resolve(root, ".eleventy.ts"), pathPrefix, quietMode: true });
    await eleventy.write();
  } finally {
    setRenderInput(null);
  }
}

/** Render chunk files one after another in a process of its own. */
function renderElsewhere(files: string[], dir: string, pathPrefix: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--expose-gc", join(root, "src/build/render-chunk.ts"), dir, pathPrefix, ...files], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", fail);
    child.once("exit", (code) => (code === 0 ? done() : fail(new Error(`rendering ${files.join(", ")} failed (exit ${code}): ${stderr.trim().slice(-2000)}`))));
  });
}

/**
 * Chunks for a render of `pages`: as few as keep each within `most` pages, in a number the lanes
 * share evenly. 13,000 pages as chunks of 4,000 on two cores leave a core idle while the short
 * fourth renders beside the third; four of 3,250 keep both busy to the end.
 */
export function chunkCount(pages: number, most: number, lanes: number): number {
  return Math.min(pages, Math.ceil(Math.ceil(pages / most) / lanes) * lanes);
}

/**
 * The `n`th of `count` chunks: every count-th page from the nth. Pages come in collections, and a
 * page of a person's articles holds five times the data of an article's page; dealt out in turn,
 * each chunk has its share of each kind, and the lanes end together.
 */
function everyNth<T>(pages: readonly T[], n: number, count: number): T[] {
  const chunk: T[] = [];
  for (let i = n; i < pages.length; i += count) chunk.push(pages[i]!);
  return chunk;
}

/**
 * A render made ready from the site data: what the pages that show the whole archive need of it,
 * and the paginated pages to render, in this process or, when many, in files for processes of
 * their own. The site data can go once it is made: at 100,000 articles it is gigabytes.
 */
export interface RenderWork {
  dir: string;
  here: RenderInput;
  /** Files of paginated pages, one per Eleventy process; none when this process renders them all. */
  chunks: string[];
  /** The folder of the files, removed when the render ends. */
  folder: string | null;
}

/** Make ready a render of the selected paginated pages, and of every page that is not paginated, into `dir`. */
export function prepareRender(dir: string, data: SiteData, pages: readonly PlannedPage[], chunkPages = CHUNK_PAGES): RenderWork {
  const few = pages.length <= chunkPages;
  const here: RenderInput = { archive: archiveSummary(data), pages: selection(data, few ? pages : []), sitemap: sitemapEntries(data) };
  if (few) return { dir, here, chunks: [], folder: null };
  const folder = `${dir}.chunks`;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  try {
    const count = chunkCount(pages.length, chunkPages, availableParallelism());
    const chunks: string[] = [];
    for (let n = 0; n < count; n++) {
      const file = join(folder, `${n}.json`);
      writeChunkFile(file, selection(data, everyNth(pages, n, count)));
      chunks.push(file);
    }
    return { dir, here, chunks, folder };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Render what prepareRender made ready: the chunks on every core, the rest in this process beside
 * them. Each core's lane is one process that renders every lane-th chunk (the chunks are dealt
 * alike, so the lanes end together).
 */
export async function renderPages(work: RenderWork, pathPrefix: string): Promise<void> {
  const { dir, chunks } = work;
  try {
    const lanes = Math.min(availableParallelism(), chunks.length);
    const laneChunks = Array.from({ length: lanes }, (_, lane) => everyNth(chunks, lane, lanes));
    await Promise.all([...laneChunks.map((files) => renderElsewhere(files, dir, pathPrefix)), renderHere(dir, work.here, pathPrefix)]);
  } finally {
    if (work.folder) rmSync(work.folder, { recursive: true, force: true });
  }
}
