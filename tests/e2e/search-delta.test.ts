/**
 * After an edit, the search page searches the archive as it is now: the shards keep the edited
 * article's old version, the delta bundle holds its new one, and the old one is hidden. Here the
 * seeds are split into shards of two, one article loses a word of its own for a new one, and the
 * rebuild (incremental) writes only the delta: a search must find the article by its new word, not
 * by its old one, once (not twice) by a word both versions hold, and the filter counts must count it
 * once. Without the hidden list each of these fails: the old version matches its old word and the
 * shared one, and counts in the filters.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, type Browser, openSearch } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { buildArchive, testWords, type BuiltArchive, type TestWord } from "../helpers/search-fixture.ts";
import { buildSite } from "../../src/build/site-build.ts";
import type { Article } from "../../src/record.ts";

const SHARD_PAGES = 2;
const NEW_WORD = "quillwhistle"; // in no seed: the test checks

let archive: BuiltArchive;
let server: StaticServer;
let browser: Browser;
let page: Page;
let edited: Article;
let oldWord: TestWord;
let shared: TestWord;

beforeAll(async () => {
  archive = await buildArchive("/", undefined, SHARD_PAGES);
  const words = testWords(archive.articles);
  // An article with a word of its own and a word it shares with others.
  edited = archive.articles.find((a) => words.some((w) => w.slugs.length === 1 && w.slugs[0] === a.slug) && words.some((w) => w.slugs.length >= 2 && w.slugs.includes(a.slug)))!;
  expect(edited, "no seed has both a word of its own and a shared one").toBeDefined();
  oldWord = words.find((w) => w.slugs.length === 1 && w.slugs[0] === edited.slug)!;
  shared = words.find((w) => w.slugs.length >= 2 && w.slugs.includes(edited.slug))!;
  expect(archive.articles.some((a) => a.body.toLowerCase().includes(NEW_WORD))).toBe(false);

  const file = join(archive.dir, `${edited.slug}.md`);
  const text = readFileSync(file, "utf8");
  const bodyAt = text.indexOf("\n---", 3) + 4;
  writeFileSync(file, text.slice(0, bodyAt) + text.slice(bodyAt).replace(new RegExp(`\\b${oldWord.word}\\b`, "gi"), NEW_WORD));
  const result = await buildSite({ articlesDir: archive.dir, outDir: archive.site, quiet: true, searchShardPages: SHARD_PAGES });
  expect(result.errors).toEqual([]);
  expect(result.mode).toBe("incremental");
  expect(result.reindexed).toBe(1); // the delta, and no shard

  server = await serveStatic(archive.site);
  browser = await launchBrowser();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query: string): Promise<void> {
  await openSearch(page, `${server.url}search/${query}`);
}

const shownSlugs = () => page.$$eval("[data-results] > li h3 a", (links) => links.map((a) => /\/articles\/([^/]+)\//.exec(a.getAttribute("href")!)?.[1] ?? ""));

const countOf = (facet: string, value: string) => page.locator(`details[data-facet="${facet}"] input[value="${value}"] ~ [data-count]`).textContent();

describe("searching after an edit, with the edited article in the delta bundle", () => {
  it("lists the delta and hides the old version in search-indexes.json", () => {
    const listing = JSON.parse(readFileSync(join(archive.site, "search-indexes.json"), "utf8")) as { searchable: string[]; hidden: Record<string, unknown> };
    expect(listing.searchable.at(-1)).toBe("pagefind-delta");
    expect(Object.keys(listing.hidden)).toHaveLength(1);
  });

  it("finds the edited article by its new word and not by the word it lost", async () => {
    await open(`?q=${NEW_WORD}`);
    expect(await shownSlugs()).toEqual([edited.slug]);
    // Only the old version holds the word: a bundle without it answers with its closest words
    // (Pagefind's fallback), but no result may show the word itself.
    await open(`?q=${oldWord.word}`);
    const marks = await page.$$eval("[data-results] .excerpt mark", (found) => found.map((m) => m.textContent!.toLowerCase()));
    expect(marks).not.toContain(oldWord.word);
  });

  it("shows the edited article once for a word both versions hold, in relevance and in date order", async () => {
    for (const sort of ["", "&sort=date"]) {
      await open(`?q=${shared.word}${sort}`);
      const slugs = await shownSlugs();
      expect(slugs.filter((s) => s === edited.slug), `searching "${shared.word}"${sort}`).toHaveLength(1);
      expect([...new Set(slugs)].sort()).toEqual(expect.arrayContaining(shared.slugs));
      expect(new Set(slugs).size).toBe(slugs.length);
    }
  });

  it("counts the edited article once in the filters, with and without a search", async () => {
    const year = edited.date!.slice(0, 4);
    const inYear = archive.articles.filter((a) => a.date?.startsWith(year)).length;
    await open("");
    expect(await countOf("year", year)).toBe(`(${inYear})`);
    expect(await countOf("source", edited.source)).toBe(`(${archive.articles.filter((a) => a.source === edited.source).length})`);

    await open(`?q=${shared.word}`);
    const found = await shownSlugs();
    const foundInYear = archive.articles.filter((a) => found.includes(a.slug) && a.date?.startsWith(year)).length;
    expect(await countOf("year", year)).toBe(`(${foundInYear})`);
  });
});
