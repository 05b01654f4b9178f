/**
 * Events as the site shows them: one page per event of two or more reports (an article that shares
 * no event has no event page), a link from each member article to its event and the other reports,
 * and the report an editor reads to check the grouping (.cache/events-report.json).
 */
import { format, parseISO } from "date-fns";
import type { Article } from "../record.ts";
import type { EntityRegistry, SourceEntry } from "../registry.ts";
import { groupEvents, GROUPING, type Analyse, type LinkMemo, type EventGroup, type EventInput, type GroupingResult, type GroupingSettings, type PairEvidence } from "./group.ts";
import { compareCoverage, type Coverage, type CoverageInput, type ReportCoverage } from "./compare.ts";
import type { NameForms } from "./name.ts";

/** What the event pages need of an article; the site's articles have all of it. */
export interface EventArticle extends Pick<Article, "slug" | "title" | "date" | "source" | "people" | "places" | "organisations" | "quotes" | "body" | "event"> {
  url: string;
  dateLabel: string;
  sourceUrl?: string;
  sourceFacts: SourceEntry | null;
}

export interface ArticleRef {
  title: string;
  url: string;
  date: string | null;
  dateLabel: string;
  source: string;
}

export interface EventReport extends ReportCoverage, ArticleRef {
  sourceUrl: string | null;
  country: string | null;
  ownership: string | null;
  kind: string | null; // publisher | agency
}

export interface EventLinkEvidence extends PairEvidence {
  aRef: ArticleRef;
  bRef: ArticleRef;
}

export interface SiteEvent {
  slug: string;
  url: string;
  name: string;
  basis: EventGroup["basis"];
  start: string;
  end: string;
  dateLabel: string; // "10–11 February 2022"
  reports: EventReport[]; // oldest first
  sharedQuotes: Coverage["sharedQuotes"];
  people: Coverage["people"];
  summary: Coverage["summary"];
  links: EventLinkEvidence[];
}

/** On each member article: its event and the other reports of it. */
export interface EventLink {
  name: string;
  url: string;
  dateLabel: string;
  others: ArticleRef[];
}

export interface SiteEvents {
  events: SiteEvent[];
  byArticle: Map<string, EventLink>;
  grouping: GroupingResult;
}

/** Every spelling the entity registry gives a name (variants and short forms), for finding it in text. */
export function nameForms(entities: EntityRegistry): NameForms {
  const forms: NameForms = {};
  for (const e of [...entities.people, ...entities.places, ...entities.organisations]) {
    forms[e.name] = [...(e.variants ?? []), ...(e.short ?? [])];
  }
  return forms;
}

export function dateRangeLabel(start: string, end: string): string {
  if (!start) return "Undated";
  const s = parseISO(start);
  const e = parseISO(end || start);
  if (start === end || !end) return format(s, "d MMMM yyyy");
  if (start.slice(0, 7) === end.slice(0, 7)) return `${format(s, "d")}–${format(e, "d MMMM yyyy")}`;
  if (start.slice(0, 4) === end.slice(0, 4)) return `${format(s, "d MMMM")} – ${format(e, "d MMMM yyyy")}`;
  return `${format(s, "d MMMM yyyy")} – ${format(e, "d MMMM yyyy")}`;
}

function refOf(a: EventArticle): ArticleRef {
  return { title: a.title, url: a.url, date: a.date, dateLabel: a.dateLabel, source: a.source };
}

/** How the reports of one event are compared (compareCoverage; a build may answer it from a cache, src/build/events-cache.ts). */
export type Cover = (reports: CoverageInput[]) => Coverage;

// The same article, the same input object: an events process that holds unchanged articles from one build to
// the next (src/build/events-process.ts) knows their analyses by these objects.
const groupingInputs = new WeakMap<EventArticle, EventInput>();

function groupingInput(a: EventArticle): EventInput {
  let input = groupingInputs.get(a);
  if (!input) {
    const { slug: id, title, date, source, people, places, organisations, quotes, event } = a;
    // The body is read from the article each time, not copied: the events process reads each from
    // a pack outside the heap (src/build/site-events.ts), and the grouping reads each only a few times.
    input = Object.defineProperty({ id, title, date, source, people, places, organisations, quotes, event } as EventInput, "body", { get: () => a.body, enumerable: true });
    groupingInputs.set(a, input);
  }
  return input;
}

export function siteEvents(
  articles: EventArticle[],
  forms: NameForms = {},
  settings: GroupingSettings = GROUPING,
  analyse?: Analyse,
  cover: Cover = compareCoverage,
  memo?: LinkMemo,
): SiteEvents {
  const byId = new Map(articles.map((a) => [a.slug, a]));
  const grouping = groupEvents(articles.map(groupingInput), forms, settings, analyse, memo);
  const byArticle = new Map<string, EventLink>();
  const events = grouping.events.map((g): SiteEvent => {
    const members = g.members.map((id) => byId.get(id)!);
    const coverage = cover(
      members.map((a) => ({ id: a.slug, source: a.source, body: a.body, people: a.people, quotes: a.quotes, facts: a.sourceFacts })),
    );
    const url = `/events/${g.slug}/`;
    const dateLabel = dateRangeLabel(g.start, g.end);
    for (const a of members) {
      byArticle.set(a.slug, { name: g.name, url, dateLabel, others: members.filter((m) => m !== a).map(refOf) });
    }
    return {
      slug: g.slug,
      url,
      name: g.name,
      basis: g.basis,
      start: g.start,
      end: g.end,
      dateLabel,
      reports: coverage.reports.map((r, i) => {
        const a = members[i]!;
        return {
          ...r,
          ...refOf(a),
          sourceUrl: a.sourceUrl ?? null,
          country: a.sourceFacts?.country ?? null,
          ownership: a.sourceFacts?.ownership ?? null,
          kind: a.sourceFacts?.kind ?? null,
        };
      }),
      sharedQuotes: coverage.sharedQuotes,
      people: coverage.people,
      summary: coverage.summary,
      links: g.links.map((l) => ({ ...l, aRef: refOf(byId.get(l.a)!), bRef: refOf(byId.get(l.b)!) })),
    };
  });
  return { events, byArticle, grouping };
}

/** The grouping with its evidence, for an editor to check: written to .cache/events-report.json by the build. */
export function eventsReport(result: SiteEvents, settings: GroupingSettings = GROUPING): object {
  const { grouping } = result;
  return {
    about:
      "Articles grouped into events. Similarity links two dated articles at most windowDays apart that score at least " +
      "threshold and share a quote, three distinctive phrases or two people not common in those days (carried by at most " +
      "commonInWindow reports within windowDays); links are followed strongest first, never " +
      "stretching an event past maxSpanDays. An article's `event` front-matter field overrides: articles with the same " +
      "value are one event, `event: none` keeps an article alone.",
    settings,
    stats: { ...grouping.stats, events: grouping.events.length },
    events: grouping.events.map((g, i) => ({
      ...g,
      members: result.events[i]!.reports.map((r) => ({ id: r.id, date: r.date, source: r.source, title: r.title })),
    })),
    refused: grouping.refused,
    excluded: grouping.excluded,
    lone_editor_events: grouping.lone_editor_events,
  };
}
