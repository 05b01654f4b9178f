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
  agency: string | null;
  credits: string[];
  removed: { kind: string; lines: number; example: string }[];
  low_confidence: string[];
  warnings: string[];
}

export interface IngestReport {
  articles: ArticleReport[];
  refused: { raw: string; reason: string }[];
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
      agency: r.agency,
      credits: r.credits,
      removed: r.removed,
      low_confidence: low,
      warnings: article.warnings,
    };
  });
  return {
    articles,
    refused: run.refused.map((r) => ({ raw: r.path, reason: r.reason })),
    undated: articles.filter((a) => a.date === null).map((a) => a.file),
    to_confirm: articles.filter((a) => a.date_basis === "inferred").map((a) => `${a.file}: ${a.date} (${a.date_evidence})`),
    kept_edited: articles.filter((a) => a.outcome === "kept-edited").map((a) => a.file),
  };
}

/** A short terminal summary of the report. */
export function summarise(report: IngestReport, articlesDir: string): string {
  const count = (o: string) => report.articles.filter((a) => a.outcome === o).length;
  const lines = [
    `ingest ${articlesDir}: ${report.articles.length} articles (${count("created")} new, ${count("updated")} updated, ` +
      `${count("unchanged")} unchanged, ${count("kept-edited")} edited by hand and kept), ${report.refused.length} refused`,
  ];
  for (const f of report.kept_edited) lines.push(`  kept (edited by hand, not overwritten): ${f}`);
  for (const r of report.refused) lines.push(`  refused ${r.raw}: ${r.reason}`);
  for (const f of report.undated) lines.push(`  undated: ${f}`);
  for (const f of report.to_confirm) lines.push(`  date to confirm: ${f}`);
  return lines.join("\n");
}
