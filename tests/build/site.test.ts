import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../../src/cli/ingest.ts";
import { buildSite } from "../../src/build/site-build.ts";
import { tempArchive } from "../helpers/paths.ts";

// Builds the five seeds into a temporary folder, end to end, and reads the HTML.
let out: string;
let articlePages: string[];

beforeAll(async () => {
  const dir = tempArchive();
  expect(runIngest({ input: join(dir, "raw"), output: dir, reportFile: join(dir, "report.json"), quiet: true })).toBe(0);
  out = join(dir, "_site");
  const result = await buildSite({ articlesDir: dir, outDir: out });
  expect(result.errors).toEqual([]);
  articlePages = readdirSync(join(out, "articles")).map((slug) => join(out, "articles", slug, "index.html"));
});

const page = (file: string) => readFileSync(file, "utf8");

describe("the built archive of the five seeds", () => {
  it("has a home page, a search page and one page per article", () => {
    expect(existsSync(join(out, "index.html"))).toBe(true);
    expect(existsSync(join(out, "search", "index.html"))).toBe(true);
    expect(articlePages).toHaveLength(5);
  });

  it("lists the articles newest first on the home page", () => {
    const dates = [...page(join(out, "index.html")).matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]!);
    expect(dates).toHaveLength(5);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("shows each article's headline, date and source from its record", () => {
    const trt = page(articlePages.find((p) => p.includes("france-debriefs"))!);
    expect(trt).toContain("<h1 data-pagefind-meta=\"title\">France debriefs US as top UK diplomat flies to Russia to ease impasse</h1>");
    expect(trt).toContain('datetime="2022-02-09"');
    expect(trt).toContain(">TRT World<");
    const pa = page(articlePages.find((p) => p.includes("2021-12-02"))!);
    expect(pa).toContain("2 December 2021, 16:17");
    expect(pa).toContain("Press Association");
  });

  it("keeps the article text and drops the page furniture", () => {
    const trt = page(articlePages.find((p) => p.includes("france-debriefs"))!);
    expect(trt).toContain("Several dozen Ukrainians rallied outside the US Embassy in Kiev");
    expect(trt).not.toContain("READ MORE");
    expect(trt).not.toContain("Wolf attack on child in Greece");
  });

  it("writes a Pagefind index that covers every article page", () => {
    expect(existsSync(join(out, "pagefind", "pagefind.js"))).toBe(true);
    const entry = JSON.parse(readFileSync(join(out, "pagefind", "pagefind-entry.json"), "utf8"));
    const pages = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
    expect(pages).toBe(5);
  });
});
