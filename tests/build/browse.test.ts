import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { HtmlValidate } from "html-validate";
import { runIngest } from "../../src/cli/ingest.ts";
import { buildSite } from "../../src/build/site-build.ts";
import { loadArticles } from "../../src/build/load-records.ts";
import type { Article } from "../../src/record.ts";
import { repoRoot, tempArchive } from "../helpers/paths.ts";
import { editRecord, htmlPages, idsIn, linksIn, pathOf, read, resolveLink, type BuiltSite } from "./built-site.ts";

// The five seeds, built twice: as they are at the root, and under a path prefix with two records
// edited (one made undated, one given a low-confidence date) so that every kind of page and marker exists.
let root: BuiltSite;
let sub: BuiltSite;
let rootArticles: Article[];
let subArticles: Article[];
const SITE = "https://example.org";

/**
 * Ingest the seeds into a temporary folder, let `edit` change records, then build: in this process at
 * the root, and through the build command in a child process under a prefix (Eleventy keeps compiled
 * layouts per process, so one process builds one path prefix).
 */
async function build(edit: (records: Article[]) => void, prefix: string): Promise<{ site: BuiltSite; articles: Article[] }> {
  const dir = tempArchive();
  expect(runIngest({ input: join(dir, "raw"), output: dir, reportFile: null, quiet: true })).toBe(0);
  edit(loadArticles(dir).articles);
  const out = join(dir, "_site");
  if (prefix === "/") {
    expect((await buildSite({ articlesDir: dir, outDir: out })).errors).toEqual([]);
  } else {
    const args = ["--import", "tsx", "src/cli/build.ts", "--no-ingest", "--articles", dir, "--out", out, "--path-prefix", prefix];
    execFileSync(process.execPath, args, { cwd: repoRoot, stdio: "pipe" });
  }
  return { site: { dir: out, prefix }, articles: loadArticles(dir).articles };
}

beforeAll(async () => {
  ({ site: root, articles: rootArticles } = await build(() => {}, "/"));
  ({ site: sub, articles: subArticles } = await build((records) => {
    const [first, second] = records.filter((a) => a.date && a.date_confidence === "high").sort((a, b) => a.slug.localeCompare(b.slug));
    editRecord(first!.file, { date: null, time: null, date_basis: "edited", date_evidence: null, date_confidence: "high" });
    editRecord(second!.file, { date_confidence: "low", date_evidence: "the week of the talks" });
  }, "/sub/"));
});

/** html-validate with the project's rules (.htmlvalidate.json); the built pages live outside the repository. */
const htmlValidator = () => new HtmlValidate(JSON.parse(readFileSync(join(repoRoot, ".htmlvalidate.json"), "utf8")));

const articleFile = (a: Article) => `articles/${a.slug}/index.html`;
const datedOf = (articles: Article[]) => articles.filter((a) => a.date !== null);
/** Oldest first; on one day by time, then slug: the order of the timeline and of previous/next. */
const oldestFirst = (articles: Article[]) =>
  datedOf(articles).sort((a, b) => a.date!.localeCompare(b.date!) || (a.time ?? "").localeCompare(b.time ?? "") || a.slug.localeCompare(b.slug));
const isArticle = (file: string) => file.startsWith("articles/");

describe("pages", () => {
  it("has every kind of page", () => {
    const pages = new Set(htmlPages(root));
    for (const page of ["index.html", "archive/index.html", "archive/undated/index.html", "timeline/index.html", "people/index.html", "places/index.html", "organisations/index.html", "sources/index.html", "search/index.html", "404.html"]) {
      expect(pages, page).toContain(page);
    }
    for (const a of rootArticles) expect(pages).toContain(articleFile(a));
    for (const a of datedOf(rootArticles)) {
      expect(pages).toContain(`archive/${a.date!.slice(0, 4)}/${a.date!.slice(5, 7)}/index.html`);
      expect(pages).toContain(`archive/${a.date!.slice(0, 4)}/index.html`);
    }
    const kinds = { people: "people", places: "places", organisations: "organisations" } as const;
    for (const [field, folder] of Object.entries(kinds)) {
      const names = new Set(rootArticles.flatMap((a) => a[field as keyof typeof kinds]));
      const pagesOfKind = [...pages].filter((p) => p.startsWith(`${folder}/`) && p !== `${folder}/index.html`);
      expect(pagesOfKind.length, folder).toBeGreaterThanOrEqual(names.size);
    }
    expect([...pages].filter((p) => p.startsWith("sources/") && p !== "sources/index.html").length).toBe(
      new Set(rootArticles.flatMap((a) => (a.agency ? [a.source, a.agency] : [a.source]))).size,
    );
  });

  it("gives every page one h1, a skip link, landmarks and a link to search", () => {
    for (const site of [root, sub]) {
      for (const file of htmlPages(site)) {
        const html = read(site, file);
        expect(html.match(/<h1[\s>]/g), file).toHaveLength(1);
        expect(html, file).toContain('<a class="skip" href="#main">');
        expect(html, file).toMatch(/<main id="main"/);
        expect(html, file).toMatch(/<nav aria-label="Site">/);
        expect(linksIn(html), file).toContain(`${site.prefix}search/`);
      }
    }
  });

  it("lets a reader reach every page from the home page by links alone", () => {
    for (const site of [root, sub]) {
      const seen = new Set(["index.html"]);
      const queue = ["index.html"];
      while (queue.length) {
        const file = queue.shift()!;
        for (const href of linksIn(read(site, file))) {
          const target = resolveLink(site, file, href).file;
          if (target?.endsWith(".html") && !seen.has(target)) {
            seen.add(target);
            queue.push(target);
          }
        }
      }
      const unreachable = htmlPages(site).filter((f) => !seen.has(f) && f !== "404.html");
      expect(unreachable).toEqual([]);
    }
  });

  it("resolves every internal link and fragment, at the root and under a path prefix", () => {
    for (const site of [root, sub]) {
      const broken: string[] = [];
      for (const file of htmlPages(site)) {
        for (const href of linksIn(read(site, file))) {
          const target = resolveLink(site, file, href);
          if (target.external) continue;
          if (!target.file) {
            broken.push(`${file}: ${href}`);
          } else if (target.fragment && target.file.endsWith(".html") && !idsIn(read(site, target.file)).has(target.fragment)) {
            broken.push(`${file}: ${href} (no such id)`);
          }
        }
      }
      expect(broken).toEqual([]);
    }
  });

  it("validates every page with html-validate", async () => {
    const validator = htmlValidator();
    const problems: string[] = [];
    for (const site of [root, sub]) {
      for (const file of htmlPages(site)) {
        const report = await validator.validateFile(join(site.dir, file));
        for (const r of report.results) for (const m of r.messages) problems.push(`${file}:${m.line}: ${m.ruleId} ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("keeps html-validate strict: it rejects a page with two h1 and an unlabelled nav", async () => {
    const validator = htmlValidator();
    const page = readFileSync(join(root.dir, "timeline/index.html"), "utf8").replace("</main>", "<h1>Again</h1><nav><a href=\"/\">x</a></nav><nav><a href=\"/\">y</a></nav></main>");
    const report = await validator.validateString(page, join(repoRoot, "page.html"));
    expect(report.valid).toBe(false);
  });
});

describe("chronology", () => {
  it("lists the archive month by month, oldest first, with earlier and later links", () => {
    const months = [...new Set(datedOf(rootArticles).map((a) => a.date!.slice(0, 7)))].sort();
    months.forEach((month, i) => {
      const file = `archive/${month.slice(0, 4)}/${month.slice(5)}/index.html`;
      const html = read(root, file);
      const dates = [...html.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]!);
      expect(dates).toEqual(oldestFirst(rootArticles).filter((a) => a.date!.startsWith(month)).map((a) => a.date!));
      const prev = /<a href="([^"]*)" rel="prev"/.exec(html)?.[1];
      const next = /<a href="([^"]*)" rel="next"/.exec(html)?.[1];
      const urlOf = (m: string | undefined) => (m ? `/archive/${m.slice(0, 4)}/${m.slice(5)}/` : undefined);
      expect(prev).toBe(urlOf(months[i - 1]));
      expect(next).toBe(urlOf(months[i + 1]));
    });
  });

  it("puts an undated article in the undated list, not in a month", () => {
    const undated = subArticles.filter((a) => a.date === null);
    expect(undated.length).toBeGreaterThan(rootArticles.filter((a) => a.date === null).length);
    const list = read(sub, "archive/undated/index.html");
    const months = htmlPages(sub).filter((f) => /^archive\/\d{4}\/\d{2}\//.test(f));
    for (const a of undated) {
      expect(list).toContain(`href="/sub/articles/${a.slug}/"`);
      for (const m of months) expect(read(sub, m)).not.toContain(`/articles/${a.slug}/`);
    }
    expect(read(sub, "index.html")).toContain(`href="/sub/archive/undated/"`);
  });

  it("shows the whole story on one timeline, oldest first, one line per article with its source", () => {
    const html = read(root, "timeline/index.html");
    const days = [...html.matchAll(/<h3><time datetime="(\d{4}-\d{2}-\d{2})">/g)].map((m) => m[1]!);
    expect(days).toEqual([...new Set(oldestFirst(rootArticles).map((a) => a.date!))]);
    const lines = [...html.matchAll(/<li><a href="\/articles\/([^/]+)\/">/g)].map((m) => m[1]);
    expect(lines).toEqual(oldestFirst(rootArticles).map((a) => a.slug));
    for (const a of datedOf(rootArticles)) {
      const line = new RegExp(`<li><a href="/articles/${a.slug}/">[^<]*</a> <span class="tl-source">([^<]*)</span>`).exec(html);
      expect(line?.[1], a.slug).toBe(a.source);
    }
  });

  it("links each article to the one before and after it in time", () => {
    const ordered = oldestFirst(rootArticles);
    const inOrder = ordered.map((a) => a.slug);
    ordered.forEach((a, i) => {
      const html = read(root, articleFile(a));
      const prev = /<a href="\/articles\/([^/]*)\/" rel="prev"/.exec(html)?.[1];
      const next = /<a href="\/articles\/([^/]*)\/" rel="next"/.exec(html)?.[1];
      expect(prev).toBe(inOrder[i - 1]);
      expect(next).toBe(inOrder[i + 1]);
    });
  });
});

describe("article pages", () => {
  it("link people, places, organisations, source and raw text, and show the date's evidence", () => {
    for (const a of rootArticles) {
      const html = read(root, articleFile(a));
      const links = linksIn(html);
      for (const name of [...a.people, ...a.places, ...a.organisations]) expect(html, name).toContain(`>${name}</a>`);
      expect(links.filter((l) => /^\/(people|places|organisations)\/[^/]+\/$/.test(l)).length).toBeGreaterThanOrEqual(
        new Set([...a.people, ...a.places, ...a.organisations]).size,
      );
      expect(links.some((l) => l.startsWith("/sources/"))).toBe(true);
      const raw = links.find((l) => l.startsWith("/raw/"));
      expect(raw).toBeDefined();
      expect(readFileSync(join(root.dir, raw!))).toEqual(readFileSync(join(a.file, "..", a.raw)));
      if (a.date_evidence) expect(html).toContain(a.date_evidence.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#39;"));
    }
  });

  it("marks a date that is a guess, and only such a date", () => {
    for (const a of subArticles) {
      const html = read(sub, articleFile(a));
      const guessed = a.date !== null && (a.date_basis === "inferred" || a.date_confidence === "low");
      expect(html.includes('class="flag"'), a.slug).toBe(guessed);
    }
    expect(subArticles.some((a) => a.date_confidence === "low")).toBe(true);
  });

  it("keeps search to the headline and text, with the filters and metadata search relies on", () => {
    for (const file of htmlPages(root)) {
      const count = (read(root, file).match(/data-pagefind-body/g) ?? []).length;
      expect(count, file).toBe(isArticle(file) ? 1 : 0);
    }
    for (const a of datedOf(rootArticles)) {
      const html = read(root, articleFile(a));
      const start = html.indexOf("<div data-pagefind-body>");
      const body = html.slice(start, html.indexOf('<section class="record"'));
      expect(body).toContain('<h1 data-pagefind-meta="title">');
      expect(body).not.toMatch(/<nav|<footer|class="related"/);
      expect(body).toContain(`<span data-pagefind-meta="date">${a.date}</span>`);
      expect(body).toContain(`<span data-pagefind-sort="date">${a.date}</span>`);
      expect(body).toContain(`<span data-pagefind-filter="year">${a.date!.slice(0, 4)}</span>`);
      expect(body).toMatch(/<span data-pagefind-meta="standfirst">[^<]+<\/span>/);
      for (const p of a.people) expect(body).toContain(`<span data-pagefind-filter="person">${p}</span>`);
      for (const p of a.places) expect(body).toContain(`<span data-pagefind-filter="place">${p}</span>`);
    }
  });

  it("carries a canonical URL, Open Graph and Twitter tags, and NewsArticle JSON-LD that parses", () => {
    for (const site of [root, sub]) {
      const articles = site === root ? rootArticles : subArticles;
      for (const a of articles) {
        const html = read(site, articleFile(a));
        const url = `${SITE}${site.prefix}articles/${a.slug}/`;
        expect(html).toContain(`<link rel="canonical" href="${url}">`);
        expect(html).toContain(`<meta property="og:url" content="${url}">`);
        expect(html).toContain('<meta property="og:type" content="article">');
        expect(html).toContain('<meta name="twitter:card" content="summary">');
        const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
        expect(scripts).toHaveLength(1);
        const ld = JSON.parse(scripts[0]![1]!);
        expect(ld["@type"]).toBe("NewsArticle");
        expect(ld.headline).toBe(a.title);
        expect(ld.url).toBe(url);
        if (a.date) expect(ld.datePublished.slice(0, 10)).toBe(a.date);
        else expect(ld.datePublished).toBeUndefined();
        expect(ld.publisher.name).toBeTruthy();
        if (a.source !== "Unknown") expect(ld.publisher.name).toBe(a.source);
        if (a.agency) expect(JSON.stringify(ld)).toContain(a.agency);
      }
    }
  });

  it("lists every page in the sitemap at its absolute URL, the path prefix included", () => {
    for (const site of [root, sub]) {
      const locs = [...read(site, "sitemap.xml").matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
      const pages = htmlPages(site).filter((p) => p !== "404.html" && !p.startsWith("raw/"));
      expect(locs.sort()).toEqual(pages.map((p) => `${SITE}${site.prefix}${p.replace(/index\.html$/, "")}`).sort());
    }
  });
});

describe("people, places and sources", () => {
  it("lists on a person's page every article naming them and every quote attributed to them, in date order", () => {
    const people = new Set(rootArticles.flatMap((a) => [...a.people, ...a.quotes.flatMap((q) => (q.speaker ? [q.speaker] : []))]));
    const index = read(root, "people/index.html");
    const byDate = [...oldestFirst(rootArticles), ...rootArticles.filter((a) => a.date === null).sort((a, b) => a.slug.localeCompare(b.slug))];
    for (const name of people) {
      const href = new RegExp(`<a href="(/people/[^"]+/)">${name}</a>`).exec(index)?.[1];
      expect(href, name).toBeDefined();
      const html = read(root, `${href!.slice(1)}index.html`);
      const naming = byDate.filter((a) => a.people.includes(name) || a.quotes.some((q) => q.speaker === name));
      const listed = [...html.matchAll(/<h3 class="card-title"><a href="\/articles\/([^/]+)\/"/g)].map((m) => m[1]);
      expect(listed).toEqual(naming.map((a) => a.slug));
      const quotes = naming.flatMap((a) => a.quotes.filter((q) => q.speaker === name).map((q) => q.text));
      const shown = [...html.matchAll(/<blockquote><p>([\s\S]*?)<\/p><\/blockquote>/g)].map((m) => m[1]);
      expect(shown.length).toBe(quotes.length);
      quotes.forEach((q, i) => expect(shown[i]).toBe(q.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")));
    }
    expect(rootArticles.some((a) => a.quotes.some((q) => q.speaker))).toBe(true);
  });

  it("shows a source's registry facts and its articles", () => {
    const sources = readFileSync(join(repoRoot, "src/registry/sources.yaml"), "utf8");
    for (const a of rootArticles.filter((x) => x.source !== "Unknown")) {
      const index = read(root, "sources/index.html");
      const href = new RegExp(`<a href="(/sources/[^"]+/)">${a.source}</a>`).exec(index)?.[1];
      const html = read(root, `${href!.slice(1)}index.html`);
      expect(html).toContain(`href="/articles/${a.slug}/"`);
      const country = new RegExp(`- name: ${a.source}\\n(?:  .*\\n)*?  country: (.*)`).exec(sources)?.[1];
      expect(country, a.source).toBeDefined();
      expect(html).toContain(`<dt>Country</dt><dd>${country}</dd>`);
    }
  });
});

describe("feeds, sitemap and robots", () => {
  // Newest first; on one day the later time first, then by slug.
  const dated = () => datedOf(rootArticles).sort((a, b) => b.date!.localeCompare(a.date!) || (b.time ?? "").localeCompare(a.time ?? "") || a.slug.localeCompare(b.slug));

  it("writes an Atom feed that parses and lists every article, updated at the newest article", () => {
    const xml = read(root, "feed.xml");
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" || name === "link" }).parse(xml).feed;
    const ids = (feed.entry as { id: string }[]).map((e) => e.id);
    expect(new Set(ids)).toEqual(new Set(dated().map((a) => `${SITE}/articles/${a.slug}/`)));
    expect(feed.updated.slice(0, 10)).toBe(dated()[0]!.date);
    for (const e of feed.entry as { link: { "@_href": string }[] }[]) {
      expect(resolveLink(root, "index.html", e.link[0]!["@_href"].replace(SITE, "")).file).not.toBeNull();
    }
  });

  it("writes a JSON Feed that parses and lists every article", () => {
    const feed = JSON.parse(read(root, "feed.json"));
    expect(feed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\//);
    expect(feed.items.map((i: { url: string }) => i.url)).toEqual(dated().map((a) => `${SITE}/articles/${a.slug}/`));
    const subFeed = JSON.parse(read(sub, "feed.json"));
    for (const item of subFeed.items) expect(item.url.startsWith(`${SITE}/sub/articles/`)).toBe(true);
  });

  it("lists every page in the sitemap, with absolute URLs", () => {
    for (const site of [root, sub]) {
      const xml = read(site, "sitemap.xml");
      expect(XMLValidator.validate(xml)).toBe(true);
      const urls = new XMLParser({ isArray: (name) => name === "url" }).parse(xml).urlset.url.map((u: { loc: string }) => u.loc);
      const pages = htmlPages(site).filter((f) => f !== "404.html").map((f) => `${SITE}${site.prefix}${pathOf(f).slice(1)}`);
      expect([...urls].sort()).toEqual(pages.sort());
    }
    expect(read(root, "robots.txt")).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    expect(read(sub, "robots.txt")).toContain(`Sitemap: ${SITE}/sub/sitemap.xml`);
  });
});

describe("determinism", () => {
  it("writes the same pages, feeds and sitemap, byte for byte, when the same records are built again", async () => {
    const dir = join(root.dir, "..");
    const again = join(dir, "_site-again");
    expect((await buildSite({ articlesDir: dir, outDir: again })).errors).toEqual([]);
    const files = readdirSync(root.dir, { recursive: true }).map(String).filter((f) => (/\.(html|xml|json)$/.test(f) || f === "robots.txt") && !f.startsWith("pagefind"));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(readFileSync(join(again, f), "utf8"), f).toBe(readFileSync(join(root.dir, f), "utf8"));
  });
});
