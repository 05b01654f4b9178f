import { describe, expect, it } from "vitest";
import { buildSiteData, LIST_PAGE_SIZE, MONTH_PAGE_SIZE, TIMELINE_PAGE_SIZE } from "../../src/build/site-data.ts";
import { relatedArticles, RelatedTerms } from "../../src/build/related.ts";
import { atomFeed, jsonFeed } from "../../src/build/feeds.ts";
import type { Article } from "../../src/record.ts";
import { generatedArticles } from "../helpers/generated-articles.ts";

/** A record as the build reads it, with only what a test names filled in. */
function article(slug: string, fields: Partial<Article> = {}): Article {
  return {
    title: `Headline ${slug}`,
    title_basis: "headline",
    standfirst: null,
    date: "2022-02-10",
    time: null,
    date_basis: "text",
    date_evidence: null,
    date_confidence: "high",
    source: "Unknown",
    source_basis: "unknown",
    agency: null,
    author: null,
    credits: [],
    people: [],
    places: [],
    organisations: [],
    quotes: [],
    event: null,
    slug,
    raw: `raw/${slug}.txt`,
    raw_sha256: "",
    removed: [],
    body: `Text of ${slug}.`,
    file: `${slug}.md`,
    ...fields,
  };
}

const noSources = { sources: [] };

describe("the archive by month", () => {
  it("splits a long month into pages that link on to each other and to the next month", () => {
    const february = Array.from({ length: MONTH_PAGE_SIZE + 3 }, (_, i) => article(`feb-${String(i).padStart(2, "0")}`, { date: `2022-02-${String((i % 28) + 1).padStart(2, "0")}` }));
    const data = buildSiteData([...february, article("jan", { date: "2022-01-31" }), article("mar", { date: "2022-03-01" })], [], noSources);
    expect(data.months.map((m) => m.url)).toEqual(["/archive/2022/01/", "/archive/2022/02/", "/archive/2022/02/page-2/", "/archive/2022/03/"]);
    expect(data.months.map((m) => m.articles.length)).toEqual([1, MONTH_PAGE_SIZE, 3, 1]);
    data.months.forEach((m, i) => {
      expect(m.prev?.url).toBe(data.months[i - 1]?.url);
      expect(m.next?.url).toBe(data.months[i + 1]?.url);
    });
    const all = data.months.flatMap((m) => m.articles.map((a) => a.date));
    expect(all).toEqual([...all].sort());
    expect(data.years).toHaveLength(1);
    expect(data.years[0]!.months.map((m) => [m.month, m.count])).toEqual([["2022-01", 1], ["2022-02", MONTH_PAGE_SIZE + 3], ["2022-03", 1]]);
  });

  it("keeps undated articles out of months, timeline, feeds and previous/next", () => {
    const data = buildSiteData([article("a", { date: "2022-02-09" }), article("b", { date: null, date_basis: "unknown", date_confidence: "low" }), article("c", { date: "2022-02-11" })], [], noSources);
    expect(data.undated.map((a) => a.slug)).toEqual(["b"]);
    expect(data.months.flatMap((m) => m.articles.map((a) => a.url))).not.toContain("/articles/b/");
    expect(data.timelinePages.flatMap((p) => p.months.flatMap((m) => m.days.flatMap((d) => d.entries.map((e) => e.url))))).toEqual(["/articles/a/", "/articles/c/"]);
    expect(data.timelinePages.map((p) => [p.url, p.undated])).toEqual([["/timeline/", 1]]);
    expect(data.undatedPages.map((p) => [p.url, p.articles.map((a) => a.url)])).toEqual([["/archive/undated/", ["/articles/b/"]]]);
    const a = data.articles.find((x) => x.slug === "a")!;
    expect(a.next?.url).toBe("/articles/c/");
    expect(data.articles.find((x) => x.slug === "b")!.inferred).toBe(false);
    expect(data.latest.map((x) => x.slug)).toEqual(["c", "a"]);
  });
});

describe("people, places and sources", () => {
  it("gives names that slug alike their own URLs", () => {
    const data = buildSiteData([article("a", { places: ["Kyiv", "KYIV", "Kyiv!"] })], [], noSources);
    const urls = data.places.map((p) => p.url);
    expect(new Set(urls).size).toBe(3);
    expect(urls).toContain("/places/kyiv/");
  });

  it("files each quote under its speaker, in date order, and counts a quoted speaker as named", () => {
    const data = buildSiteData(
      [
        article("late", { date: "2022-02-11", people: ["Liz Truss"], quotes: [{ speaker: "Liz Truss", text: "second" }, { speaker: null, text: "nobody's" }] }),
        article("early", { date: "2022-02-01", people: [], quotes: [{ speaker: "Liz Truss", text: "first" }, { speaker: "Sergey Lavrov", text: "his" }] }),
      ],
      [],
      noSources,
    );
    const truss = data.people.find((p) => p.name === "Liz Truss")!;
    expect(truss.quotes.map((q) => q.text)).toEqual(["first", "second"]);
    expect(truss.articles.map((a) => a.url)).toEqual(["/articles/early/", "/articles/late/"]);
    expect(data.people.find((p) => p.name === "Sergey Lavrov")!.quotes.map((q) => q.text)).toEqual(["his"]);
  });

  it("gives every publisher and agency a page with its registry facts", () => {
    const sources = [{ name: "Reuters", kind: "agency" as const, country: "United Kingdom", ownership: "private", ownership_source: "Thomson Reuters" }];
    const data = buildSiteData([article("a", { source: "TRT World", agency: "Reuters" })], [], { sources });
    expect(data.sourcePages.map((s) => [s.name, s.url, s.facts?.country ?? null])).toEqual([
      ["Reuters", "/sources/reuters/", "United Kingdom"],
      ["TRT World", "/sources/trt-world/", null],
    ]);
    expect(data.sourcePages[0]!.agencyArticles.map((a) => a.url)).toEqual(["/articles/a/"]);
    expect(data.articles[0]!.agencyUrl).toBe("/sources/reuters/");
  });
});

describe("long lists in pages", () => {
  // 2.5 pages' worth of articles over 60 days, all naming one person, quoting her twice each, from one source.
  const n = Math.round(LIST_PAGE_SIZE * 2.5);
  const day = (i: number) => new Date(Date.UTC(2022, 0, 1 + Math.floor((i * 60) / n))).toISOString().slice(0, 10);
  const many = Array.from({ length: n }, (_, i) =>
    article(`a${String(i).padStart(4, "0")}`, {
      date: day(i),
      source: "Reuters",
      people: ["Liz Truss"],
      quotes: [{ speaker: "Liz Truss", text: `one ${i}` }, { speaker: "Liz Truss", text: `two ${i}` }],
    }),
  );
  const data = buildSiteData(many, [], noSources);
  const inOrder = many.map((a) => `/articles/${a.slug}/`);

  it("splits a person named in many articles into linked pages that together list every article and quote once", () => {
    const pages = data.people.filter((p) => p.name === "Liz Truss");
    expect(pages.map((p) => p.url)).toEqual(["/people/liz-truss/", "/people/liz-truss/page-2/", "/people/liz-truss/page-3/", "/people/liz-truss/page-4/", "/people/liz-truss/page-5/"]);
    expect(pages.flatMap((p) => p.articles.map((a) => a.url))).toEqual(inOrder);
    expect(pages.flatMap((p) => p.quotes)).toHaveLength(2 * n);
    expect(pages.every((p) => p.articles.length <= LIST_PAGE_SIZE && p.quotes.length <= LIST_PAGE_SIZE)).toBe(true);
    expect(pages.map((p) => [p.articleCount, p.quoteCount, p.pageCount, p.firstUrl])).toEqual(pages.map(() => [n, 2 * n, 5, "/people/liz-truss/"]));
    pages.forEach((p, i) => {
      expect(p.prev?.url).toBe(pages[i - 1]?.url);
      expect(p.next?.url).toBe(pages[i + 1]?.url);
    });
    expect(data.entityIndexes[0]!.entries).toEqual([{ name: "Liz Truss", url: "/people/liz-truss/", count: n, quotes: 2 * n }]);
  });

  it("splits a source's articles into pages and lists the source once", () => {
    const pages = data.sourcePages.filter((p) => p.name === "Reuters");
    expect(pages.map((p) => p.url)).toEqual(["/sources/reuters/", "/sources/reuters/page-2/", "/sources/reuters/page-3/"]);
    expect(pages.flatMap((p) => p.articles.map((a) => a.url))).toEqual(inOrder);
    expect(data.sourceList).toEqual([{ name: "Reuters", url: "/sources/reuters/", facts: null, articleCount: n, agencyCount: 0 }]);
  });

  it("breaks the timeline only between days, each page about TIMELINE_PAGE_SIZE articles", () => {
    const big = Array.from({ length: TIMELINE_PAGE_SIZE * 2 + 7 }, (_, i) => article(`t${String(i).padStart(5, "0")}`, { date: new Date(Date.UTC(2020, 0, 1 + Math.floor(i / 9))).toISOString().slice(0, 10) }));
    const pages = buildSiteData(big, [], noSources).timelinePages;
    expect(pages.length).toBe(3);
    expect(pages.map((p) => p.url)).toEqual(["/timeline/", "/timeline/page-2/", "/timeline/page-3/"]);
    const days = pages.map((p) => p.months.flatMap((m) => m.days.map((d) => d.date)));
    for (let k = 1; k < days.length; k++) expect(days[k]![0]! > days[k - 1]!.at(-1)!).toBe(true);
    expect(pages.every((p) => p.entryCount <= TIMELINE_PAGE_SIZE)).toBe(true);
    expect(pages.reduce((s, p) => s + p.entryCount, 0)).toBe(big.length);
    expect(pages[1]!.prev).toEqual({ label: pages[0]!.label, url: "/timeline/" });
  });
});

describe("related articles", () => {
  const items = [
    { slug: "a", text: "Talks in Moscow about sanctions", people: ["Liz Truss", "Sergey Lavrov"], organisations: [], places: ["Moscow"] },
    { slug: "b", text: "Lavrov and Truss meet", people: ["Liz Truss", "Sergey Lavrov"], organisations: [], places: [] },
    { slug: "c", text: "Weather in Moscow", people: [], organisations: [], places: ["Moscow"] },
    { slug: "d", text: "Sport results", people: [], organisations: [], places: [] },
  ];

  it("ranks by shared people above shared places, and leaves out articles that share nothing", () => {
    const related = relatedArticles(items);
    expect(related.get("a")!.map((r) => r.slug)).toEqual(["b", "c"]);
    expect(related.get("a")![0]!.shared).toEqual(expect.arrayContaining(["Liz Truss", "Sergey Lavrov"]));
    expect(related.get("d")).toEqual([]);
  });

  it("counts distinctive shared words too", () => {
    const words = [
      { slug: "x", text: "The grain corridor through the Bosphorus reopened", people: [], organisations: [], places: [] },
      { slug: "y", text: "Ships in the grain corridor wait at the Bosphorus", people: [], organisations: [], places: [] },
      { slug: "z", text: "An election was held", people: [], organisations: [], places: [] },
    ];
    expect(relatedArticles(words).get("x")!.map((r) => r.slug)).toEqual(["y"]);
  });

  it("are the same from a table of terms kept across builds, which has met other articles and earlier versions of these", () => {
    const archive = generatedArticles(11, 300).map((a) => ({ slug: a.slug, text: `${a.title}\n${a.body}`, people: a.people, organisations: a.organisations, places: a.places }));
    const keyed = archive.map((a) => ({ ...a, key: {} }));
    const kept = new RelatedTerms();
    // An earlier build: other articles first, then these with their first halves only (other words, numbered first).
    relatedArticles(keyed.slice(150).map((a) => ({ ...a, key: {}, text: a.text.slice(0, 200) })), {}, kept);
    relatedArticles(keyed.slice(0, 200), {}, kept);
    const fresh = relatedArticles(archive);
    expect([...fresh.values()].flat().length).toBeGreaterThan(500);
    expect(relatedArticles(keyed, {}, kept)).toEqual(fresh);
    expect(relatedArticles(keyed, {}, kept)).toEqual(fresh); // every article's terms from the table this time
  });

  it("are the same after edits, working out again only the rows an edit can change, as from nothing", () => {
    let archive = generatedArticles(5, 400).map((a) => ({ slug: a.slug, text: `${a.title}\n${a.body}`, people: a.people, organisations: a.organisations, places: a.places, key: {} }));
    const kept = new RelatedTerms();
    relatedArticles(archive, {}, kept);
    const commonPerson = archive.flatMap((a) => a.people).sort().find((p, i, all) => all.indexOf(p) !== i)!;
    const edit = (i: number, change: Partial<(typeof archive)[number]>) => (archive = archive.map((a, k) => (k === i ? { ...a, ...change, key: {} } : a)));
    const edits: (() => void)[] = [
      () => edit(7, { text: `A new headline about the harbour strike\n${archive[7]!.text}` }),
      () => edit(8, { text: archive[9]!.text }), // the words of another article
      () => edit(10, { people: [...archive[10]!.people, commonPerson] }),
      () => edit(11, { people: [...archive[11]!.people, "Someone Never Named Before"], places: [] }),
      () => (edit(12, { text: "Nothing much" }), edit(300, { organisations: [], text: archive[12]!.text.slice(0, 400) })),
    ];
    let reused = 0;
    for (const change of edits) {
      const before = kept.last!.rows;
      change();
      const fresh = relatedArticles(archive.map(({ key: _, ...a }) => a));
      expect(relatedArticles(archive, {}, kept)).toEqual(fresh);
      reused += kept.last!.rows.filter((row, i) => row === before[i]).length;
    }
    expect(reused).toBeGreaterThan(edits.length * 200); // most rows were kept, not worked out again
  });

  it("show the names a kept row shares in their new order when an edit elsewhere makes one of them commoner", () => {
    // Pairs of articles share a rare word; 60 of them also name two people too common to pair anyone.
    const archive = Array.from({ length: 120 }, (_, i) => ({
      slug: `a${String(i).padStart(3, "0")}`,
      text: `Report on matter${"bcdefghijklmnopqrstuvwxyz"[Math.floor(i / 2) % 25]}${"bcdefghijklmnopqrstuvwxyz"[Math.floor(i / 50)]}`,
      people: i < 60 ? ["Anna Able", "Bert Baker"] : [],
      organisations: [],
      places: [],
      key: {} as object,
    }));
    const kept = new RelatedTerms();
    expect(relatedArticles(archive, {}, kept).get("a000")![0]).toMatchObject({ slug: "a001", shared: ["Anna Able", "Bert Baker"] });
    archive[100] = { ...archive[100]!, people: ["Anna Able"], key: {} }; // Anna Able is now the commoner, so the less distinctive
    const after = relatedArticles(archive, {}, kept);
    expect(after.get("a000")![0]).toMatchObject({ slug: "a001", shared: ["Bert Baker", "Anna Able"] });
    expect(after).toEqual(relatedArticles(archive.map(({ key: _, ...a }) => a)));
  });
});

describe("feeds", () => {
  it("are dated by the newest article, not by the clock, and leave undated articles out", () => {
    const data = buildSiteData([article("old", { date: "2021-12-02", time: "16:17" }), article("new", { date: "2022-02-11" }), article("none", { date: null })], [], noSources);
    const absolute = (path: string) => new URL(path, "https://example.org/sub/").href;
    const site = { title: "Archive", description: "About" };
    const atom = atomFeed(data.articles, site, absolute);
    expect(atom).toContain("<updated>2022-02-11T00:00:00.000Z</updated>");
    expect(atom).toContain("<published>2021-12-02T16:17:00.000Z</published>");
    expect(atom).not.toContain("/articles/none/");
    expect(atomFeed(data.articles, site, absolute)).toBe(atom);
    const json = JSON.parse(jsonFeed(data.articles, site, absolute));
    expect(json.items.map((i: { url: string }) => i.url)).toEqual(["https://example.org/articles/new/", "https://example.org/articles/old/"]);
  });
});
