import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../../src/cli/ingest.ts";
import { buildSite } from "../../src/build/site-build.ts";
import { loadArticles } from "../../src/build/load-records.ts";
import { loadSiteData } from "../../src/build/site-data.ts";
import type { Article } from "../../src/record.ts";
import { tempArchive } from "../helpers/paths.ts";

// The five seeds ingested and built into a temporary folder; the records say which is which.
let out: string;
let records: Article[];
let february: Article[];
let stockholm: Article[];
let articlesDir: string;

beforeAll(async () => {
  const dir = (articlesDir = tempArchive());
  expect(runIngest({ input: join(dir, "raw"), output: dir, reportFile: join(dir, "report.json"), quiet: true })).toBe(0);
  out = join(dir, "_site");
  const result = await buildSite({ articlesDir: dir, outDir: out });
  expect(result.errors).toEqual([]);
  records = loadArticles(dir).articles;
  // The meeting of 10 February 2022 and its aftermath: dated 10-11 February, naming Truss and Lavrov, in Moscow.
  february = records.filter(
    (a) =>
      (a.date === "2022-02-10" || a.date === "2022-02-11") &&
      a.people.includes("Liz Truss") &&
      a.people.includes("Sergey Lavrov") &&
      a.places.includes("Moscow"),
  );
  stockholm = records.filter((a) => a.date?.startsWith("2021-12") && a.places.includes("Stockholm"));
});

const read = (...parts: string[]) => readFileSync(join(out, ...parts), "utf8");
const articlePage = (a: Article) => read("articles", a.slug, "index.html");
// Nunjucks escapes text this way (autoescape on).
const escaped = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const eventUrlOf = (html: string) => /<aside class="event-link"[\s\S]*?href="(\/events\/[^"]+\/)"/.exec(html)?.[1] ?? null;

describe("events in the built archive of the five seeds", () => {
  it("puts the three reports of the February talks in one event, and not the December Stockholm report", () => {
    expect(february).toHaveLength(3);
    expect(stockholm).toHaveLength(1);
    const urls = february.map((a) => eventUrlOf(articlePage(a)));
    expect(urls[0]).not.toBeNull();
    expect(new Set(urls).size).toBe(1);
    expect(eventUrlOf(articlePage(stockholm[0]!))).toBeNull();
    const eventPage = read(...urls[0]!.split("/").filter(Boolean), "index.html");
    expect(eventPage).not.toContain(`/articles/${stockholm[0]!.slug}/`);
  });

  it("links each February article to the event and to the other outlets' reports", () => {
    for (const a of february) {
      const html = articlePage(a);
      const aside = html.slice(html.indexOf('<aside class="event-link"'), html.indexOf("</aside>"));
      for (const other of february.filter((o) => o !== a)) expect(aside).toContain(`href="/articles/${other.slug}/"`);
      expect(aside).not.toContain(`href="/articles/${a.slug}/"`);
    }
  });

  it("shows on the event page each outlet's headline, date, and quotes from its record", () => {
    const url = eventUrlOf(articlePage(february[0]!))!;
    const html = read(...url.split("/").filter(Boolean), "index.html");
    const sections = html.split('<section class="outlet-quotes"').slice(1);
    for (const a of february) {
      expect(html).toContain(`href="/articles/${a.slug}/">${escaped(a.title)}</a>`);
      expect(html).toContain(`<time datetime="${a.date}">`);
      // The outlet's own quote section holds every quote of its record.
      const own = sections.find((s) => a.quotes.every((q) => s.includes(`<q>${escaped(q.text)}</q>`)));
      expect(own, `quotes of ${a.slug}`).toBeDefined();
      expect(a.quotes.length).toBeGreaterThan(0);
    }
  });

  it("gives the registry's country and ownership of each known outlet, and a coverage summary", () => {
    const url = eventUrlOf(articlePage(february[0]!))!;
    const html = read(...url.split("/").filter(Boolean), "index.html");
    for (const a of february.filter((x) => x.source === "Express")) {
      const row = html.slice(html.indexOf(`>${a.source}</a>`));
      expect(row.slice(0, 600)).toContain("<td>United Kingdom</td>");
      expect(row.slice(0, 600)).toContain("<td>private</td>");
    }
    expect(html).toMatch(/\d+ reports from \d+ outlets/);
    expect(html).toContain("Who each outlet named");
    expect(html).toContain("<th scope=\"row\">Liz Truss</th>");
  });

  it("states the evidence that joined the reports", () => {
    const url = eventUrlOf(articlePage(february[0]!))!;
    const html = read(...url.split("/").filter(Boolean), "index.html");
    const evidence = html.slice(html.indexOf('id="evidence"'));
    expect(evidence).toMatch(/(same day|\d days? apart), score [\d.]+\./);
    expect(evidence).toContain("Shared names: ");
    expect(evidence).toContain("Liz Truss");
  });

  it("lists the events on /events/, in the timeline and in the site navigation", () => {
    const url = eventUrlOf(articlePage(february[0]!))!;
    expect(existsSync(join(out, "events", "index.html"))).toBe(true);
    expect(read("events", "index.html")).toContain(`href="${url}"`);
    expect(read("timeline", "index.html")).toContain(`href="${url}"`);
    expect(read("index.html")).toContain('href="/events/"');
    expect(readdirSync(join(out, "events")).filter((f) => f !== "index.html")).toHaveLength(1);
  });

  it("writes the grouping and its evidence into the build report", () => {
    const report = JSON.parse(JSON.stringify(loadSiteData(articlesDir).eventsReport)) as {
      events: { basis: string; members: { id: string }[]; links: { a: string; b: string; gap_days: number; names: string[] }[] }[];
      excluded: unknown[];
      refused: unknown[];
    };
    const event = report.events.find((e) => e.members.some((m) => m.id === february[0]!.slug))!;
    for (const a of february) expect(event.members.map((m) => m.id)).toContain(a.slug);
    expect(event.basis).toBe("similarity");
    // A spanning set of links: every member is joined by one, and each states its names and date gap.
    expect(event.links).toHaveLength(event.members.length - 1);
    const linked = new Set(event.links.flatMap((l) => [l.a, l.b]));
    for (const m of event.members) expect(linked.has(m.id)).toBe(true);
    for (const l of event.links) {
      expect(l.names.length).toBeGreaterThan(0);
      expect(l.gap_days).toBeLessThanOrEqual(3);
    }
  });
});
