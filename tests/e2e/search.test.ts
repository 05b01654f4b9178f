/**
 * The search page in a real browser: Debian's Chromium through playwright-core, over the five
 * seeds built into a temporary site and served on 127.0.0.1. Every expected result is worked out
 * from the records' text; waits are for the page's own "done" signal (aria-busy="false").
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { Article } from "../../src/record.ts";
import { launchBrowser, type Browser, searchSettled } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { buildArchive, removedWords, testPhrases, testWords, type BuiltArchive, type TestWord } from "../helpers/search-fixture.ts";

let archive: BuiltArchive;
let server: StaticServer;
let browser: Browser;
let page: Page;
let words: TestWord[];
const pageErrors: string[] = [];

beforeAll(async () => {
  archive = await buildArchive();
  server = await serveStatic(archive.site);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  words = testWords(archive.articles);
});

afterEach(() => {
  expect(pageErrors.splice(0), "errors in the page's scripts").toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Shown {
  slug: string;
  href: string;
  date: string | null;
  source: string;
  marks: string[];
}

const bySlug = (slug: string): Article => archive.articles.find((a) => a.slug === slug)!;

/** Waits until the page has finished the search it is showing. */
async function settled(): Promise<void> {
  await searchSettled(page);
}

async function open(query: string): Promise<void> {
  await page.goto(`${server.url}search/${query}`);
  await settled();
}

async function shown(): Promise<Shown[]> {
  return page.$$eval("[data-results] > li", (items) =>
    items.map((li) => {
      const href = li.querySelector("h3 a")!.getAttribute("href")!;
      return {
        slug: /\/articles\/([^/]+)\//.exec(href)?.[1] ?? href,
        href,
        date: li.querySelector("time")?.getAttribute("datetime") ?? null,
        source: li.querySelector(".source")?.textContent ?? "",
        marks: [...li.querySelectorAll(".excerpt mark")].map((m) => m.textContent ?? ""),
      };
    }),
  );
}

const slugsShown = async () => (await shown()).map((r) => r.slug).sort();

/** A word found in several (not all) articles, by more than one source and on more than one date. */
function sharedWord(): TestWord {
  const w = words.find((t) => {
    if (t.slugs.length < 3 || t.slugs.length === archive.articles.length) return false;
    const found = t.slugs.map(bySlug);
    return new Set(found.map((a) => a.source)).size > 1 && new Set(found.map((a) => a.date)).size > 1;
  });
  expect(w, "the seeds share no word across several sources and dates").toBeDefined();
  return w!;
}

async function tick(facet: string, value: string): Promise<void> {
  const details = page.locator(`details[data-facet="${facet}"]`);
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
  const box = details.locator(`input[type=checkbox][value="${value}"]`);
  if (!(await box.isVisible())) await details.locator(".facet-toggle").click();
  await box.check();
  await settled();
}

describe("searching the archive in Chromium", () => {
  it("finds each article by a word found only in its body, and nothing else", async () => {
    for (const article of archive.articles) {
      const own = words.find((w) => w.slugs.length === 1 && w.slugs[0] === article.slug);
      expect(own, `no word of its own in ${article.slug}`).toBeDefined();
      await open(`?q=${encodeURIComponent(own!.word)}`);
      expect(await slugsShown()).toEqual([article.slug]);
      expect(await page.textContent("[data-status]")).toContain("1 article");
    }
  });

  it("finds a shared word in exactly the articles whose text contains it, with the word marked", async () => {
    const shared = sharedWord();
    await open(`?q=${shared.word}`);
    const results = await shown();
    expect(results.map((r) => r.slug).sort()).toEqual(shared.slugs);
    for (const r of results) {
      expect(r.marks.length).toBeGreaterThan(0);
      expect(r.marks.join(" ").toLowerCase()).toContain(shared.word.slice(0, 4));
    }
  });

  it('finds a "quoted phrase" only where its words stand together, and highlights the words', async () => {
    const phrases = testPhrases(archive.articles);
    expect(phrases.length, "no two words stand together in one article and apart in another").toBeGreaterThan(0);
    const { phrase, together, apart } = phrases[0]!;
    await open(`?q=${encodeURIComponent(phrase.join(" "))}`);
    expect(await slugsShown()).toEqual(apart);
    await open(`?q=${encodeURIComponent(`"${phrase.join(" ")}"`)}`);
    const results = await shown();
    expect(results.map((r) => r.slug).sort()).toEqual(together);
    expect(new URL(results[0]!.href, server.url).searchParams.getAll("highlight")).toEqual(phrase);
  });

  it("shows results as the reader types and keeps the words in the address", async () => {
    const shared = sharedWord();
    await open("");
    expect(await shown()).toEqual([]);
    await page.locator("#search-q").pressSequentially(shared.word);
    await page.waitForFunction((w) => new URL(location.href).searchParams.get("q") === w, shared.word);
    await settled();
    expect(await slugsShown()).toEqual(shared.slugs);
  });

  it("narrows the results with a source and with a person, counting what each would leave", async () => {
    const shared = sharedWord();
    await open(`?q=${shared.word}`);
    const found = shared.slugs.map(bySlug);

    const source = found[0]!.source;
    const withSource = found.filter((a) => a.source === source).map((a) => a.slug).sort();
    const count = await page.locator(`details[data-facet="source"] input[value="${source}"] ~ [data-count]`).textContent();
    expect(count).toBe(`(${withSource.length})`);
    await tick("source", source);
    expect(await slugsShown()).toEqual(withSource);
    expect(new URL(page.url()).searchParams.getAll("source")).toEqual([source]);

    await open(`?q=${shared.word}`);
    const people = [...new Set(found.flatMap((a) => a.people))].sort();
    const person = people.find((p) => {
      const n = found.filter((a) => a.people.includes(p)).length;
      return n > 0 && n < found.length;
    });
    expect(person, "no person names some but not all of the articles").toBeDefined();
    await tick("person", person!);
    expect(await slugsShown()).toEqual(found.filter((a) => a.people.includes(person!)).map((a) => a.slug).sort());
    expect(new URL(page.url()).searchParams.getAll("person")).toEqual([person]);
  });

  it("orders results by date, newest or oldest first", async () => {
    const shared = sharedWord();
    const dates = shared.slugs.map((s) => bySlug(s).date).filter((d): d is string => d !== null).sort();
    await open(`?q=${shared.word}`);
    await page.selectOption("#search-sort", "date");
    await settled();
    expect((await shown()).map((r) => r.date)).toEqual([...dates].reverse());
    expect(new URL(page.url()).searchParams.get("sort")).toBe("date");
    await page.selectOption("#search-sort", "date-asc");
    await settled();
    expect((await shown()).map((r) => r.date)).toEqual(dates);
  });

  it("restores words, filters and order from the address, and again on reload", async () => {
    const shared = sharedWord();
    const found = shared.slugs.map(bySlug);
    const source = found[0]!.source;
    const expected = found.filter((a) => a.source === source).map((a) => a.slug).sort();
    await open(`?q=${shared.word}&source=${encodeURIComponent(source)}&sort=date`);
    for (const pass of ["opened", "reloaded"]) {
      expect(await page.inputValue("#search-q"), pass).toBe(shared.word);
      expect(await page.inputValue("#search-sort"), pass).toBe("date");
      expect(await page.isChecked(`details[data-facet="source"] input[value="${source}"]`), pass).toBe(true);
      expect(await slugsShown(), pass).toEqual(expected);
      if (pass === "opened") {
        await page.reload();
        await settled();
      }
    }
  });

  it("steps back and forward through filter changes", async () => {
    const shared = sharedWord();
    const found = shared.slugs.map(bySlug);
    const source = found[0]!.source;
    await open(`?q=${shared.word}`);
    await tick("source", source);
    const narrowed = found.filter((a) => a.source === source).map((a) => a.slug).sort();
    expect(await slugsShown()).toEqual(narrowed);

    await page.goBack();
    await settled();
    expect(new URL(page.url()).searchParams.getAll("source")).toEqual([]);
    expect(await page.isChecked(`details[data-facet="source"] input[value="${source}"]`)).toBe(false);
    expect(await slugsShown()).toEqual(shared.slugs);

    await page.goForward();
    await settled();
    expect(new URL(page.url()).searchParams.getAll("source")).toEqual([source]);
    expect(await slugsShown()).toEqual(narrowed);
  });

  it("finds nothing for a word that only the removed page furniture contained", async () => {
    const removed = removedWords(archive.dir, archive.articles);
    expect(removed.length, "ingest removed no words the records lack").toBeGreaterThan(0);
    await open(`?q=${encodeURIComponent(removed[0]!)}`);
    expect(await shown()).toEqual([]);
    expect(await page.textContent("[data-status]")).toMatch(/^No articles/);
  });

  it("opens a result with the searched word marked in the article", async () => {
    const own = words.find((w) => w.slugs.length === 1)!;
    await open(`?q=${own.word}`);
    await page.locator("[data-results] h3 a").first().click();
    await page.waitForURL(/\/articles\/[^/]+\/\?highlight=/);
    expect(new URL(page.url()).searchParams.getAll("highlight")).toEqual([own.word]);
    const marks = page.locator("mark.pagefind-highlight");
    await marks.first().waitFor();
    const marked = await marks.allTextContents();
    expect(marked.map((m) => m.toLowerCase())).toContain(own.word);
  });

  it("works from the keyboard: labelled controls in reading order, results announced", async () => {
    const shared = sharedWord();
    const source = bySlug(shared.slugs[0]!).source;
    await open("");
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? "";
        return `${el.tagName.toLowerCase()}:${label.replace(/\s+/g, " ").trim()}`;
      });
    await page.focus("#search-q");
    expect(await focused()).toBe("input:Words to find");
    await page.keyboard.type(shared.word);
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("button:Search");
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("select:Order");
    await page.keyboard.press("Tab");
    expect(await focused()).toMatch(/^summary:Source/);
    await page.keyboard.press("Enter");
    // Tab through the source checkboxes to the one wanted, and tick it with the space bar.
    for (;;) {
      await page.keyboard.press("Tab");
      const now = await focused();
      expect(now.startsWith("input:")).toBe(true);
      if (now.startsWith(`input:${source} (`)) break;
    }
    await page.keyboard.press("Space");
    await settled();
    expect(await slugsShown()).toEqual(shared.slugs.filter((s) => bySlug(s).source === source).sort());
    expect(await focused()).toMatch(new RegExp(`^input:${source} \\(`));
    const status = page.locator("[data-status]");
    expect(await status.getAttribute("role")).toBe("status");
    expect(await status.textContent()).toContain(`“${shared.word}” from ${source}`);
  });

  it("says so, and points to the archive and timeline, when JavaScript is off", async () => {
    const noJs = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(noJs);
    await cdp.send("Emulation.setScriptExecutionDisabled", { value: true });
    await noJs.goto(`${server.url}search/`);
    const note = noJs.locator(".search-nojs");
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain("needs JavaScript");
    expect(await note.locator("a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toEqual([
      "/archive/",
      "/timeline/",
    ]);
    expect(await noJs.locator("[data-search]").isVisible()).toBe(false);
    await noJs.close();
  });
});
