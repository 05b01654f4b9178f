import fc from "fast-check";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chunkCount } from "../../src/build/render-pages.ts";
import { readChunkFile, writeChunkFile } from "../../src/build/chunk-file.ts";
import { buildSiteData } from "../../src/build/site-data.ts";
import { COLLECTIONS, type PageSelection } from "../../src/build/render-plan.ts";
import { generatedArticles } from "../helpers/generated-articles.ts";

describe("splitting a full render into chunks for the Eleventy processes", () => {
  it("keeps every chunk within the most a process renders, in a number of chunks the lanes share evenly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300_000 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 8 }), (pages, most, lanes) => {
        const chunks = chunkCount(pages, most, lanes);
        // Pages dealt out in turn: the largest chunk has ceil(pages / chunks), and none is empty.
        expect(Math.ceil(pages / chunks)).toBeLessThanOrEqual(most);
        expect(chunks).toBeLessThanOrEqual(pages);
        // As few as that allows, rounded up to a multiple of the lanes (unless there are fewer pages).
        if (chunks < pages) expect(chunks % lanes).toBe(0);
        expect(chunks - lanes).toBeLessThan(Math.ceil(pages / most));
      }),
    );
  });

  it("gives two cores four chunks of about 3,167 pages for 12,666, not three of at most 4,000", () => {
    expect(chunkCount(12_666, 4000, 2)).toBe(4);
    expect(chunkCount(8000, 4000, 2)).toBe(2);
    expect(chunkCount(3, 1, 2)).toBe(3);
  });
});

describe("a chunk's file for its Eleventy process", () => {
  const dir = mkdtempSync(join(tmpdir(), "render-chunk-json-"));
  const file = join(dir, "0.json");

  it("reads back as the pages it was written from", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("articles", "months", "entities", "timelinePages"), fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined)), { maxLength: 6 })), (pages) => {
        writeChunkFile(file, pages as unknown as PageSelection);
        expect(readChunkFile(file)).toEqual(JSON.parse(JSON.stringify(pages)));
      }),
    );
  });

  it("holds an article's HTML read from the spool through its getter", () => {
    const article = { slug: "a", html: "" };
    Object.defineProperty(article, "html", { get: () => "<p>Лавров — ✓</p>", enumerable: true });
    writeChunkFile(file, { articles: [article] } as unknown as PageSelection);
    expect(readChunkFile(file)).toEqual({ articles: [{ slug: "a", html: "<p>Лавров — ✓</p>" }] });
  });

  it("holds each article's card once, and reads back the site's pages as they were, each card one object", () => {
    const data = buildSiteData(generatedArticles(3, 120));
    const pages = Object.fromEntries(COLLECTIONS.map((c) => [c, data[c]])) as PageSelection;
    writeChunkFile(file, pages);

    const text = readFileSync(file, "utf8");
    const firstCard = data.months[0]!.articles[0]!;
    const times = (needle: string) => text.split(needle).length - 1;
    // A card is on its month, its people, places and source, the timeline: in the file once.
    expect(times(JSON.stringify(firstCard))).toBe(1);
    expect(text.length).toBeLessThan(0.7 * JSON.stringify(pages).length); // 0.58 for these 120

    const read = readChunkFile(file);
    expect(read).toEqual(JSON.parse(JSON.stringify(pages)));
    const month = (read.months as typeof data.months)[0]!;
    const person = (read.entities as typeof data.entities).find((e) => e.articles.some((c) => c.url === firstCard.url))!;
    expect(person.articles.find((c) => c.url === firstCard.url)).toBe(month.articles[0]);
    // A related article's card is its card and the names it shares.
    const withRelated = data.articles.find((a) => a.related.length > 0)!;
    const readBack = (read.articles as typeof data.articles).find((a) => a.slug === withRelated.slug)!;
    expect(readBack.related).toEqual(withRelated.related);
  });
});
