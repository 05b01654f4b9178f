/**
 * The benchmark run: a synthetic archive of N articles through the real pipeline (ingest, then the
 * build: data, render, search index), each as its own process and measured; the naive peer over
 * the same articles; the search payload; and a rebuild after one edited record.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadRegistries } from "../registry.ts";
import type { StageTiming } from "../build/stages.ts";
import { writeArchive } from "./generate.ts";
import { measure, type Measured } from "./measure.ts";
import { chromePath, searchPayloads, type Payload } from "./payload.ts";
import { writePeerProject } from "./peer.ts";
import { serveEdit, type ServeEdit } from "./serve-edit.ts";

/** Records edited one after another while npm start serves the site. */
const SERVE_EDITS = 5;

const root = resolve(import.meta.dirname, "../..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);

export interface Step {
  name: string;
  wallMs: number;
  cpuMs: number | null;
  peakRssMB: number | null;
}

export interface SiteSize {
  files: number;
  bytes: number;
  htmlPages: number;
}

export interface BenchResult {
  articles: number;
  seed: number;
  machine: { cores: number; node: string };
  generated: { files: number; bytes: number };
  ingested: number;
  refused: number;
  archive: { steps: Step[]; stages: StageTiming[]; totalWallMs: number; totalCpuMs: number | null; peakRssMB: number | null; site: SiteSize; indexed: number; shards: number };
  peer: { steps: Step[]; totalWallMs: number; totalCpuMs: number | null; peakRssMB: number | null; site: SiteSize; indexed: number; failed: string | null } | null;
  /** Full build wall time, archive / peer. */
  ratio: number | null;
  /** The same in CPU time (user + sys), less moved by other load on the machine. */
  cpuRatio: number | null;
  payload: { archive: Payload[] | null; peer: Payload[] | null };
  edit: {
    wallMs: number;
    cpuMs: number | null;
    peakRssMB: number | null;
    stages: StageTiming[];
    pagesWithNewTitle: number;
    pagesWithOldTitle: number;
    reusedShards: number;
    /** Another record edited while npm start serves the site: from its save to the site rebuilt. */
    serve: ServeEdit;
  } | null;
}

export interface BenchOptions {
  articles: number;
  seed?: number;
  workDir: string;
  peer?: boolean;
  payload?: boolean;
  edit?: boolean;
  queries?: string[];
  log?: (line: string) => void;
}

function siteSize(dir: string): SiteSize {
  let files = 0;
  let bytes = 0;
  let htmlPages = 0;
  if (!existsSync(dir)) return { files, bytes, htmlPages };
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const st = statSync(join(dir, f));
    if (!st.isFile()) continue;
    files++;
    bytes += st.size;
    if (f.endsWith(".html")) htmlPages++;
  }
  return { files, bytes, htmlPages };
}

const fmt = (ms: number | null) => (ms === null ? "–" : `${(ms / 1000).toFixed(1)} s`);

/** A peer step: its failure (out of memory at a size the archive handles) is a result, not the end of the run. */
function peerStep(name: string, m: Measured, log: (line: string) => void): { step: Step; failed: string | null } {
  try {
    return { step: step(name, m, log), failed: null };
  } catch {
    const last = m.stderr.trim().split("\n").slice(-3).join(" / ").slice(0, 400);
    return { step: { name, wallMs: m.wallMs, cpuMs: m.cpuMs, peakRssMB: m.peakRssMB }, failed: `${name} failed (exit ${m.exitCode}) after ${fmt(m.wallMs)}: ${last}` };
  }
}

/** A measured step, logged as it ends so that a run that fails later still shows what it measured. */
function step(name: string, m: Measured, log: (line: string) => void = () => {}): Step {
  log(`${name}: ${fmt(m.wallMs)} wall, ${fmt(m.cpuMs)} CPU, ${m.peakRssMB === null ? "–" : Math.round(m.peakRssMB)} MB peak, exit ${m.exitCode}`);
  if (m.exitCode !== 0) throw new Error(`${name} failed (exit ${m.exitCode}):\n${m.stderr.slice(-4000)}`);
  return { name, wallMs: m.wallMs, cpuMs: m.cpuMs, peakRssMB: m.peakRssMB };
}

const sum = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce<number>((a, b) => a + (b ?? 0), 0));
const max = (xs: (number | null)[]) => (xs.every((x) => x === null) ? null : Math.max(...xs.map((x) => x ?? 0)));

function readStages(file: string): StageTiming[] {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as StageTiming[]) : [];
}

/** Pages of the site whose text contains s (HTML-escaped as Nunjucks writes it). */
function pagesContaining(dir: string, s: string): number {
  const escaped = s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".html"))
    .filter((f) => readFileSync(join(dir, f), "utf8").includes(escaped)).length;
}

/**
 * The Node options an npm script sets (package.json), so that the bench times each step as it is
 * run: for the build, a heap above Node's default 4 GB (the site data of 100,000 articles needs
 * it) and a larger young generation (a build allocates fast, and collecting it in small steps took
 * a fifth of an edit's time). An empty string where the script sets none.
 */
export function scriptNodeOptions(script: "build" | "ingest"): string {
  const scripts = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  if (scripts[script] === undefined) throw new Error(`package.json has no ${script} script for the bench to time`);
  return /NODE_OPTIONS='([^']*)'/.exec(scripts[script])?.[1] ?? "";
}

export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const log = opts.log ?? (() => {});
  const seed = opts.seed ?? 1;
  const work = resolve(opts.workDir);
  const articles = join(work, "archive");
  const site = join(work, "site");
  const cache = join(work, "cache");
  const timings = join(work, "timings.json");
  const env = { ARCHIVE_CACHE_DIR: cache, BENCH_TIMINGS: timings, CI: "1", NODE_OPTIONS: scriptNodeOptions("build") };
  const tsx = bin("tsx");

  log(`generating ${opts.articles} raw articles`);
  const rawBytes = writeArchive(articles, opts.articles, loadRegistries(), seed);

  log("ingest");
  const reportFile = join(work, "ingest-report.json");
  const ingestEnv = { ...env, NODE_OPTIONS: scriptNodeOptions("ingest") };
  const ingest = await measure(tsx, [join(root, "src/cli/ingest.ts"), "--articles", articles, "--report", reportFile], { env: ingestEnv, cwd: root });
  step("ingest", { ...ingest, exitCode: ingest.exitCode === 1 ? 0 : ingest.exitCode }, log); // 1 = some files refused: reported, not fatal
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as { articles: unknown[]; refused: unknown[] };

  log("build (data, render, search index)");
  const build = step("build", await measure(tsx, [join(root, "src/cli/build.ts"), "--articles", articles, "--out", site, "--no-ingest"], { env, cwd: root }), log);
  const stages = readStages(timings);
  const indexStage = stages.find((s) => s.stage === "index");
  const steps = [{ name: "ingest", wallMs: ingest.wallMs, cpuMs: ingest.cpuMs, peakRssMB: ingest.peakRssMB }, build];
  const archive = {
    steps,
    stages,
    totalWallMs: ingest.wallMs + build.wallMs,
    totalCpuMs: sum([ingest.cpuMs, build.cpuMs]),
    peakRssMB: max([ingest.peakRssMB, build.peakRssMB]),
    site: siteSize(site),
    indexed: indexStage?.detail?.["pages"] ?? 0,
    shards: indexStage?.detail?.["shards"] ?? 0,
  };

  let peer: BenchResult["peer"] = null;
  if (opts.peer !== false) {
    log("peer: Eleventy over one Markdown file per article");
    const peerDir = join(work, "peer");
    writePeerProject(articles, peerDir);
    const eleventy = peerStep("eleventy", await measure(process.execPath, [join(root, "node_modules/@11ty/eleventy/cmd.cjs"), "--input=src", "--output=site", "--quiet"], { cwd: peerDir }), log);
    const steps = [eleventy.step];
    let failed = eleventy.failed;
    let indexed = 0;
    if (!failed) {
      log("peer: Pagefind CLI");
      const pf = await measure(bin("pagefind"), ["--site", "site"], { cwd: peerDir });
      const pfStep = peerStep("pagefind", pf, log);
      steps.push(pfStep.step);
      failed = pfStep.failed;
      indexed = Number(/Indexed (\d+) pages?/i.exec(pf.stdout)?.[1] ?? 0);
    }
    peer = {
      steps,
      totalWallMs: steps.reduce((a, st) => a + st.wallMs, 0),
      totalCpuMs: sum(steps.map((st) => st.cpuMs)),
      peakRssMB: max(steps.map((st) => st.peakRssMB)),
      site: siteSize(join(peerDir, "site")),
      indexed,
      failed,
    };
  }

  const queries = opts.queries ?? ["sanctions", "foreign minister talks"];
  let payload: BenchResult["payload"] = { archive: null, peer: null };
  if (opts.payload !== false && !existsSync(chromePath)) {
    log(`search payload: skipped, no Chromium at ${chromePath} (apt-get install -y chromium, or set CHROME_PATH)`);
  } else if (opts.payload !== false) {
    log("search payload (Chromium)");
    payload = { archive: await searchPayloads(site, queries), peer: peer && !peer.failed ? await searchPayloads(join(work, "peer", "site"), queries) : null };
  }

  let edit: BenchResult["edit"] = null;
  if (opts.edit !== false) {
    log("one edited record: rebuild");
    // The newest article: it is on the home page, in the feeds and in its neighbours' links.
    const dates = readdirSync(articles).filter((n) => n.endsWith(".md")).sort();
    const target = join(articles, dates[dates.length - 1]!);
    const text = readFileSync(target, "utf8");
    const oldTitle = /^title: (.*)$/m.exec(text)![1]!.replace(/^(['"])(.*)\1$/, "$2");
    const newTitle = `Edited headline ${seed}-${opts.articles} for the rebuild check`;
    writeFileSync(target, text.replace(/^title: .*$/m, `title: ${newTitle}`));
    rmSync(timings, { force: true });
    const rebuild = step("rebuild", await measure(tsx, [join(root, "src/cli/build.ts"), "--articles", articles, "--out", site], { env, cwd: root }), log);
    const rebuildStages = readStages(timings);
    edit = {
      wallMs: rebuild.wallMs,
      cpuMs: rebuild.cpuMs,
      peakRssMB: rebuild.peakRssMB,
      stages: rebuildStages,
      pagesWithNewTitle: pagesContaining(site, newTitle),
      pagesWithOldTitle: pagesContaining(site, oldTitle),
      reusedShards: rebuildStages.find((s) => s.stage === "index")?.detail?.["reused"] ?? 0,
      serve: { wallMs: 0, samples: [], shown: false },
    };
    log("one edited record: npm start");
    // Five other records, from across the archive, one after another.
    const records = Array.from({ length: SERVE_EDITS }, (_, k) => join(articles, dates[Math.floor((k * (dates.length - 1)) / SERVE_EDITS)]!));
    edit.serve = await serveEdit({ root, articles, site, records, newTitle: `Edited in npm start ${seed}-${opts.articles}`, env });
    log(`npm start: each edit is served after ${edit.serve.samples.map(fmt).join(", ")}`);
  }

  return {
    articles: opts.articles,
    seed,
    machine: { cores: (await import("node:os")).availableParallelism(), node: process.version },
    generated: { files: opts.articles, bytes: rawBytes },
    ingested: report.articles.length,
    refused: report.refused.length,
    archive,
    peer,
    ratio: peer && !peer.failed ? archive.totalWallMs / peer.totalWallMs : null,
    cpuRatio: peer && !peer.failed && archive.totalCpuMs !== null && peer.totalCpuMs ? archive.totalCpuMs / peer.totalCpuMs : null,
    payload,
    edit,
  };
}
