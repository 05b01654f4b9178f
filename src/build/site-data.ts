/**
 * The site's data: the checked records with their rendered bodies, in date order, with what the
 * templates need to list, link and group them. Computed once per build and handed to Eleventy as
 * global data (one data array and paginated templates measure much faster than a file per page).
 */
import { format, parseISO } from "date-fns";
import slugify from "@sindresorhus/slugify";
import type { Article } from "../record.ts";
import { loadRegistries, type SourceEntry } from "../registry.ts";
import { firstSentence } from "../ingest/lead-title.ts";
import { renderMarkdown } from "./render-body.ts";
import { loadArticles, type BuildProblem } from "./load-records.ts";

export interface SiteArticle extends Article {
  html: string;
  summary: string;
  url: string;
  dateLabel: string;
  year: string | null;
  month: string | null; // YYYY-MM
  inferred: boolean;
  prev: { title: string; url: string } | null;
  next: { title: string; url: string } | null;
}

export interface SiteData {
  articles: SiteArticle[]; // newest first, undated last
  chronological: SiteArticle[]; // oldest first, dated only
  undated: SiteArticle[];
  sources: Record<string, SourceEntry>;
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

export function buildSiteData(articles: Article[], problems: BuildProblem[] = []): SiteData {
  const sorted = [...articles].sort(compareArticles);
  const site: SiteArticle[] = sorted.map((a) => ({
    ...a,
    html: renderMarkdown(a.body),
    summary: summaryOf(a),
    url: `/articles/${a.slug}/`,
    dateLabel: a.date ? format(parseISO(a.date), "d MMMM yyyy") : "Undated",
    year: a.date ? a.date.slice(0, 4) : null,
    month: a.date ? a.date.slice(0, 7) : null,
    inferred: a.date_basis === "inferred" || a.date_confidence === "low",
    prev: null,
    next: null,
  }));
  const chronological = site.filter((a) => a.date !== null).reverse();
  chronological.forEach((a, i) => {
    const before = chronological[i - 1];
    const after = chronological[i + 1];
    a.prev = before ? { title: before.title, url: before.url } : null;
    a.next = after ? { title: after.title, url: after.url } : null;
  });
  const sources: Record<string, SourceEntry> = {};
  for (const s of loadRegistries().sources) sources[s.name] = s;
  return { articles: site, chronological, undated: site.filter((a) => a.date === null), sources, problems };
}

const memo = new Map<string, SiteData>();

/** Load and prepare an articles folder once per process (the build and Eleventy's config share it). */
export function loadSiteData(articlesDir: string): SiteData {
  let data = memo.get(articlesDir);
  if (!data) {
    const { articles, problems } = loadArticles(articlesDir);
    data = buildSiteData(articles, problems);
    memo.set(articlesDir, data);
  }
  return data;
}

export function forgetSiteData(): void {
  memo.clear();
}
