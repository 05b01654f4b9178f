/**
 * The search index reads each article page once for what it searches, and holds those parts only
 * up to a limit: past it, a shard's pages are read again when it is written. Both ways must give
 * the same bundles.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST, writeSearchIndex, type IndexedPage } from "../../src/build/search-index.ts";
import { fragmentIds } from "../../src/build/pagefind-bundle.ts";

const words = ["harbour", "treaty", "glacier", "orchard", "lantern", "meadow"];

function pagesIn(site: string): IndexedPage[] {
  return words.map((word, i) => {
    const output = `articles/${word}/index.html`;
    mkdirSync(join(site, "articles", word), { recursive: true });
    const body = `<main data-pagefind-body><h1>The ${word} report</h1><p>Report ${i} tells of the ${word} and nothing else.</p></main>`;
    writeFileSync(join(site, output), `<!DOCTYPE html><html lang="en"><head><title>${word}</title></head><body><nav>Home</nav>${body}<footer>footer</footer></body></html>`);
    return { url: `/articles/${word}/`, output };
  });
}

async function indexWith(heldPartChars: number | undefined) {
  const pages = mkdtempSync(join(tmpdir(), "search-pages-"));
  const site = mkdtempSync(join(tmpdir(), "search-site-"));
  const list = pagesIn(pages);
  const reads = new Map<string, number>();
  const read = (output: string) => {
    reads.set(output, (reads.get(output) ?? 0) + 1);
    return readFileSync(join(pages, output), "utf8");
  };
  const result = await writeSearchIndex(site, { pages: list, read, shardPages: 2, heldPartChars });
  const ids = Object.fromEntries(result.bundles.map((b) => [b, fragmentIds(join(site, b))]));
  return { result, reads: [...reads.values()], ids, manifest: readFileSync(join(site, MANIFEST), "utf8") };
}

describe("the search index's reading of the pages", () => {
  it("gives the same bundles whether it holds what it searches of each page or reads the pages again", async () => {
    const held = await indexWith(undefined);
    const reread = await indexWith(0);
    expect(held.result.shards).toBeGreaterThan(1);
    expect(held.reads).toEqual(words.map(() => 1));
    expect(reread.reads).toEqual(words.map(() => 2));
    expect(reread.result.digests).toEqual(held.result.digests);
    expect(reread.ids).toEqual(held.ids);
    expect(reread.manifest).toBe(held.manifest);
    const indexed = Object.values(held.ids).flatMap((ids) => Object.keys(ids)).sort();
    expect(indexed).toEqual(words.map((w) => `/articles/${w}/`).sort());
  });
});
