/** The ingest report: per article, the fields chosen with their evidence, what was removed, what to check. */
import type { IngestRun } from "./store.ts";

export interface ArticleReport {
  raw: string;
  file: string;
  outcome: string;
  encoding: string;
  title: string;
  title_basis: string;
  date: string | null;
  date_basis: string;
  date_evidence: string | null;
  date_confidence: string;
  source: string;
  source_basis: string;
  source_evidence: string | null;
  agency: string | null;
  agency_evidence: string | null;
  title_evidence: string;
  credits: string[];
  people: string[];
  quotes: number;
  /** Quotes whose speaker the text does not name clearly enough: null on purpose, for an editor to fill in. */
  quotes_without_speaker: number;
  removed: { kind: string; lines: number; example: string }[];
  removed_lines: number;
  low_confidence: string[];
  warnings: string[];
}

export interface IngestReport {
  articles: ArticleReport[];
  refused: { raw: string; reason: string }[];
  /** Undated articles, with why the archive could not date them either. */
  undated: string[];
  to_confirm: string[];
  kept_edited: string[];
}

export function buildReport(run: IngestRun): IngestReport {
  const articles = run.written.map(({ article, file, outcome }) => {
    const r = article.record;
    const low: string[] = [];
    if (r.date_confidence === "low") low.push("date");
    if (r.title_basis === "lead") low.push("title");
    if (r.source === "Unknown") low.push("source");
    if (r.date_confidence === "medium") low.push("date (medium: the text's dates disagree)");
    return {
      raw: r.raw,
      file,
      outcome,
      encoding: article.encoding,
      title: r.title,
      title_basis: r.title_basis,
      date: r.date,
      date_basis: r.date_basis,
      date_evidence: r.date_evidence,
      date_confidence: r.date_confidence,
      source: r.source,
      source_basis: r.source_basis,
      source_evidence: article.evidence.source,
      agency: r.agency,
      agency_evidence: article.evidence.agency,
      title_evidence: article.evidence.title,
      credits: r.credits,
      people: r.people,
      quotes: r.quotes.length,
      quotes_without_speaker: r.quotes.filter((q) => q.speaker === null).length,
      removed: r.removed,
      removed_lines: r.removed.reduce((n, x) => n + x.lines, 0),
      low_confidence: low,
      warnings: article.warnings,
    };
  });
  return {
    articles,
    refused: run.refused.map((r) => ({ raw: r.path, reason: r.reason })),
    undated: articles
      .filter((a) => a.date === null)
      .map((a) => {
        const why = a.warnings.find((w) => w.startsWith("undated: "));
        return why ? `${a.file}: ${why.slice("undated: ".length)}` : a.file;
      }),
    to_confirm: articles.filter((a) => a.date_basis === "inferred").map((a) => `${a.file}: ${a.date} (${a.date_evidence})`),
    kept_edited: articles.filter((a) => a.outcome === "kept-edited").map((a) => a.file),
  };
}

/** Above this many articles (or undated ones, dates to confirm, kept edits) the terminal gets their count, and the report file the list. */
export const LISTED = 50;

/** Up to LISTED lines, then how many more the report holds. */
function listed<T>(items: readonly T[], line: (item: T) => string, where: string): string[] {
  const shown = items.slice(0, LISTED).map(line);
  if (items.length > LISTED) shown.push(`  … and ${items.length - LISTED} more, listed in ${where}`);
  return shown;
}

/**
 * A short terminal summary of the report: the counts, every refused file with why, and each article
 * only when there are few; a large ingest's articles, undated ones and dates to confirm are in the
 * report file (`reportFile`), which lists them all.
 */
export function summarise(report: IngestReport, articlesDir: string, reportFile: string | null = null): string {
  const count = (o: string) => report.articles.filter((a) => a.outcome === o).length;
  const where = reportFile ?? "the report (--report FILE)";
  const lines = [
    `ingest ${articlesDir}: ${report.articles.length} articles (${count("created")} new, ${count("updated")} updated, ` +
      `${count("unchanged")} unchanged, ${count("kept-edited")} edited by hand and kept), ${report.refused.length} refused`,
  ];
  if (report.articles.length <= LISTED) {
    for (const a of report.articles) {
      const removed = a.removed.map((r) => `${r.lines} ${r.kind}`).join(", ") || "nothing";
      const check = a.low_confidence.length ? `; check: ${a.low_confidence.join(", ")}` : "";
      lines.push(
        `  ${a.file}\n    date ${a.date ?? "none"} (${a.date_basis}, ${a.date_confidence}); source ${a.source}` +
          `${a.agency ? `, agency ${a.agency}` : ""}; removed ${a.removed_lines} lines (${removed}); ` +
          `${a.quotes} quotes, ${a.quotes_without_speaker} without speaker${check}`,
      );
    }
  } else {
    lines.push(`  each article's date, source, quotes and what was removed: in ${where}`);
  }
  lines.push(...listed(report.kept_edited, (f) => `  kept (edited by hand, not overwritten): ${f}`, where));
  for (const r of report.refused) lines.push(`  refused ${r.raw}: ${r.reason}`);
  lines.push(...listed(report.undated, (f) => `  undated: ${f}`, where));
  lines.push(...listed(report.to_confirm, (f) => `  date to confirm: ${f}`, where));
  return lines.join("\n");
}
