/**
 * The search as it will be deployed: the site under a path prefix (/news/) and served with a
 * Content-Security-Policy that allows no inline script or style. Pagefind's WebAssembly needs
 * 'wasm-unsafe-eval'; nothing else is relaxed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, type Browser, openSearch } from "../helpers/browser.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { buildArchive, testWords, type BuiltArchive } from "../helpers/search-fixture.ts";

const PREFIX = "/news/";
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

let archive: BuiltArchive;
let server: StaticServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  archive = await buildArchive(PREFIX);
  server = await serveStatic(archive.site, PREFIX, { "content-security-policy": CSP });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`search under ${PREFIX} with a strict Content-Security-Policy`, () => {
  it("finds an article, links inside the prefix and highlights the word, with nothing blocked", async () => {
    const own = testWords(archive.articles).find((w) => w.slugs.length === 1)!;
    await openSearch(page, `${server.url}search/?q=${own.word}`);
    const links = await page.locator("[data-results] h3 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual([`${PREFIX}articles/${own.slugs[0]}/?highlight=${own.word}`]);

    await page.locator("[data-results] h3 a").click();
    await page.locator("mark.pagefind-highlight").first().waitFor();
    expect((await page.locator("mark.pagefind-highlight").allTextContents()).map((m) => m.toLowerCase())).toContain(own.word);
    expect(problems).toEqual([]);
  });
});
