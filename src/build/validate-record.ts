/**
 * Checks a record file as a person left it: every field of the contract present with the right
 * type, no unknown field, a date that is a date. Messages name the field's line, like a compiler.
 */
import { isValid, parseISO } from "date-fns";
import { CHECKSUM_FIELD, CONFIDENCES, DATE_BASES, FIELD_ORDER, SOURCE_BASES, TITLE_BASES, type ArticleRecord } from "../record.ts";

export interface RecordProblem {
  line: number;
  message: string;
}

const OPTIONAL_DEFAULTS: Partial<Record<keyof ArticleRecord, unknown>> = {
  title_basis: "edited",
  standfirst: null,
  time: null,
  date_basis: "edited",
  date_evidence: null,
  date_confidence: "high",
  source: "Unknown",
  source_basis: "edited",
  agency: null,
  author: null,
  credits: [],
  people: [],
  places: [],
  organisations: [],
  quotes: [],
  event: null,
  raw: null,
  raw_sha256: null,
  removed: [],
};

const ENUMS: Partial<Record<keyof ArticleRecord, readonly string[]>> = {
  title_basis: TITLE_BASES,
  date_basis: DATE_BASES,
  date_confidence: CONFIDENCES,
  source_basis: SOURCE_BASES,
};

const STRING_LISTS: (keyof ArticleRecord)[] = ["credits", "people", "places", "organisations"];
const NULLABLE_STRINGS: (keyof ArticleRecord)[] = ["standfirst", "time", "date_evidence", "agency", "author", "event", "raw", "raw_sha256"];

/** The line of a top-level key in the front matter (1-based, counting the opening ---). */
export function keyLine(frontMatter: string, key: string): number {
  const i = frontMatter.split("\n").findIndex((l) => l.startsWith(`${key}:`));
  return i === -1 ? 1 : i + 2;
}

export function validateRecord(data: Record<string, unknown>, frontMatter: string): { record: ArticleRecord | null; problems: RecordProblem[] } {
  const problems: RecordProblem[] = [];
  const at = (key: string) => keyLine(frontMatter, key);
  const known = new Set<string>([...FIELD_ORDER, CHECKSUM_FIELD]);
  for (const key of Object.keys(data)) {
    if (!known.has(key)) problems.push({ line: at(key), message: `unknown field "${key}"; the record's fields are listed in README.md (Record contract)` });
  }
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = key in data ? data[key] : OPTIONAL_DEFAULTS[key];
    out[key] = value;
  }
  const title = out["title"];
  if (!("title" in data) || title === null) {
    problems.push({ line: at("title"), message: 'missing title: add a line `title: "..."` to the front matter' });
  } else if (typeof title !== "string") {
    problems.push({ line: at("title"), message: `title must be text, not ${Array.isArray(title) ? "a list" : typeof title}: put it in quotes, e.g. title: "${String(title)}"` });
  } else if (title.trim() === "") {
    problems.push({ line: at("title"), message: "the title is empty: write the article's headline" });
  }
  if (typeof out["slug"] !== "string" || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(out["slug"])) {
    problems.push({ line: at("slug"), message: "slug must be lower-case letters, digits and hyphens, e.g. 2022-02-10-truss-meets-lavrov" });
  }
  const date = out["date"];
  if (date !== null && date !== undefined) {
    if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !isValid(parseISO(date))) {
      problems.push({ line: at("date"), message: `date ${JSON.stringify(date)} is not a date: write YYYY-MM-DD, or null when unknown` });
    }
  } else {
    out["date"] = null;
  }
  const time = out["time"];
  if (time !== null && (typeof time !== "string" || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time))) {
    problems.push({ line: at("time"), message: `time ${JSON.stringify(time)} is not a time of day: write HH:MM, or null` });
  }
  for (const [key, allowed] of Object.entries(ENUMS)) {
    if (!allowed.includes(out[key] as string)) {
      problems.push({ line: at(key), message: `${key} must be one of ${allowed.join(", ")}` });
    }
  }
  for (const key of STRING_LISTS) {
    const v = out[key];
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) problems.push({ line: at(key), message: `${key} must be a list of names` });
  }
  for (const key of NULLABLE_STRINGS) {
    const v = out[key];
    if (v !== null && typeof v !== "string") problems.push({ line: at(key), message: `${key} must be text or null` });
  }
  if (typeof out["source"] !== "string") problems.push({ line: at("source"), message: "source must be text (\"Unknown\" when not known)" });
  const quotes = out["quotes"];
  const isQuote = (q: unknown) => {
    const { speaker, text } = (q ?? {}) as { speaker?: unknown; text?: unknown };
    return typeof q === "object" && q !== null && typeof text === "string" && (speaker === undefined || speaker === null || typeof speaker === "string");
  };
  if (!Array.isArray(quotes) || !quotes.every(isQuote)) {
    problems.push({ line: at("quotes"), message: "quotes must be a list of { speaker, text }: text in quotes, speaker a name or null" });
  }
  const removed = out["removed"];
  const isRemoval = (r: unknown) => {
    const { kind, lines, example } = (r ?? {}) as { kind?: unknown; lines?: unknown; example?: unknown };
    return typeof kind === "string" && typeof lines === "number" && typeof example === "string";
  };
  if (!Array.isArray(removed) || !removed.every(isRemoval)) {
    problems.push({ line: at("removed"), message: "removed must be a list of { kind, lines, example }, as ingest wrote it (or [])" });
  }
  return { record: problems.length ? null : (out as unknown as ArticleRecord), problems };
}
