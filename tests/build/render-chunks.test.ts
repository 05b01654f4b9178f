import fc from "fast-check";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chunkSize, writeJsonByItem } from "../../src/build/render-pages.ts";
import type { PageSelection } from "../../src/build/render-plan.ts";

describe("splitting a full render into chunks for the Eleventy processes", () => {
  it("keeps every chunk within the most a process renders, in a number of chunks the lanes share evenly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300_000 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 8 }), (pages, most, lanes) => {
        const size = chunkSize(pages, most, lanes);
        const chunks = Math.ceil(pages / size);
        expect(size).toBeGreaterThan(0);
        expect(size).toBeLessThanOrEqual(most);
        // Every lane renders the same number of chunks but for the last round, and no chunk is empty.
        expect(chunks).toBeLessThanOrEqual(Math.ceil(Math.ceil(pages / most) / lanes) * lanes);
        expect(pages - (chunks - 1) * size).toBeGreaterThan(0);
      }),
    );
  });

  it("gives two cores four chunks of 3,167 pages for 12,666, not three of at most 4,000", () => {
    expect(chunkSize(12_666, 4000, 2)).toBe(3167);
    expect(chunkSize(8000, 4000, 2)).toBe(4000);
  });
});

describe("a chunk's file for its Eleventy process", () => {
  const dir = mkdtempSync(join(tmpdir(), "render-chunk-json-"));
  const file = join(dir, "0.json");

  it("is written an item at a time, and is JSON.stringify of the chunk's pages, byte for byte", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("articles", "months", "entities", "timelinePages"), fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined)), { maxLength: 6 })), (pages) => {
        writeJsonByItem(file, pages as unknown as PageSelection);
        expect(readFileSync(file, "utf8")).toBe(JSON.stringify(pages));
      }),
    );
  });

  it("holds an article's HTML read from the spool through its getter", () => {
    const article = { slug: "a", html: "" };
    Object.defineProperty(article, "html", { get: () => "<p>Лавров — ✓</p>", enumerable: true });
    writeJsonByItem(file, { articles: [article] } as unknown as PageSelection);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ articles: [{ slug: "a", html: "<p>Лавров — ✓</p>" }] });
  });
});
