/**
 * Ingest through the cache that prepareIngest fills on worker threads: the same records as an
 * ingest that normalises every file itself, and a second run answered from the cache.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generator } from "../../src/bench/generate.ts";
import { prepareIngest } from "../../src/build/ingest-cache.ts";
import { renderBodies, renderMarkdown } from "../../src/build/render-body.ts";
import { runIngest } from "../../src/cli/ingest.ts";
import { readRawFolder } from "../../src/ingest/store.ts";
import { ingestArchive } from "../../src/ingest/archive.ts";
import { loadRegistries } from "../../src/registry.ts";
import type { IngestReport } from "../../src/ingest/report.ts";
import { parseRecordFile } from "../../src/record-file.ts";
import { keepCacheDir } from "../helpers/paths.ts";

const work = mkdtempSync(join(tmpdir(), "prepared-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const raw = join(work, "raw");
mkdirSync(raw);
const gen = generator(loadRegistries(), 11);
for (let i = 0; i < 240; i++) {
  const a = gen.article(i);
  writeFileSync(join(raw, a.name), a.text);
}

const records = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((n) => [n, readFileSync(join(dir, n), "utf8")]));

async function ingest(output: string, cache: string, prepared: boolean) {
  process.env["ARCHIVE_CACHE_DIR"] = cache;
  const files = readRawFolder(output, raw);
  const prep = prepared ? await prepareIngest(files) : null;
  const code = runIngest({ input: raw, output, files, normaliser: prep?.normaliser, reportFile: null, quiet: true });
  return { code, normalised: prep?.normalised ?? 0, cached: prep?.cached ?? 0 };
}

describe("an ingest prepared on worker threads", () => {
  it("writes the same records as one that normalises each file itself, then answers from its cache", async () => {
    const restore = keepCacheDir();
    try {
      const first = await ingest(join(work, "prepared"), join(work, "cache-a"), true);
      expect(first).toEqual({ code: 0, normalised: 240, cached: 0 });
      await ingest(join(work, "plain"), join(work, "cache-b"), false);
      // Each body was rendered from its tree, on the workers or not: the build finds them all
      // cached, as remark makes them from the records.
      const bodies = Object.entries(records(join(work, "prepared"))).filter(([n]) => n.endsWith(".md")).map(([, text]) => parseRecordFile(text).body);
      for (const cache of ["cache-a", "cache-b"]) {
        const { html, stats } = await renderBodies(bodies, { cacheRoot: join(work, cache) });
        expect(stats, cache).toEqual({ rendered: 0, cached: 240 });
        expect(html).toEqual(bodies.map((b) => renderMarkdown(b)));
      }
      expect(records(join(work, "prepared"))).toEqual(records(join(work, "plain")));
      expect(Object.keys(records(join(work, "prepared")))).toHaveLength(240);

      const again = await ingest(join(work, "again"), join(work, "cache-a"), true);
      expect(again).toEqual({ code: 0, normalised: 0, cached: 240 });
      expect(records(join(work, "again"))).toEqual(records(join(work, "plain")));
    } finally {
      restore();
    }
  }, 120_000);
});

describe("raw files read as the ingest needs them", () => {
  it("refuses a file removed after the folder was read, with why, and ingests one rewritten meanwhile as it now reads", async () => {
    const restore = keepCacheDir(join(work, "cache-lazy"));
    try {
      const dir = join(work, "lazy");
      cpSync(raw, join(dir, "raw"), { recursive: true });
      const files = readRawFolder(dir);
      const [gone, rewritten] = readdirSync(join(dir, "raw")).sort();
      rmSync(join(dir, "raw", gone!));
      writeFileSync(join(dir, "raw", rewritten!), gen.article(1000).text);

      const prep = await prepareIngest(files);
      expect(prep.normalised).toBe(239); // on the workers: every file but the one removed
      const reportFile = join(work, "lazy-report.json");
      expect(runIngest({ input: join(dir, "raw"), output: dir, files, normaliser: prep.normaliser, reportFile, quiet: true })).toBe(1);
      const report = JSON.parse(readFileSync(reportFile, "utf8")) as IngestReport;
      expect(report.refused).toEqual([expect.objectContaining({ raw: `raw/${gone}`, reason: "it could not be read (ENOENT)" })]);
      const written = readdirSync(dir)
        .filter((n) => n.endsWith(".md"))
        .map((n) => parseRecordFile(readFileSync(join(dir, n), "utf8")).data);
      expect(written).toHaveLength(239);
      const fresh = written.find((d) => d["raw"] === `raw/${rewritten}`);
      const titleOf = (bytes: Uint8Array) => ingestArchive([{ path: `raw/${rewritten}`, bytes }], loadRegistries()).articles[0]!.record.title;
      expect(fresh?.["title"]).toBe(titleOf(new TextEncoder().encode(gen.article(1000).text)));
      expect(fresh?.["title"]).not.toBe(titleOf(readFileSync(join(raw, rewritten!))));
    } finally {
      restore();
    }
  }, 120_000);
});

describe("a second ingest over its own records", () => {
  it("leaves the records as they are, and writes a removed one again byte for byte, from what it cached of the first", () => {
    const restore = keepCacheDir(join(work, "cache-again"));
    try {
      const dir = join(work, "twice");
      const reportFile = join(work, "twice-report.json");
      const outcomes = () => (JSON.parse(readFileSync(reportFile, "utf8")) as IngestReport).articles.map((a) => a.outcome);
      expect(runIngest({ input: raw, output: dir, reportFile, quiet: true })).toBe(0);
      const first = records(dir);
      const [removed] = Object.keys(first).filter((n) => n.endsWith(".md"));
      rmSync(join(dir, removed!));

      expect(runIngest({ input: raw, output: dir, reportFile, quiet: true })).toBe(0);
      expect(outcomes().filter((o) => o !== "unchanged")).toEqual(["created"]);
      expect(records(dir)).toEqual(first);
    } finally {
      restore();
    }
  }, 120_000);
});
