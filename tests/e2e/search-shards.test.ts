/**
 * A large archive's search index is split into several Pagefind bundles, listed in
 * search-indexes.json, and the search page merges them. Here the five seeds are split one or two
 * articles a bundle, and every article must still be found by a word of its own and by shared words.
 * A bundle whose vocabulary lacks a word answers with its closest prefix match (Pagefind's own
 * fallback), so a split index may add weaker results: the tests ask that the right ones are there
 * and come first, not that they are alone.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, type Browser, openSearch } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { buildArchive, testWords, type BuiltArchive, type TestWord } from "../helpers/search-fixture.ts";

let archive: BuiltArchive;
let server: StaticServer;
let browser: Browser;
let page: Page;
let words: TestWord[];

beforeAll(async () => {
  archive = await buildArchive("/", undefined, 2);
  server = await serveStatic(archive.site);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  words = testWords(archive.articles);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The articles a search shows, in the order shown (best match first). */
async function foundInOrder(query: string): Promise<string[]> {
  await openSearch(page, `${server.url}search/?q=${encodeURIComponent(query)}`);
  const hrefs = await page.$$eval("[data-results] > li h3 a", (links) => links.map((a) => a.getAttribute("href")!));
  return hrefs.map((h) => /\/articles\/([^/]+)\//.exec(h)![1]!);
}

describe("search over an index split into several bundles", () => {
  it("writes more than one bundle that holds pages", () => {
    const listing = JSON.parse(readFileSync(join(archive.site, "search-indexes.json"), "utf8")) as { searchable: string[] };
    expect(listing.searchable.length).toBeGreaterThan(1);
  });

  it("finds every article by a word of its own, whichever bundle holds it", async () => {
    for (const article of archive.articles) {
      const own = words.find((w) => w.slugs.length === 1 && w.slugs[0] === article.slug);
      expect(own, `no word of its own in ${article.slug}`).toBeDefined();
      const slugs = await foundInOrder(own!.word);
      expect(slugs[0], `searching "${own!.word}"`).toBe(article.slug);
    }
  });

  it("finds a shared word in every article that holds it, across bundles", async () => {
    const shared = words.find((w) => w.slugs.length >= 3);
    expect(shared, "no word shared by three articles").toBeDefined();
    const slugs = await foundInOrder(shared!.word);
    expect(slugs.slice(0, shared!.slugs.length).sort()).toEqual(shared!.slugs);
  });
});
