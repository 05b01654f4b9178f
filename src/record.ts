/**
 * The article record: the contract between ingest, editors, templates, feeds and search.
 * Field names follow shared/design/record.md; README.md documents the whole contract.
 */

/** The values each enumerated field may take: one list serves the types and the build's check of hand-edited records. */
export const TITLE_BASES = ["headline", "lead", "edited"] as const;
export const DATE_BASES = ["prefix", "dateline", "text", "inferred", "unknown", "edited"] as const;
export const CONFIDENCES = ["high", "medium", "low"] as const;
export const SOURCE_BASES = ["signoff", "dateline", "byline", "signature", "unknown", "edited"] as const;

export type TitleBasis = (typeof TITLE_BASES)[number];
export type DateBasis = (typeof DATE_BASES)[number];
export type Confidence = (typeof CONFIDENCES)[number];
export type SourceBasis = (typeof SOURCE_BASES)[number];

export interface Quote {
  speaker: string | null;
  text: string;
}

/** One kind of line that ingest removed, with how many and an example, for the editor to check. */
export interface Removal {
  kind: string;
  lines: number;
  example: string;
}

export interface ArticleRecord {
  title: string;
  title_basis: TitleBasis;
  standfirst: string | null;
  date: string | null; // YYYY-MM-DD
  time: string | null; // HH:mm
  date_basis: DateBasis;
  date_evidence: string | null;
  date_confidence: Confidence;
  source: string;
  source_basis: SourceBasis;
  agency: string | null;
  author: string | null;
  credits: string[];
  people: string[];
  places: string[];
  organisations: string[];
  quotes: Quote[];
  event: string | null;
  slug: string;
  raw: string;
  raw_sha256: string;
  removed: Removal[];
}

/** The order fields are written in, so every record reads the same way. */
export const FIELD_ORDER: readonly (keyof ArticleRecord)[] = [
  "title",
  "title_basis",
  "standfirst",
  "date",
  "time",
  "date_basis",
  "date_evidence",
  "date_confidence",
  "source",
  "source_basis",
  "agency",
  "author",
  "credits",
  "people",
  "places",
  "organisations",
  "quotes",
  "event",
  "slug",
  "raw",
  "raw_sha256",
  "removed",
];

/** Written by ingest so that it can tell a file it wrote from one a person has edited since. */
export const CHECKSUM_FIELD = "ingest_checksum";

export interface Article extends ArticleRecord {
  body: string; // Markdown
  file: string; // path of the record, for messages
}
