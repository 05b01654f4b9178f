/** Faults inside the ingest: a rule that throws on one file refuses that file, and the others go on. */
import { expect, it } from "vitest";
import { ingestArchive } from "../../src/ingest/archive.ts";
import { normalise } from "../../src/ingest/normalise.ts";
import { loadRegistries } from "../../src/registry.ts";
import { article } from "./article.ts";

it("refuses the file a rule throws on, naming the error, and ingests the others", () => {
  const files = ["a", "b", "c"].map((m) => ({ path: `raw/${m}.txt`, bytes: new TextEncoder().encode(article(m)) }));
  const throwsOnB: typeof normalise = (text, raw, registries) => {
    if (raw.path === "raw/b.txt") throw new RangeError("a rule broke");
    return normalise(text, raw, registries);
  };
  const result = ingestArchive(files, loadRegistries(), undefined, throwsOnB);
  expect(result.articles.map((a) => a.record.raw)).toEqual(["raw/a.txt", "raw/c.txt"]);
  expect(result.refused).toHaveLength(1);
  expect(result.refused[0]!.path).toBe("raw/b.txt");
  expect(result.refused[0]!.reason).toMatch(/failed on this file \(a rule broke\)/);
});
