import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBench, type BenchResult } from "../../src/bench/run.ts";
import { generator, UNDATED_EVERY } from "../../src/bench/generate.ts";
import { parseRecordFile } from "../../src/record-file.ts";
import { loadRegistries } from "../../src/registry.ts";

// A small benchmark run, end to end: it checks that the bench works and counts right, not speed.
const N = 50;
let work: string;
let result: BenchResult;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "bench-test-"));
  result = await runBench({ articles: N, workDir: work, payload: false });
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the benchmark at 50 articles", () => {
  it("generates N raw files, deterministically from the seed", () => {
    expect(readdirSync(join(work, "archive", "raw"))).toHaveLength(N);
    const a = generator(loadRegistries(), 7).article(3);
    const b = generator(loadRegistries(), 7).article(3);
    expect(a).toEqual(b);
    expect(generator(loadRegistries(), 8).article(3).text).not.toBe(a.text);
  });

  it("ingests every generated article into a record", () => {
    expect(result.ingested + result.refused).toBe(N);
    expect(result.refused).toBe(0);
    expect(readdirSync(join(work, "archive")).filter((n) => n.endsWith(".md"))).toHaveLength(N);
  });

  it("has scrapes without a date, which the ingest leaves to the archive", () => {
    const records = readdirSync(join(work, "archive"))
      .filter((n) => n.endsWith(".md"))
      .map((n) => parseRecordFile(readFileSync(join(work, "archive", n), "utf8")).data);
    const undated = records.filter((r) => Number(String(r["raw"]).slice(4, 10)) % UNDATED_EVERY === UNDATED_EVERY - 1);
    expect(undated).toHaveLength(Math.floor(N / UNDATED_EVERY));
    for (const r of undated) expect(["inferred", "unknown"]).toContain(r["date_basis"]);
    expect(records.filter((r) => r["date_basis"] === "unknown" || r["date_basis"] === "inferred")).toHaveLength(undated.length);
  });

  it("writes one page per article and indexes each for search", () => {
    expect(readdirSync(join(work, "site", "articles"))).toHaveLength(N);
    expect(result.archive.indexed).toBe(N);
    expect(result.archive.stages.map((s) => s.stage)).toEqual(["data", "render", "index"]);
  });

  it("builds the peer over the same articles and compares the two", () => {
    expect(readdirSync(join(work, "peer", "site", "articles"))).toHaveLength(N);
    expect(result.peer!.indexed).toBeGreaterThanOrEqual(N);
    expect(result.peer!.failed).toBeNull();
    expect(result.ratio).toBeGreaterThan(0);
  });

  it("brings an edited title to every page that showed the old one", () => {
    expect(result.edit!.pagesWithOldTitle).toBe(0);
    expect(result.edit!.pagesWithNewTitle).toBeGreaterThan(1);
  });

  it("times five edits while npm start serves the site, and the served pages show them", () => {
    expect(result.edit!.serve.shown).toBe(true);
    expect(result.edit!.serve.samples).toHaveLength(5);
    expect(result.edit!.serve.wallMs).toBeGreaterThan(0);
  });
});
