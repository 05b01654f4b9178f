/**
 * Hostile text is text: the fixture archive's markup, template tags and javascript: links, built
 * into a site, read back from every page, the feeds and the JSON-LD. No script, event handler or
 * javascript: URL comes from article content; the strings show as written. (The browser checks,
 * the search results and the Content-Security-Policy are in browser.test.ts.)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { HtmlValidate } from "html-validate";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/paths.ts";
import { htmlPages, linksIn, resolveLink, type BuiltSite } from "../build/built-site.ts";
import { attributeProblems, buildHostileSite, decodeEntities, fixtureTexts, HOSTILE_TEXT, scriptProblems, visibleText, type HostileSite } from "./hostile-site.ts";

let hostile: HostileSite;
let site: BuiltSite;
let pages: string[];
const read = (file: string) => readFileSync(join(site.dir, file), "utf8");
const articlePage = (slug: string) => `articles/${slug}/index.html`;

beforeAll(async () => {
  hostile = await buildHostileSite();
  site = { dir: hostile.dir, prefix: "/" };
  pages = htmlPages(site);
});

describe("the hostile fixture", () => {
  it("holds every hostile string the tests look for, and ingests into three records with them", () => {
    const raw = fixtureTexts();
    for (const s of HOSTILE_TEXT) expect(raw).toContain(s);
    expect(hostile.articles).toHaveLength(3);
    const titles = hostile.articles.map((a) => a.title);
    expect(titles).toContain("Minister says <script>alert(1)</script> is not a policy");
    expect(titles).toContain(`Talks end as "</script><script>alert(2)</script>" & 'quotes' trend online`);
  });

  it("keeps front matter written inside an article as body text, not as the record's fields", () => {
    const a = hostile.articles.find((x) => x.title.startsWith("Minister says"))!;
    expect(a.date).toBe("2022-03-04");
    expect(a.title).not.toBe("injected");
    expect(a.body).toContain("title: injected");
  });
});

describe("every built page", () => {
  it("runs only the site's own script files; the one inline kind is the JSON-LD data block", () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.flatMap((file) => scriptProblems(read(file)).map((p) => `${file}: ${p}`))).toEqual([]);
  });

  it("has no event handler attribute, javascript: URL, frame or object from article content", () => {
    expect(pages.flatMap((file) => attributeProblems(read(file)).map((p) => `${file}: ${p}`))).toEqual([]);
  });

  it("shows each hostile string as written on its article page", () => {
    const text = hostile.articles.map((a) => visibleText(read(articlePage(a.slug)))).join("\n");
    for (const s of HOSTILE_TEXT) expect(text).toContain(s);
  });

  it("shows each hostile title as written in the page's <title> and meta tags (escaped once, not twice)", () => {
    for (const a of hostile.articles) {
      const html = read(articlePage(a.slug));
      expect(decodeEntities(/<title>([^<]*)<\/title>/.exec(html)![1]!)).toBe(`${a.title} · ${/<p class="site-name"><a [^>]*>([^<]*)</.exec(html)![1]}`);
      expect(decodeEntities(/<meta property="og:title" content="([^"]*)">/.exec(html)![1]!)).toBe(a.title);
    }
  });

  it("shows the hostile titles as written in the lists", () => {
    const lists = ["index.html", "timeline/index.html", ...pages.filter((p) => /^(archive\/\d{4}\/\d{2}|people\/[^/]+|places\/[^/]+)\/index\.html$/.test(p))];
    for (const file of lists.filter((f) => pages.includes(f))) {
      const text = visibleText(read(file));
      const shown = hostile.articles.filter((a) => a.date && text.includes(a.title));
      expect(shown.length, file).toBeGreaterThan(0);
    }
    const home = visibleText(read("index.html"));
    for (const a of hostile.articles) expect(home).toContain(a.title);
  });

  it("passes html-validate with the project's rules", async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(join(repoRoot, ".htmlvalidate.json"), "utf8")));
    const failures: string[] = [];
    for (const file of pages) {
      const report = await validator.validateFile(join(site.dir, file));
      if (!report.valid) failures.push(`${file}: ${report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.message}`)).join("; ")}`);
    }
    expect(failures).toEqual([]);
  });

  it("links only to pages that exist", () => {
    const broken: string[] = [];
    for (const file of pages) {
      for (const href of linksIn(read(file))) {
        const target = resolveLink(site, file, href);
        if (!target.external && target.file === null) broken.push(`${file} -> ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("the JSON-LD of each article", () => {
  it("is one data block that parses, with the title exactly as written and no way to close the script", () => {
    for (const a of hostile.articles) {
      const blocks = [...read(articlePage(a.slug)).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
      expect(blocks).toHaveLength(1);
      const json = blocks[0]![1]!;
      expect(json).not.toMatch(/<\/?script/i);
      expect(JSON.parse(json).headline).toBe(a.title);
    }
  });
});

describe("the feeds", () => {
  const dangerous = /<\s*(script|img|iframe|b|a)\b[^>]*(on\w+=|javascript:|>)/i;

  it("Atom: well-formed XML, titles as written, content with no markup from the text", () => {
    expect(readdirSync(site.dir)).toContain("feed.xml");
    const xml = read("feed.xml");
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(xml).feed;
    const entries = [feed.entry].flat();
    const text = (v: unknown) => (typeof v === "object" && v !== null ? String((v as Record<string, unknown>)["#text"] ?? "") : String(v));
    for (const a of hostile.articles) {
      const entry = entries.find((e) => text(e.title) === a.title);
      expect(entry, a.title).toBeDefined();
      const html = text(entry.content ?? entry.summary ?? "");
      expect(html).not.toMatch(dangerous);
    }
  });

  it("JSON Feed: titles as written, content_html with no markup from the text", () => {
    const feed = JSON.parse(read("feed.json")) as { items: { title: string; content_html?: string; summary?: string }[] };
    for (const a of hostile.articles) {
      const item = feed.items.find((i) => i.title === a.title);
      expect(item, a.title).toBeDefined();
      expect(item!.content_html ?? "").not.toMatch(dangerous);
    }
  });
});

describe("the search index (Pagefind)", () => {
  it("indexes the articles' text as text, as written (the browser test checks that results show it as text)", async () => {
    const { gunzipSync } = await import("node:zlib");
    const fragments = readdirSync(join(site.dir, "pagefind", "fragment")).map((f) => {
      const bytes = gunzipSync(readFileSync(join(site.dir, "pagefind", "fragment", f)));
      // A fragment is "pagefind_dcd" followed by JSON (https://pagefind.app/docs/api/: fragments are gzipped JSON).
      return JSON.parse(bytes.toString("utf8").replace(/^pagefind_dcd/, "")) as { content: string; meta: Record<string, string> };
    });
    const content = fragments.map((f) => f.content).join("\n");
    for (const s of HOSTILE_TEXT) expect(content).toContain(s);
    const titles = fragments.map((f) => f.meta["title"]);
    for (const a of hostile.articles) expect(titles).toContain(a.title);
  });
});
