/**
 * Long lists on the built site: a person quoted more often than one page holds gets pages that
 * link on to each other, that together list every article and quote once, and that the sitemap
 * lists; a sitemap over its limit of URLs becomes an index of sitemaps (the limit is lowered here
 * from 50,000 to 200, so that 300 articles pass it).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/site-build.ts";
import { LIST_PAGE_SIZE } from "../../src/build/site-data.ts";
import { runIngest } from "../../src/cli/ingest.ts";
import { writeArchive } from "../../src/bench/generate.ts";
import { parseRecordFile } from "../../src/record-file.ts";
import { loadRegistries } from "../../src/registry.ts";
import { htmlPages, linksIn, pathOf, read, resolveLink, type BuiltSite } from "./built-site.ts";

const SITEMAP_LIMIT = 200;
let dir: string;
let site: BuiltSite;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "paging-"));
  writeArchive(dir, 300, loadRegistries(), 3);
  expect(runIngest({ input: join(dir, "raw"), output: dir, reportFile: null, quiet: true })).toBe(0);
  process.env["ARCHIVE_SITEMAP_URLS"] = String(SITEMAP_LIMIT);
  const result = await buildSite({ articlesDir: dir, outDir: join(dir, "_site") }).finally(() => delete process.env["ARCHIVE_SITEMAP_URLS"]);
  expect(result.errors).toEqual([]);
  site = { dir: join(dir, "_site"), prefix: "/" };
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const records = () =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => parseRecordFile(readFileSync(join(dir, f), "utf8")).data as { slug: string; people: string[]; quotes: { speaker: string | null }[] });

/** The pages of a list, first to last, by following each page's "later" link. */
function follow(first: string): string[] {
  const files = [first];
  for (;;) {
    const next = /<a href="([^"]+)" rel="next">/.exec(read(site, files.at(-1)!))?.[1];
    if (!next) return files;
    const target = resolveLink(site, files.at(-1)!, next);
    expect(target.file, next).not.toBeNull();
    files.push(target.file!);
  }
}

describe("a person named and quoted more than a page holds", () => {
  it("has linked pages that list every article naming them and every quote once", () => {
    const all = records();
    const quoted = new Map<string, number>();
    for (const r of all) for (const q of r.quotes) if (q.speaker) quoted.set(q.speaker, (quoted.get(q.speaker) ?? 0) + 1);
    const [name, quotes] = [...quoted].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    expect(quotes).toBeGreaterThan(LIST_PAGE_SIZE);

    const index = read(site, "people/index.html");
    const href = new RegExp(`<a href="(/people/[^"]+/)">${name}</a>`).exec(index)![1]!;
    const naming = all.filter((r) => r.people.includes(name) || r.quotes.some((q) => q.speaker === name)).map((r) => `/articles/${r.slug}/`);
    const pages = follow(`${href.slice(1)}index.html`);
    expect(pages.length).toBe(Math.ceil(Math.max(quotes, naming.length) / LIST_PAGE_SIZE));
    expect(pages[1]).toBe(`${href.slice(1)}page-2/index.html`);

    const listed = pages.flatMap((p) => {
      const html = read(site, p);
      const articles = html.slice(html.indexOf('id="articles-title"'));
      return articles.includes('id="articles-title"') ? linksIn(articles).filter((l) => l.startsWith("/articles/")) : [];
    });
    expect([...listed].sort()).toEqual([...naming].sort());
    const blockquotes = pages.reduce((n, p) => n + (read(site, p).match(/<blockquote>/g)?.length ?? 0), 0);
    expect(blockquotes).toBe(quotes);
    expect(read(site, pages[1]!)).toContain(`page 2 of ${pages.length}`);
    expect(sitemapUrls()).toContain(`https://example.org${href}page-2/`);
  });
});

/** The URLs of the sitemap index's sitemaps, each checked to hold no more than the limit. */
function sitemapUrls(): string[] {
  const index = read(site, "sitemap.xml");
  expect(index).toContain("<sitemapindex");
  const parts = [...index.matchAll(/<sitemap><loc>https:\/\/example\.org\/(sitemap-\d+\.xml)<\/loc><\/sitemap>/g)].map((m) => m[1]!);
  expect(parts[0]).toBe("sitemap-1.xml");
  return parts.flatMap((part) => {
    const urls = [...read(site, part).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(urls.length).toBeLessThanOrEqual(SITEMAP_LIMIT);
    return urls;
  });
}

describe("a sitemap over its limit of URLs", () => {
  it("is an index of sitemaps that together list every page once", () => {
    const urls = sitemapUrls();
    expect(new Set(urls).size).toBe(urls.length);
    const pages = htmlPages(site).filter((f) => f !== "404.html").map((f) => `https://example.org${pathOf(f)}`);
    expect([...urls].sort()).toEqual([...pages].sort());
  });
});
