/**
 * The site's data: the checked records with their rendered bodies, in date order, with everything
 * the templates list, link and group them by (months, days, people, places, organisations, sources).
 * Computed once per build and handed to Eleventy as global data; each kind of page is one template
 * paginated over one of these arrays (one data array and paginated templates measure much faster
 * than a file per page). Only plain objects without cycles go in: Eleventy may copy its data.
 */
import { existsSync } from "node:fs";
import { join, posix } from "node:path";
import { format, parseISO } from "date-fns";
import slugify from "@sindresorhus/slugify";
import type { Article } from "../record.ts";
import { loadRegistries, type SourceEntry } from "../registry.ts";
import { firstSentence } from "../ingest/lead-title.ts";
import { renderBodies, renderBodiesSync, renderMarkdown } from "./render-body.ts";
import { cachedRecordParser } from "./record-cache.ts";
import { loadArticles, type BuildProblem } from "./load-records.ts";
import { relatedArticles } from "./related.ts";
import { eventsReport, nameForms, siteEvents, type EventLink, type SiteEvent } from "../events/site.ts";

/** Articles on the home page and in the feeds. */
export const LATEST_COUNT = 20;
/** Articles per page of a month in the archive. */
export const MONTH_PAGE_SIZE = 25;
/** Source name that ingest writes when the text does not tell the publisher. */
export const UNKNOWN_SOURCE = "Unknown";

export interface Link {
  label: string;
  url: string;
}

/** What a list of articles shows of each one. */
export interface ArticleCard {
  title: string;
  url: string;
  date: string | null;
  dateLabel: string;
  inferred: boolean;
  source: string;
  summary: string;
}

export interface RelatedCard extends ArticleCard {
  shared: string[];
}

export interface SiteArticle extends Article {
  html: string;
  summary: string;
  url: string;
  dateLabel: string;
  year: string | null;
  month: string | null; // YYYY-MM
  /** The date is a guess (inferred, or low confidence): shown with a marker and its evidence. */
  inferred: boolean;
  prev: { title: string; url: string } | null;
  next: { title: string; url: string } | null;
  peopleLinks: Link[];
  placeLinks: Link[];
  organisationLinks: Link[];
  sourceUrl: string;
  sourceFacts: SourceEntry | null;
  agencyUrl: string | null;
  related: RelatedCard[];
  /** Where the raw text is served (/raw/<file>), null when the raw file is not there to copy. */
  rawUrl: string | null;
  /** The event this article reports, with the other outlets' reports of it (src/events/), or null. */
  eventLink: EventLink | null;
}

export interface QuoteCard {
  text: string;
  article: ArticleCard;
}

export type EntityKind = "person" | "place" | "organisation";

export interface EntityPage {
  kind: EntityKind;
  name: string;
  url: string;
  articles: ArticleCard[]; // date order, undated last
  quotes: QuoteCard[]; // quotes attributed to this name, in date order
}

export interface EntityIndex {
  kind: EntityKind;
  title: string; // People
  url: string; // /people/
  entries: { name: string; url: string; count: number; quotes: number }[];
}

export interface SourcePage {
  name: string;
  url: string;
  facts: SourceEntry | null;
  articles: ArticleCard[]; // published by this source, date order
  agencyArticles: ArticleCard[]; // credited to this source as the wire agency, date order
}

export interface MonthPage {
  month: string; // YYYY-MM
  label: string; // February 2022
  year: string;
  pageNumber: number; // 1-based, within the month
  pageCount: number;
  url: string;
  articles: ArticleCard[]; // oldest first
  prev: Link | null;
  next: Link | null;
}

export interface MonthSummary {
  month: string;
  label: string;
  url: string;
  count: number;
}

export interface YearPage {
  year: string;
  url: string;
  count: number;
  months: MonthSummary[];
  prev: Link | null;
  next: Link | null;
}

export interface TimelineDay {
  date: string;
  label: string;
  entries: ArticleCard[];
}

export interface TimelineMonth {
  month: string;
  label: string;
  days: TimelineDay[];
}

export interface SiteData {
  articles: SiteArticle[]; // newest first, undated last
  chronological: SiteArticle[]; // oldest first, dated only
  undated: SiteArticle[];
  latest: SiteArticle[]; // the newest dated articles, for the home page and the feeds
  years: YearPage[]; // oldest first
  months: MonthPage[]; // every page of every month, oldest first
  timeline: TimelineMonth[]; // oldest first
  people: EntityPage[]; // by name
  places: EntityPage[];
  organisations: EntityPage[];
  /** People, places and organisations together: one template pages them all. */
  entities: EntityPage[];
  entityIndexes: EntityIndex[];
  sourcePages: SourcePage[]; // by name, Unknown last
  events: SiteEvent[]; // events of two or more reports, oldest first
  /** The grouping with its evidence, written to .cache/events-report.json by the build. */
  eventsReport: object;
  /** The source registry by name (src/registry/sources.yaml). */
  sources: Record<string, SourceEntry>;
  /** Folder of the raw files, copied to /raw/ on the site. */
  rawDir: string | null;
  problems: BuildProblem[];
}

export function nameSlug(name: string): string {
  return slugify(name) || "unnamed";
}

function plainText(markdown: string): string {
  return markdown.replace(/^#+\s+/gm, "").replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, "$1");
}

function summaryOf(a: Article): string {
  if (a.standfirst) return a.standfirst;
  const firstParagraph = plainText(a.body).split(/\n\s*\n/).find((p) => p.trim() && !p.startsWith("#")) ?? "";
  return firstSentence(firstParagraph.trim());
}

export function compareArticles(a: Article, b: Article): number {
  // Newest first; undated after dated; then by slug for a stable order.
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  const at = a.time ?? "";
  const bt = b.time ?? "";
  if (at !== bt) return at < bt ? 1 : -1;
  return a.slug.localeCompare(b.slug);
}

const dayLabel = (iso: string) => format(parseISO(iso), "d MMMM yyyy");
const monthLabel = (ym: string) => format(parseISO(`${ym}-01`), "MMMM yyyy");

/**
 * One URL per name and section: names are slugged, and two names with the same slug
 * (e.g. "Kyiv" and "KYIV") get -2, -3 in name order, so every URL is stable and unique.
 */
function urlsFor(section: string, names: Iterable<string>): Map<string, string> {
  const urls = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of [...new Set(names)].sort((a, b) => a.localeCompare(b))) {
    const base = nameSlug(name);
    let slug = base;
    for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
    taken.add(slug);
    urls.set(name, `/${section}/${slug}/`);
  }
  return urls;
}

/** Oldest first, undated last: the order a reader follows a story in. */
function inDateOrder<T extends { date: string | null; time?: string | null; slug?: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date < b.date ? -1 : 1;
    }
    return (a.time ?? "").localeCompare(b.time ?? "") || (a.slug ?? "").localeCompare(b.slug ?? "");
  });
}

function cardOf(a: SiteArticle): ArticleCard {
  return { title: a.title, url: a.url, date: a.date, dateLabel: a.dateLabel, inferred: a.inferred, source: a.source, summary: a.summary };
}

function entityPages(kind: EntityKind, section: string, articles: SiteArticle[], namesOf: (a: Article) => readonly string[], speakers: boolean): {
  pages: EntityPage[];
  urls: Map<string, string>;
} {
  const byName = new Map<string, { articles: SiteArticle[]; quotes: { text: string; article: SiteArticle }[] }>();
  const entry = (name: string) => {
    let e = byName.get(name);
    if (!e) byName.set(name, (e = { articles: [], quotes: [] }));
    return e;
  };
  for (const a of articles) {
    const names = new Set(namesOf(a));
    // A person quoted is a person named, even where the record's list of people missed them.
    if (speakers) for (const q of a.quotes) if (q.speaker) names.add(q.speaker);
    for (const name of names) entry(name).articles.push(a);
    if (speakers) for (const q of a.quotes) if (q.speaker) entry(q.speaker).quotes.push({ text: q.text, article: a });
  }
  const urls = urlsFor(section, byName.keys());
  const pages = [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, e]) => ({
      kind,
      name,
      url: urls.get(name)!,
      articles: inDateOrder(e.articles).map(cardOf),
      // Stable sort: quotes of one article keep their order in the text.
      quotes: inDateOrder(e.quotes.map((q) => ({ ...q, date: q.article.date, time: q.article.time, slug: q.article.slug }))).map((q) => ({
        text: q.text,
        article: cardOf(q.article),
      })),
    }));
  return { pages, urls };
}

function monthPages(chronological: SiteArticle[], pageSize: number): MonthPage[] {
  const byMonth = new Map<string, SiteArticle[]>();
  for (const a of chronological) {
    const list = byMonth.get(a.month!) ?? [];
    list.push(a);
    byMonth.set(a.month!, list);
  }
  const pages: MonthPage[] = [];
  for (const [month, list] of byMonth) {
    const pageCount = Math.ceil(list.length / pageSize);
    for (let p = 0; p < pageCount; p++) {
      const base = `/archive/${month.slice(0, 4)}/${month.slice(5, 7)}/`;
      pages.push({
        month,
        label: monthLabel(month),
        year: month.slice(0, 4),
        pageNumber: p + 1,
        pageCount,
        url: p === 0 ? base : `${base}page-${p + 1}/`,
        articles: list.slice(p * pageSize, (p + 1) * pageSize).map(cardOf),
        prev: null,
        next: null,
      });
    }
  }
  const label = (m: MonthPage) => (m.pageCount > 1 ? `${m.label}, page ${m.pageNumber} of ${m.pageCount}` : m.label);
  pages.forEach((m, i) => {
    const before = pages[i - 1];
    const after = pages[i + 1];
    m.prev = before ? { label: label(before), url: before.url } : null;
    m.next = after ? { label: label(after), url: after.url } : null;
  });
  return pages;
}

function yearPages(months: MonthPage[]): YearPage[] {
  const years = new Map<string, YearPage>();
  for (const m of months) {
    let y = years.get(m.year);
    if (!y) years.set(m.year, (y = { year: m.year, url: `/archive/${m.year}/`, count: 0, months: [], prev: null, next: null }));
    y.count += m.articles.length;
    if (m.pageNumber === 1) y.months.push({ month: m.month, label: m.label, url: m.url, count: 0 });
    y.months.at(-1)!.count += m.articles.length;
  }
  const list = [...years.values()];
  list.forEach((y, i) => {
    const before = list[i - 1];
    const after = list[i + 1];
    y.prev = before ? { label: before.year, url: before.url } : null;
    y.next = after ? { label: after.year, url: after.url } : null;
  });
  return list;
}

function timelineOf(chronological: SiteArticle[]): TimelineMonth[] {
  const months: TimelineMonth[] = [];
  for (const a of chronological) {
    let month = months.at(-1);
    if (month?.month !== a.month) months.push((month = { month: a.month!, label: monthLabel(a.month!), days: [] }));
    let day = month.days.at(-1);
    if (day?.date !== a.date) month.days.push((day = { date: a.date!, label: dayLabel(a.date!), entries: [] }));
    day.entries.push(cardOf(a));
  }
  return months;
}

export interface SiteDataOptions {
  /** The articles folder: raw files are looked up under it, to link each article to its raw text. */
  articlesDir?: string;
  sources?: SourceEntry[];
  /** Markdown to HTML; prepareSiteData passes the bodies it rendered ahead (cached, in parallel). */
  render?: (markdown: string) => string;
}

export function buildSiteData(articles: Article[], problems: BuildProblem[] = [], options: SiteDataOptions = {}): SiteData {
  const registry: Record<string, SourceEntry> = {};
  for (const s of options.sources ?? loadRegistries().sources) registry[s.name] = s;
  const rawDir = options.articlesDir ? join(options.articlesDir, "raw") : null;

  const sorted = [...articles].sort(compareArticles);
  const site: SiteArticle[] = sorted.map((a) => {
    // Only files inside raw/ are copied to the site; a record may point elsewhere or at a file since removed.
    const raw = a.raw ? posix.normalize(a.raw.replace(/\\/g, "/")) : ""; // a record written by hand may have no raw file
    const rawFound = options.articlesDir !== undefined && raw.startsWith("raw/") && existsSync(join(options.articlesDir, raw));
    return {
      ...a,
      html: (options.render ?? renderMarkdown)(a.body),
      summary: summaryOf(a),
      url: `/articles/${a.slug}/`,
      dateLabel: a.date ? dayLabel(a.date) : "Undated",
      year: a.date ? a.date.slice(0, 4) : null,
      month: a.date ? a.date.slice(0, 7) : null,
      inferred: a.date !== null && (a.date_basis === "inferred" || a.date_confidence === "low"),
      prev: null,
      next: null,
      peopleLinks: [],
      placeLinks: [],
      organisationLinks: [],
      sourceUrl: "",
      sourceFacts: registry[a.source] ?? null,
      agencyUrl: null,
      related: [],
      rawUrl: rawFound ? `/${raw}` : null,
      eventLink: null,
    };
  });

  const chronological = inDateOrder(site.filter((a) => a.date !== null));
  chronological.forEach((a, i) => {
    const before = chronological[i - 1];
    const after = chronological[i + 1];
    a.prev = before ? { title: before.title, url: before.url } : null;
    a.next = after ? { title: after.title, url: after.url } : null;
  });

  const people = entityPages("person", "people", site, (a) => a.people, true);
  const places = entityPages("place", "places", site, (a) => a.places, false);
  const organisations = entityPages("organisation", "organisations", site, (a) => a.organisations, false);
  const sourceUrls = urlsFor("sources", site.flatMap((a) => (a.agency ? [a.source, a.agency] : [a.source])));
  const links = (names: readonly string[], urls: Map<string, string>) => names.map((name) => ({ label: name, url: urls.get(name)! }));

  const bySlug = new Map(site.map((a) => [a.slug, a]));
  const related = relatedArticles(
    site.map((a) => ({ slug: a.slug, text: `${a.title}\n${plainText(a.body)}`, people: a.people, organisations: a.organisations, places: a.places })),
  );
  for (const a of site) {
    a.peopleLinks = links(a.people, people.urls);
    a.placeLinks = links(a.places, places.urls);
    a.organisationLinks = links(a.organisations, organisations.urls);
    a.sourceUrl = sourceUrls.get(a.source)!;
    a.agencyUrl = a.agency ? sourceUrls.get(a.agency)! : null;
    a.related = (related.get(a.slug) ?? []).map((r) => ({ ...cardOf(bySlug.get(r.slug)!), shared: r.shared }));
  }

  const sourcePages: SourcePage[] = [...sourceUrls.entries()]
    .sort(([a], [b]) => Number(a === UNKNOWN_SOURCE) - Number(b === UNKNOWN_SOURCE) || a.localeCompare(b))
    .map(([name, url]) => ({
      name,
      url,
      facts: registry[name] ?? null,
      articles: inDateOrder(site.filter((a) => a.source === name)).map(cardOf),
      agencyArticles: inDateOrder(site.filter((a) => a.agency === name)).map(cardOf),
    }));

  const months = monthPages(chronological, MONTH_PAGE_SIZE);
  const indexOf = (kind: EntityKind, title: string, url: string, pages: EntityPage[]): EntityIndex => ({
    kind,
    title,
    url,
    entries: pages.map((p) => ({ name: p.name, url: p.url, count: p.articles.length, quotes: p.quotes.length })),
  });
  // Events: reports of the same event grouped and compared outlet by outlet (src/events/).
  const events = siteEvents(site, nameForms(loadRegistries().entities));
  for (const a of site) a.eventLink = events.byArticle.get(a.slug) ?? null;

  return {
    articles: site,
    chronological,
    undated: site.filter((a) => a.date === null),
    latest: site.filter((a) => a.date !== null).slice(0, LATEST_COUNT),
    years: yearPages(months),
    months,
    timeline: timelineOf(chronological),
    people: people.pages,
    places: places.pages,
    organisations: organisations.pages,
    entities: [...people.pages, ...places.pages, ...organisations.pages],
    entityIndexes: [
      indexOf("person", "People", "/people/", people.pages),
      indexOf("place", "Places", "/places/", places.pages),
      indexOf("organisation", "Organisations", "/organisations/", organisations.pages),
    ],
    sourcePages,
    events: events.events,
    eventsReport: eventsReport(events),
    sources: registry,
    rawDir: rawDir && existsSync(rawDir) ? rawDir : null,
    problems,
  };
}

const memo = new Map<string, SiteData>();

/** The records of a folder, checked; only records changed since the last build are parsed (record cache). */
function readRecords(articlesDir: string): ReturnType<typeof loadArticles> {
  const records = cachedRecordParser();
  const loaded = loadArticles(articlesDir, records.parse);
  records.save();
  return loaded;
}

/** The site data from checked records and their bodies' HTML (in the same order), remembered for this folder. */
function assemble(articlesDir: string, { articles, problems }: ReturnType<typeof loadArticles>, html: string[]): SiteData {
  const byBody = new Map(articles.map((a, i) => [a.body, html[i]!]));
  const data = buildSiteData(articles, problems, { articlesDir, render: (md) => byBody.get(md) ?? renderMarkdown(md) });
  memo.set(articlesDir, data);
  return data;
}

/** Load and prepare an articles folder once per process (the build and Eleventy's config share it). */
export function loadSiteData(articlesDir: string): SiteData {
  const known = memo.get(articlesDir);
  if (known) return known;
  const loaded = readRecords(articlesDir);
  return assemble(articlesDir, loaded, renderBodiesSync(loaded.articles.map((a) => a.body))); // unchanged bodies come from the render cache
}

/** The same as loadSiteData, with every body rendered once: from the render cache, or on worker threads. */
export async function prepareSiteData(articlesDir: string): Promise<SiteData> {
  const known = memo.get(articlesDir);
  if (known) return known;
  const loaded = readRecords(articlesDir);
  const { html } = await renderBodies(loaded.articles.map((a) => a.body));
  return assemble(articlesDir, loaded, html);
}

export function forgetSiteData(): void {
  memo.clear();
}
