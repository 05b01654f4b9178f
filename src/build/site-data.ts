/**
 * The site's data: the checked records with their rendered bodies, in date order, with everything
 * the templates list, link and group them by (months, days, people, places, organisations, sources).
 * Computed once per build and handed to Eleventy as global data; each kind of page is one template
 * paginated over one of these arrays (one data array and paginated templates measure much faster
 * than a file per page). Only plain objects without cycles go in: Eleventy may copy its data.
 */
import { existsSync, readdirSync } from "node:fs";
import { join, posix } from "node:path";
import slugify from "@sindresorhus/slugify";
import type { Article } from "../record.ts";
import { loadRegistries, type SourceEntry } from "../registry.ts";
import { firstSentence } from "../ingest/lead-title.ts";
import { renderBodies, renderBodiesSync, renderMarkdown, type BodyHtml } from "./render-body.ts";
import { HtmlSpool } from "./html-spool.ts";
import { ownCopy } from "./own-copy.ts";
import { cachedRecordParser } from "./record-cache.ts";
import { contentKey } from "./cache.ts";
import { rawFiles, type StaticFile } from "./static-files.ts";
import { loadArticles, type BuildProblem } from "./load-records.ts";
import { leadWords, relatedArticles, RelatedTerms } from "./related.ts";
import { isWarm } from "./warm.ts";
import { eventsReport, nameForms, siteEvents, type EventArticle, type EventLink, type SiteEvent, type SiteEvents } from "../events/site.ts";
import { eventArticle, eventsAside, startEventsAside } from "./site-events.ts";
import { dateLabel, dayLabel, monthLabel } from "./date-labels.ts";
import { linkPages, numberedPages, pageOfLabel, pageUrl, slices, type Link, type PageOf } from "./paginate.ts";

export type { Link } from "./paginate.ts";

/** Articles on the home page and in the feeds. */
export const LATEST_COUNT = 20;
/** Articles per page of a month in the archive. */
export const MONTH_PAGE_SIZE = 25;
/** Articles (and quotes) per page of a person, place, organisation or source, events per page of the list of events. */
export const LIST_PAGE_SIZE = 100;
/** Articles per page of the timeline, which breaks only between days. */
export const TIMELINE_PAGE_SIZE = 500;
/** Source name that ingest writes when the text does not tell the publisher. */
export const UNKNOWN_SOURCE = "Unknown";

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

/** An article as its pages show it: no Markdown (the HTML instead) and not where its record lives on disk, so that a page is the same from any folder. */
export interface SiteArticle extends Omit<Article, "body" | "file"> {
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

/** One page of a person, place or organisation: a slice of the articles naming it and of the quotes it is given. */
export interface EntityPage extends PageOf {
  kind: EntityKind;
  name: string;
  firstUrl: string; // the name's first page, where everything links to
  articles: ArticleCard[]; // this page's, in date order, undated last
  quotes: QuoteCard[]; // this page's quotes attributed to this name, in date order
  articleCount: number; // on all its pages
  quoteCount: number;
  articleFrom: number; // 1-based position of this page's first article among all of them
  quoteFrom: number;
}

export interface EntityIndex {
  kind: EntityKind;
  title: string; // People
  url: string; // /people/
  entries: { name: string; url: string; count: number; quotes: number }[];
}

/** One page of a source: a slice of what it published and of what is credited to it as the agency. */
export interface SourcePage extends PageOf {
  name: string;
  firstUrl: string;
  facts: SourceEntry | null;
  articles: ArticleCard[]; // this page's, published by this source, date order
  agencyArticles: ArticleCard[]; // this page's, credited to this source as the wire agency, date order
  articleCount: number;
  agencyCount: number;
  articleFrom: number;
  agencyFrom: number;
}

/** A source as the list of sources shows it. */
export interface SourceSummary {
  name: string;
  url: string;
  facts: SourceEntry | null;
  articleCount: number;
  agencyCount: number;
}

/** An event as lists show it. */
export interface EventCard {
  name: string;
  url: string;
  start: string;
  dateLabel: string;
  reports: number;
  outletCount: number; // distinct outlets
  outlets: string[]; // each report's outlet, oldest report first
}

export interface EventListPage extends PageOf {
  events: EventCard[]; // oldest first
  total: number;
  from: number;
}

export interface UndatedPage extends PageOf {
  articles: ArticleCard[];
  total: number;
  from: number;
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

/** A stretch of the timeline: whole days, about TIMELINE_PAGE_SIZE articles, with the events that began in them. */
export interface TimelinePage extends PageOf {
  label: string; // "3 January 2012 – 14 March 2012"
  months: TimelineMonth[];
  events: EventCard[];
  entryCount: number;
  total: number;
  undated: number; // articles kept off the timeline for want of a date
}

export interface SiteData {
  articles: SiteArticle[]; // newest first, undated last
  chronological: SiteArticle[]; // oldest first, dated only
  undated: SiteArticle[];
  latest: SiteArticle[]; // the newest dated articles, for the home page and the feeds
  years: YearPage[]; // oldest first
  months: MonthPage[]; // every page of every month, oldest first
  timelinePages: TimelinePage[]; // oldest first
  people: EntityPage[]; // by name
  places: EntityPage[];
  organisations: EntityPage[];
  /** People, places and organisations together: one template pages them all. */
  entities: EntityPage[];
  entityIndexes: EntityIndex[];
  sourcePages: SourcePage[]; // every page of every source, by name, Unknown last
  sourceList: SourceSummary[]; // by name, Unknown last
  events: SiteEvent[]; // events of two or more reports, oldest first
  eventLists: EventListPage[]; // the list of events, page by page
  undatedPages: UndatedPage[];
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

function summaryOf(a: Article, plain: string): string {
  if (a.standfirst) return a.standfirst;
  const firstParagraph = plain.split(/\n\s*\n/).find((p) => p.trim() && !p.startsWith("#")) ?? "";
  return ownCopy(firstSentence(firstParagraph.trim()));
}

/** What the site shows of a record that depends on that record alone. */
interface OwnParts {
  summary: string;
  /** The words that relate it to other articles (related.ts). */
  words: string[];
}

// A long-running build (npm start) gets the same record objects back for unchanged files (the
// record cache): their own parts are worked out once, not on every save.
const ownParts = new WeakMap<Article, OwnParts>();

function ownPartsOf(a: Article): OwnParts {
  let parts = ownParts.get(a);
  if (!parts) {
    const plain = plainText(a.body);
    ownParts.set(a, (parts = { summary: summaryOf(a, plain), words: [...leadWords(`${a.title}\n${plain}`)] }));
  }
  return parts;
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

// One card per article, shared by every list that shows it (people, places, sources, months, the
// timeline): an article is on a dozen lists, and a large archive's lists hold millions of cards. A
// card is its record's alone, so it is kept by the record: a long-running build (npm start), which
// gets the same record objects back for unchanged files, makes it (and render-plan its digest) once.
const cardsByRecord = new WeakMap<Article, ArticleCard>();
const cards = new WeakMap<SiteArticle, ArticleCard>();
const sharedCards = new WeakSet<object>();
// A related card is its article's card and the names shared: the card it was copied from.
const relatedBases = new WeakMap<object, ArticleCard>();

function recordCard(record: Article, a: SiteArticle): ArticleCard {
  let card = cardsByRecord.get(record);
  if (!card) {
    cardsByRecord.set(record, (card = { title: a.title, url: a.url, date: a.date, dateLabel: a.dateLabel, inferred: a.inferred, source: a.source, summary: a.summary }));
    sharedCards.add(card);
  }
  cards.set(a, card);
  return card;
}

function cardOf(a: SiteArticle): ArticleCard {
  return cards.get(a)!;
}

// The same card with the same names shared is the same related card from build to build: a page
// whose related articles did not change holds the very same objects (render-plan's sameItem).
const relatedCards = new WeakMap<ArticleCard, Map<string, RelatedCard>>();

function relatedCard(card: ArticleCard, shared: string[]): RelatedCard {
  let byShared = relatedCards.get(card);
  if (!byShared) relatedCards.set(card, (byShared = new Map()));
  const key = shared.join("\0");
  let related = byShared.get(key);
  if (!related) {
    byShared.set(key, (related = Object.assign({}, card, { shared })));
    relatedBases.set(related, card);
  }
  return related;
}

// An article's link to its neighbour, and its links to its names, are the same objects from build to
// build while what they show stays the same, as its cards are.
const neighbourLinks = new WeakMap<ArticleCard, { title: string; url: string }>();

function neighbourLink(card: ArticleCard): { title: string; url: string } {
  let link = neighbourLinks.get(card);
  if (!link) neighbourLinks.set(card, (link = { title: card.title, url: card.url }));
  return link;
}

const nameLinks = new WeakMap<readonly string[], Link[]>();

/** Links to a record's names (its own list of them) on their pages. */
function links(names: readonly string[], urls: Map<string, string>): Link[] {
  const known = nameLinks.get(names);
  if (known && known.every((l, i) => l.url === urls.get(names[i]!))) return known;
  const made = names.map((name) => ({ label: name, url: urls.get(name)! }));
  nameLinks.set(names, made);
  return made;
}

/** Whether a value is an article's card, the one object every list that shows the article holds. */
export function isSharedCard(value: object): boolean {
  return sharedCards.has(value);
}

/** The card a related card was made from (it adds `shared`), if `value` is one. */
export function relatedBase(value: object): ArticleCard | undefined {
  return relatedBases.get(value);
}

/** `articles` in reading order (inDateOrder): each name's list of articles, and of quotes, comes out in that order without a sort. */
function entityPages(kind: EntityKind, section: string, articles: SiteArticle[], namesOf: (a: SiteArticle) => readonly string[], speakers: boolean): {
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
    .flatMap(([name, e]) => {
      const firstUrl = urls.get(name)!;
      const articles = slices(e.articles, LIST_PAGE_SIZE);
      const quotes = slices(e.quotes, LIST_PAGE_SIZE); // the quotes of one article in their order in the text
      return numberedPages(Math.max(articles.length, quotes.length), firstUrl, (k) => ({
        kind,
        name,
        firstUrl,
        articles: (articles[k] ?? []).map(cardOf),
        quotes: (quotes[k] ?? []).map((q) => ({ text: q.text, article: cardOf(q.article) })),
        articleCount: e.articles.length,
        quoteCount: e.quotes.length,
        articleFrom: k * LIST_PAGE_SIZE + 1,
        quoteFrom: k * LIST_PAGE_SIZE + 1,
      }));
    });
  return { pages, urls };
}

/** `site` in reading order, as for entityPages. */
function sourcePages(site: SiteArticle[], urls: Map<string, string>, registry: Record<string, SourceEntry>): SourcePage[] {
  const published = new Map<string, SiteArticle[]>();
  const credited = new Map<string, SiteArticle[]>();
  const add = (map: Map<string, SiteArticle[]>, name: string, a: SiteArticle) => (map.get(name) ?? map.set(name, []).get(name)!).push(a);
  for (const a of site) {
    add(published, a.source, a);
    if (a.agency) add(credited, a.agency, a);
  }
  return [...urls.entries()]
    .sort(([a], [b]) => Number(a === UNKNOWN_SOURCE) - Number(b === UNKNOWN_SOURCE) || a.localeCompare(b))
    .flatMap(([name, firstUrl]) => {
      const own = published.get(name) ?? [];
      const agency = credited.get(name) ?? [];
      const articles = slices(own, LIST_PAGE_SIZE);
      const agencyArticles = slices(agency, LIST_PAGE_SIZE);
      return numberedPages(Math.max(articles.length, agencyArticles.length), firstUrl, (k) => ({
        name,
        firstUrl,
        facts: registry[name] ?? null,
        articles: (articles[k] ?? []).map(cardOf),
        agencyArticles: (agencyArticles[k] ?? []).map(cardOf),
        articleCount: own.length,
        agencyCount: agency.length,
        articleFrom: k * LIST_PAGE_SIZE + 1,
        agencyFrom: k * LIST_PAGE_SIZE + 1,
      }));
    });
}

function eventCard(e: SiteEvent): EventCard {
  return { name: e.name, url: e.url, start: e.start, dateLabel: e.dateLabel, reports: e.summary.reports, outletCount: e.summary.outlets, outlets: e.reports.map((r) => r.outlet) };
}

function eventLists(events: SiteEvent[]): EventListPage[] {
  const parts = slices(events.map(eventCard), LIST_PAGE_SIZE);
  return numberedPages(parts.length, "/events/", (k) => ({ events: parts[k]!, total: events.length, from: k * LIST_PAGE_SIZE + 1 }));
}

function undatedPages(undated: SiteArticle[]): UndatedPage[] {
  const parts = slices(undated, LIST_PAGE_SIZE);
  return numberedPages(parts.length, "/archive/undated/", (k) => ({ articles: parts[k]!.map(cardOf), total: undated.length, from: k * LIST_PAGE_SIZE + 1 }));
}

function monthPages(chronological: SiteArticle[], pageSize: number): MonthPage[] {
  const byMonth = new Map<string, SiteArticle[]>();
  for (const a of chronological) {
    const list = byMonth.get(a.month!) ?? [];
    list.push(a);
    byMonth.set(a.month!, list);
  }
  // Earlier and later run on from one month's last page to the next month's first.
  const pages = [...byMonth].flatMap(([month, list]) =>
    slices(list, pageSize).map((part, p, parts): MonthPage => ({
      month,
      label: monthLabel(month),
      year: month.slice(0, 4),
      pageNumber: p + 1,
      pageCount: parts.length,
      url: pageUrl(`/archive/${month.slice(0, 4)}/${month.slice(5, 7)}/`, p + 1),
      articles: part.map(cardOf),
      prev: null,
      next: null,
    })),
  );
  return linkPages(pages, (m) => (m.pageCount > 1 ? `${m.label}, ${pageOfLabel(m)}` : m.label));
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
  return linkPages([...years.values()], (y) => y.year);
}

/** The timeline in pages of whole days, each about `size` articles (a day longer than that is a page of its own). */
function timelinePages(chronological: SiteArticle[], undated: number, events: SiteEvent[], size: number): TimelinePage[] {
  const days: SiteArticle[][] = [];
  for (const a of chronological) {
    const day = days.at(-1);
    if (day && day[0]!.date === a.date) day.push(a);
    else days.push([a]);
  }
  const groups: SiteArticle[][][] = [];
  let count = 0;
  for (const day of days) {
    if (!groups.length || (count > 0 && count + day.length > size)) {
      groups.push([]);
      count = 0;
    }
    groups.at(-1)!.push(day);
    count += day.length;
  }
  if (!groups.length) groups.push([]);
  const cards = events.filter((e) => e.start).map(eventCard);
  const page = (k: number): Omit<TimelinePage, keyof PageOf> => {
    const group = groups[k]!;
    const months: TimelineMonth[] = [];
    for (const day of group) {
      const first = day[0]!;
      let month = months.at(-1);
      if (month?.month !== first.month) months.push((month = { month: first.month!, label: monthLabel(first.month!), days: [] }));
      month.days.push({ date: first.date!, label: dayLabel(first.date!), entries: day.map(cardOf) });
    }
    const from = group[0]?.[0]?.date ?? "";
    const to = group.at(-1)?.[0]?.date ?? "";
    return {
      label: from ? (from === to ? dayLabel(from) : `${dayLabel(from)} – ${dayLabel(to)}`) : "",
      months,
      // The events that began in these days (an event is listed once, where it began).
      events: cards.filter((e) => e.start >= from && e.start <= to),
      entryCount: group.reduce((n, d) => n + d.length, 0),
      total: chronological.length,
      undated,
    };
  };
  return numberedPages(groups.length, "/timeline/", page, (p) => p.label);
}

export interface SiteDataOptions {
  /** The articles folder: raw files are looked up under it, to link each article to its raw text. */
  articlesDir?: string;
  sources?: SourceEntry[];
  /** Each record's body's HTML and its key; prepareSiteData passes the bodies it rendered ahead (cached, in parallel, maybe spooled). */
  rendered?: (record: Article) => RenderedBody | undefined;
  /** The raw files the site copies (rawFiles), when the build has listed them already. */
  raw?: readonly StaticFile[];
  /** The spool that holds the HTML `rendered` gives by its place. */
  spool?: HtmlSpool;
}

/** A body's HTML, or its place in the spool, and the key of the body it was rendered from. */
export interface RenderedBody {
  html: BodyHtml;
  key: string;
}

/** The source registry by name. */
function registryOf(sources: SourceEntry[]): Record<string, SourceEntry> {
  const registry: Record<string, SourceEntry> = {};
  for (const s of sources) registry[s.name] = s;
  return registry;
}

/** Every publisher's and agency's page URL. */
function sourceUrlsOf(articles: readonly Pick<Article, "source" | "agency">[]): Map<string, string> {
  return urlsFor("sources", articles.flatMap((a) => (a.agency ? [a.source, a.agency] : [a.source])));
}

/**
 * What an article's page is made from, for its fingerprint (render-plan.ts): a digest of its record
 * and HTML, which a long-running build works out once per record, and the keys of what the site
 * data adds (links, neighbours, related articles), which change with the rest of the archive.
 */
export interface ArticleOrigin {
  record: string;
  added: readonly string[];
}

const origins = new WeakMap<SiteArticle, ArticleOrigin>();
const recordDigests = new WeakMap<Article, { body: string; digest: string }>();
let addedKeys: string[] | undefined;

export function articleOrigin(a: SiteArticle): ArticleOrigin | undefined {
  return origins.get(a);
}

/** The digest of a record and its body's HTML, by the body's key: the HTML is made from the body by a renderer the page's fingerprint covers. */
function recordDigest(a: Article, record: object, bodyKey: string): string {
  const known = recordDigests.get(a);
  if (known?.body === bodyKey) return known.digest;
  const digest = contentKey(JSON.stringify(record), bodyKey);
  recordDigests.set(a, { body: bodyKey, digest });
  return digest;
}

/** The article's HTML as its own value, or read from the spool each time a page asks for it. */
function setHtml(article: SiteArticle, html: BodyHtml, spool: HtmlSpool | undefined): void {
  if (typeof html === "string") {
    article.html = html;
    return;
  }
  if (!spool) throw new Error(`the HTML of ${article.slug} is in a spool the build did not pass`);
  Object.defineProperty(article, "html", { get: () => spool.read(html), enumerable: true, configurable: true });
}

// A long-running build keeps the numbered terms of related articles, and each record's numbers.
let keptTerms: RelatedTerms | undefined;

function relatedTerms(): RelatedTerms {
  if (!isWarm()) return new RelatedTerms();
  return (keptTerms ??= new RelatedTerms());
}

type SiteDataWithoutEvents = Omit<SiteData, "events" | "eventLists" | "eventsReport" | "timelinePages">;

/** The site data from checked records, events computed here (prepareSiteData works them out beside the rest). */
export function buildSiteData(articles: Article[], problems: BuildProblem[] = [], options: SiteDataOptions = {}): SiteData {
  const data = siteDataWithoutEvents(articles, problems, options);
  return withEvents(data, siteEvents(eventInputs(articles, data.sources), nameForms(loadRegistries().entities)));
}

/** The articles as the events see them (src/events/site.ts). */
function eventInputs(articles: readonly Article[], registry: Record<string, SourceEntry>): EventArticle[] {
  const sourceUrls = sourceUrlsOf(articles);
  return articles.map((a) => eventArticle(a, sourceUrls, registry));
}

/** The events' part of the site data: each article's link to its event, the event pages and lists, the timeline (which shows them). */
function withEvents(data: SiteDataWithoutEvents, events: SiteEvents): SiteData {
  for (const a of data.articles) a.eventLink = events.byArticle.get(a.slug) ?? null;
  return {
    ...data,
    timelinePages: timelinePages(data.chronological, data.undated.length, events.events, TIMELINE_PAGE_SIZE),
    events: events.events,
    eventLists: eventLists(events.events),
    eventsReport: eventsReport(events),
  };
}

function siteDataWithoutEvents(articles: Article[], problems: BuildProblem[], options: SiteDataOptions): SiteDataWithoutEvents {
  const registry = registryOf(options.sources ?? loadRegistries().sources);
  const rawDir = options.articlesDir ? join(options.articlesDir, "raw") : null;

  const sorted = [...articles].sort(compareArticles);
  // The raw files the site copies (static-files.ts), listed once rather than looked up per article.
  const served = new Set((options.raw ?? (rawDir ? rawFiles(rawDir) : [])).map((f) => f.output));
  const site: SiteArticle[] = sorted.map((a) => {
    // Only files inside raw/ are copied to the site; a record may point elsewhere or at a file since removed.
    const raw = a.raw ? posix.normalize(a.raw.replace(/\\/g, "/")) : ""; // a record written by hand may have no raw file
    const rawFound = served.has(raw);
    const { body, file, ...record } = a;
    const rendered = options.rendered?.(a) ?? { html: renderMarkdown(body), key: contentKey(body) };
    const added = {
      html: "",
      summary: ownPartsOf(a).summary,
      url: `/articles/${a.slug}/`,
      dateLabel: dateLabel(a.date),
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
      eventLink: null as EventLink | null,
    };
    // Object.assign, not a spread: spreading these forty-odd fields took ten times as long.
    const article: SiteArticle = Object.assign({}, record, added);
    setHtml(article, rendered.html, options.spool);
    addedKeys ??= Object.keys(added).filter((k) => k !== "html");
    origins.set(article, { record: recordDigest(a, record, rendered.key), added: addedKeys });
    recordCard(a, article);
    return article;
  });

  const reading = inDateOrder(site);
  const chronological = reading.filter((a) => a.date !== null);
  chronological.forEach((a, i) => {
    const before = chronological[i - 1];
    const after = chronological[i + 1];
    a.prev = before ? neighbourLink(cardOf(before)) : null;
    a.next = after ? neighbourLink(cardOf(after)) : null;
  });

  const people = entityPages("person", "people", reading, (a) => a.people, true);
  const places = entityPages("place", "places", reading, (a) => a.places, false);
  const organisations = entityPages("organisation", "organisations", reading, (a) => a.organisations, false);
  const sourceUrls = sourceUrlsOf(site);

  const bySlug = new Map(site.map((a) => [a.slug, a]));
  const related = relatedArticles(
    sorted.map((a) => ({ slug: a.slug, words: ownPartsOf(a).words, people: a.people, organisations: a.organisations, places: a.places, key: a })),
    {},
    relatedTerms(),
  );
  for (const a of site) {
    a.peopleLinks = links(a.people, people.urls);
    a.placeLinks = links(a.places, places.urls);
    a.organisationLinks = links(a.organisations, organisations.urls);
    a.sourceUrl = sourceUrls.get(a.source)!;
    a.agencyUrl = a.agency ? sourceUrls.get(a.agency)! : null;
    a.related = (related.get(a.slug) ?? []).map((r) => relatedCard(cardOf(bySlug.get(r.slug)!), r.shared));
  }

  const sources = sourcePages(reading, sourceUrls, registry);

  const months = monthPages(chronological, MONTH_PAGE_SIZE);
  const indexOf = (kind: EntityKind, title: string, url: string, pages: EntityPage[]): EntityIndex => ({
    kind,
    title,
    url,
    entries: pages.filter((p) => p.pageNumber === 1).map((p) => ({ name: p.name, url: p.url, count: p.articleCount, quotes: p.quoteCount })),
  });
  const undated = site.filter((a) => a.date === null);
  return {
    articles: site,
    chronological,
    undated,
    latest: site.filter((a) => a.date !== null).slice(0, LATEST_COUNT),
    years: yearPages(months),
    months,
    people: people.pages,
    places: places.pages,
    organisations: organisations.pages,
    entities: [...people.pages, ...places.pages, ...organisations.pages],
    entityIndexes: [
      indexOf("person", "People", "/people/", people.pages),
      indexOf("place", "Places", "/places/", places.pages),
      indexOf("organisation", "Organisations", "/organisations/", organisations.pages),
    ],
    sourcePages: sources,
    sourceList: sources
      .filter((p) => p.pageNumber === 1)
      .map((p) => ({ name: p.name, url: p.url, facts: p.facts, articleCount: p.articleCount, agencyCount: p.agencyCount })),
    undatedPages: undatedPages(undated),
    sources: registry,
    rawDir: rawDir && existsSync(rawDir) ? rawDir : null,
    problems,
  };
}

const memo = new Map<string, SiteData>();

/** How many record files the folder holds, before they are read. */
function recordFiles(articlesDir: string): number {
  return existsSync(articlesDir) ? readdirSync(articlesDir).filter((n) => n.endsWith(".md")).length : 0;
}

/** The records of a folder, checked; only records changed since the last build are parsed (record cache). */
function readRecords(articlesDir: string, changed?: ReadonlySet<string>): ReturnType<typeof loadArticles> {
  const records = cachedRecordParser(changed);
  const loaded = loadArticles(articlesDir, records.parse, records.known);
  records.save();
  return loaded;
}

/** The site data from checked records and their bodies' HTML and keys (in the same order). */
function assemble(articlesDir: string, { articles, problems }: ReturnType<typeof loadArticles>, html: BodyHtml[], keys: string[], spool?: HtmlSpool, raw?: readonly StaticFile[]): SiteDataWithoutEvents {
  // By the record, not by its body's text: a map of 10,000 texts hashed each one whole, on every build.
  const byRecord = new Map(articles.map((a, i) => [a, { html: html[i]!, key: keys[i]! }]));
  return siteDataWithoutEvents(articles, problems, { articlesDir, rendered: (a) => byRecord.get(a), spool, raw });
}

/** Load and prepare an articles folder once per process (the build and Eleventy's config share it). */
export function loadSiteData(articlesDir: string): SiteData {
  const known = memo.get(articlesDir);
  if (known) return known;
  const loaded = readRecords(articlesDir);
  const { html, keys } = renderBodiesSync(loaded.articles.map((a) => a.body)); // unchanged bodies come from the render cache
  const data = assemble(articlesDir, loaded, html, keys);
  const site = withEvents(data, siteEvents(eventInputs(loaded.articles, data.sources), nameForms(loadRegistries().entities)));
  memo.set(articlesDir, site);
  return site;
}

/**
 * The same as loadSiteData, with every body rendered once: from the render cache, or on worker
 * threads. Not kept here: the caller holds the data, and lets it go when it is done with it.
 */
export async function prepareSiteData(articlesDir: string, { raw, changedRecords }: { raw?: readonly StaticFile[]; changedRecords?: ReadonlySet<string> } = {}): Promise<SiteData> {
  if (!changedRecords) startEventsAside(recordFiles(articlesDir)); // a save in npm start finds it running
  const loaded = readRecords(articlesDir, changedRecords);
  // The events on a thread of their own from the start, beside the bodies and then beside the
  // assembling of the pages: in a large archive they take longest, and the cores share the rest.
  const registries = loadRegistries();
  const events = eventsAside(eventInputs(loaded.articles, registryOf(registries.sources)), nameForms(registries.entities));
  events.catch(() => undefined); // its failure is thrown where it is awaited, below, not as an unhandled rejection meanwhile
  const spool = buildSpool();
  const { html, keys } = await renderBodies(loaded.articles.map((a) => a.body), { spool }); // on every core when many are new
  const data = assemble(articlesDir, loaded, html, keys, spool, raw);
  return withEvents(data, await events);
}

// The spool of the last build's HTML, removed when the next build starts; a long-running process
// keeps one spool throughout, which its last build's bodies are found in (render-body.ts).
let spoolNow: HtmlSpool | null = null;
let warmSpool: HtmlSpool | null = null;

function buildSpool(): HtmlSpool {
  if (isWarm()) return (warmSpool ??= new HtmlSpool());
  return (spoolNow = new HtmlSpool());
}

export function forgetSiteData(): void {
  memo.clear();
  spoolNow?.remove();
  spoolNow = null;
}
