/**
 * Date order with an undated article: Pagefind leaves pages without a sort key out of a sorted
 * search, so the page adds them after the dated ones. One record is made undated the way an
 * editor would (date: null), then the site is built.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, type Browser, openSearch } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { buildArchive, testWords, type BuiltArchive, type TestWord } from "../helpers/search-fixture.ts";

let archive: BuiltArchive;
let server: StaticServer;
let browser: Browser;
let page: Page;
let shared: TestWord;
let undatedSlug: string;

beforeAll(async () => {
  archive = await buildArchive("/", (_dir, articles) => {
    const word = testWords(articles).find((w) => w.slugs.length >= 3);
    expect(word, "no word shared by three articles").toBeDefined();
    shared = word!;
    const article = articles.find((a) => a.slug === shared.slugs[0])!;
    undatedSlug = article.slug;
    const text = readFileSync(article.file, "utf8")
      .replace(/^date: .*$/m, "date: null")
      .replace(/^time: .*$/m, "time: null")
      .replace(/^date_basis: .*$/m, "date_basis: unknown")
      .replace(/^date_evidence: .*$/m, "date_evidence: null")
      .replace(/^date_confidence: .*$/m, "date_confidence: low");
    writeFileSync(article.file, text);
  });
  expect(archive.articles.find((a) => a.slug === undatedSlug)?.date).toBeNull();
  server = await serveStatic(archive.site);
  browser = await launchBrowser();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("date order with an undated article", () => {
  for (const [sort, direction] of [["date", "desc"], ["date-asc", "asc"]] as const) {
    it(`keeps it, after the dated ones (${direction})`, async () => {
      await openSearch(page, `${server.url}search/?q=${shared.word}&sort=${sort}`);
      const shown = await page.$$eval("[data-results] > li", (items) =>
        items.map((li) => ({
          slug: /\/articles\/([^/]+)\//.exec(li.querySelector("h3 a")!.getAttribute("href")!)![1]!,
          date: li.querySelector("time")?.getAttribute("datetime") ?? null,
        })),
      );
      expect(shown.map((r) => r.slug).sort()).toEqual(shared.slugs);
      expect(shown.at(-1)).toEqual({ slug: undatedSlug, date: null });
      const dates = shown.slice(0, -1).map((r) => r.date!);
      const ordered = [...dates].sort();
      expect(dates).toEqual(direction === "asc" ? ordered : ordered.reverse());
      expect(await page.textContent("[data-status]")).toContain("undated last");
    });
  }
});
