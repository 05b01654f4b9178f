/**
 * What the pages that show the whole archive in short need of it (home, archive, sources, feeds):
 * its latest articles, its years and sources, and how many articles it has. Made from the site data
 * before the paginated pages render, so that the build's process can let the site data go while
 * they do: at 100,000 articles it is gigabytes, and these pages need kilobytes of it.
 */
import type { SiteArticle, SiteData, SourceSummary, YearPage } from "./site-data.ts";

export interface ArchiveSummary {
  /** The newest dated articles, each with its HTML as a value of its own (not read from the build's spool). */
  latest: SiteArticle[];
  years: YearPage[];
  sourceList: SourceSummary[];
  counts: { articles: number; dated: number; undated: number };
}

export function archiveSummary(data: SiteData): ArchiveSummary {
  return {
    latest: data.latest.map((a) => ({ ...a })),
    years: data.years,
    sourceList: data.sourceList,
    counts: { articles: data.articles.length, dated: data.chronological.length, undated: data.undated.length },
  };
}
