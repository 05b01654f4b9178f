/**
 * Smoke test on the shared real-news corpus, when it is there (it is not part of the repository and
 * is never copied into it): every file becomes a record or a refusal with a reason, and every date
 * that claims to be stated is read from words the text contains.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ingestArchive } from "../../src/ingest/archive.ts";
import { loadRegistries } from "../../src/registry.ts";
import { repoRoot } from "../helpers/paths.ts";

const corpus = process.env["CORPUS_DIR"] ?? resolve(repoRoot, "../shared/corpus/real-news");
const present = existsSync(corpus);

describe.skipIf(!present)("real-news corpus smoke test", () => {
  const names = present ? readdirSync(corpus).filter((n) => n.endsWith(".txt")).sort() : [];
  const files = names.map((n) => ({ path: `raw/${n}`, bytes: readFileSync(join(corpus, n)) }));
  const result = ingestArchive(files, loadRegistries());

  it("gives every file a record or a reason", () => {
    expect(result.articles.length + result.refused.length).toBe(files.length);
    for (const r of result.refused) expect(r.reason.length).toBeGreaterThan(20);
    expect(result.refused.some((r) => /policy page/.test(r.reason))).toBe(true);
  });

  it("gives every record a title and a body", () => {
    for (const a of result.articles) {
      expect(a.record.title.trim()).not.toBe("");
      expect(a.body.trim().length).toBeGreaterThan(200);
    }
  });

  it("reads every stated (not inferred) date from words in the text", () => {
    for (const a of result.articles) {
      const r = a.record;
      if (!r.date || r.date_basis === "inferred" || r.date_basis === "prefix") continue;
      const text = new TextDecoder().decode(files.find((f) => f.path === r.raw)!.bytes).replace(/\s+/g, " ");
      const first = (r.date_evidence ?? "").split(";")[0]!;
      expect(text).toContain(first);
    }
  });

  it("infers a date only from two or more named neighbours", () => {
    for (const a of result.articles.filter((x) => x.record.date_basis === "inferred")) {
      expect(a.record.date_confidence).toBe("low");
      expect(a.record.date_evidence ?? "").toMatch(/^(inferred from \d+ dated articles|")/);
    }
  });
});
