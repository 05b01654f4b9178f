/**
 * Date candidates: every date the text offers, read with date-fns, then one choice with its basis,
 * evidence and confidence. A confident date must be a right one: where the text does not anchor a
 * year, the choice is left to the archive (see infer-dates.ts) or to null.
 */
import { addDays, format, getDay, parseISO } from "date-fns";
import type { Confidence, DateBasis } from "../record.ts";

export type CandidateKind = "prefix" | "published" | "updated" | "dateline" | "mention" | "relative";

export interface DateCandidate {
  kind: CandidateKind;
  /** YYYY-MM-DD when the year is known; otherwise null and monthDay is set. */
  date: string | null;
  monthDay: string | null; // MM-DD
  time: string | null; // HH:mm
  evidence: string;
  line: number;
  /** A stamp that names only a weekday ("Posted Thursday"): 0 Sunday ... 6 Saturday. */
  weekday?: number;
}

export interface DateChoice {
  date: string | null;
  time: string | null;
  date_basis: DateBasis;
  date_evidence: string | null;
  date_confidence: Confidence;
  /** Month and day the text states without a year, for the archive to place. */
  partial: string | null;
  warnings: string[];
}

const MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const TIME = "(?:,?\\s*(?:at\\s+)?(\\d{1,2})[:.](\\d{2})\\s*(am|pm|a\\.m\\.|p\\.m\\.)?)?";
const MONTH_FIRST = new RegExp(`\\b${MONTH}(?:\\s+|(?<=\\.))(\\d{1,2})(?!\\d)(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?${TIME}`, "gi");
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?${TIME}`, "gi");
const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?\b/g;
const YMD_SLASH = /\b(\d{4})\/(\d{1,2})\/(\d{1,2})(?:,?\s+(\d{1,2}):(\d{2}))?\b/g;
/** A time of day written before the date: "Posted: 4:13 PM Apr. 7, 2022", "Updated 5:44 PM UTC, January 26, 2026". */
const TIME_BEFORE = /(\d{1,2})[:.](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?(?:\s+[A-Z]{2,4})?,?\s*$/i;
const NUMERIC = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b/g;
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
/** A stamp line that gives a weekday and no date: "Posted Thursday", "Thursday 10:45 am". */
const WEEKDAY_STAMP = /^(?:(published|posted|first published)[:\s]+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:,?\s+(\d{1,2})[:.](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?)?\.?$/i;
const RELATIVE = /\b(\d+|an?|one|two|three)\s+(minutes?|hours?|days?|weeks?)\s+ago\b|\b(yesterday|today)\b/gi;
/** What every match of RELATIVE holds, cheaper to look for first: most lines have none. */
const RELATIVE_WORD = /ago\b|yesterday|today/i;
/** Every written date holds a digit, the numeric ones a run of four. */
const DIGIT = /\d/;
const FOUR_DIGITS = /\d{4}/;

/** The scraper's leading " date YYYY-MM-DD" prefix. */
export const PREFIX = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*/;

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** YYYY-MM-DD, or null when there is no such day (31 April, 29 February of a common year). */
function ymd(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year); // Date.UTC reads years 0-99 as 1900-1999
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Whether YYYY-MM-DD names a day that exists. */
function isCalendarDay(iso: string): boolean {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return ymd(year, month, day) === iso;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const monthNumber = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

function clock(h?: string, m?: string, ampm?: string): string | null {
  if (!h || !m) return null;
  let hour = Number(h);
  const minute = Number(m);
  const suffix = ampm?.replace(/\./g, "").toLowerCase();
  if (suffix === "pm" && hour < 12) hour += 12;
  if (suffix === "am" && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

const UPDATED_LABEL = /\b(updated|last updated?|modified|last modified)\b[\s:]*(on|at)?[\s:]*$/i;
const PUBLISHED_LABEL = /\b(published|posted|first published|date)\b[\s:]*(on|at)?[\s:]*$/i;
const DATE_WORDS = new RegExp(`^(?:\\s|[,|•·:./-]|\\d|${MONTH}|(?:mon|tue|wed|thu|fri|sat|sun)\\w*\\.?|am|pm|a\\.m\\.|p\\.m\\.|at|on|utc|gmt|bst|est|edt|et|cet|updated?|last|published|posted|first|modified)+$`, "i");

/**
 * What a date in a line is: "updated" or "published" when a label stands right before it (the
 * label nearest the date wins, so "Wed Apr 20, 2022 01:20 AM Last update on: Wed Apr 20, 2022"
 * has one of each); "published" in a line made only of dates, times and labels (the page's date
 * stamp); "dateline" in "KYIV, Feb 5 (Reuters) -"; else a "mention" in running text.
 */
function kindOfLine(line: string, matchText: string, at: number): CandidateKind {
  const before = line.slice(0, at);
  // A label stands within a few words of its date: look at those only (the $-anchored patterns below are quadratic in the text before them).
  const near = before.slice(-120);
  const lastLabel = near.replace(/[\d:.,\s]*(am|pm|a\.m\.|p\.m\.)?(\s+[A-Z]{2,4})?[\s,]*$/i, "").replace(/\b(mon|tue|wed|thu|fri|sat|sun)\w*\.?[\s,]*$/i, "");
  if (UPDATED_LABEL.test(lastLabel)) return "updated";
  if (PUBLISHED_LABEL.test(lastLabel)) return "published";
  if (/^\s*(updated|last updated|modified)\b/i.test(line) && !/\b(published|posted)\b/i.test(line)) return "updated";
  if (/^\s*(published|posted|first published|date)\b/i.test(line)) return "published";
  if (line.length <= 80 && DATE_WORDS.test(line)) return "published"; // a line that is only a date: the page's date stamp
  // "KYIV, Feb 5 (Reuters) -": a news dateline opening the first paragraph
  if (/^[\p{Lu}][\p{Lu} .'-]+,\s*$/u.test(before) && /^\s*(\([^)]*\))?\s*[-–—]/.test(line.slice(at + matchText.length))) {
    return "dateline";
  }
  return "mention";
}

/** The first day on or after `anchor` (YYYY-MM-DD) that falls on `weekday` (0 Sunday). */
export function nextWeekday(anchor: string, weekday: number): string {
  const d = parseISO(anchor);
  return format(addDays(d, (weekday - getDay(d) + 7) % 7), "yyyy-MM-dd");
}

/** Every date the lines offer, in reading order. */
export function findDateCandidates(lines: string[]): DateCandidate[] {
  const out: DateCandidate[] = [];
  lines.forEach((line, i) => {
    // Characters already read as part of a date (a map, not a list of spans: a line may hold thousands of dates).
    let seen: Uint8Array | null = null;
    const add = (m: RegExpExecArray, c: Omit<DateCandidate, "kind" | "evidence" | "line">) => {
      const start = m.index;
      const end = start + m[0].length;
      seen ??= new Uint8Array(line.length);
      if (seen.subarray(start, end).includes(1)) return;
      seen.fill(1, start, end);
      let evidence = m[0].trim().replace(/,$/, "");
      let time = c.time;
      const pre = TIME_BEFORE.exec(line.slice(Math.max(0, start - 24), start));
      if (!time && pre) {
        time = clock(pre[1], pre[2], pre[3]);
        if (time) evidence = `${pre[0].trim()} ${evidence}`;
      }
      out.push({ ...c, time, kind: kindOfLine(line, m[0], start), evidence, line: i });
    };
    if (DIGIT.test(line)) {
      const numeric = FOUR_DIGITS.test(line);
      if (numeric) {
        for (const pattern of [ISO, YMD_SLASH]) {
          for (const m of line.matchAll(pattern)) {
            const date = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
            if (date) add(m, { date, monthDay: date.slice(5), time: clock(m[4], m[5]) });
          }
        }
      }
      // The written forms, month first ("March 3, 2022") and day first ("3 March 2022"): which group is which.
      for (const [pattern, monthAt, dayAt] of [[MONTH_FIRST, 1, 2], [DAY_FIRST, 2, 1]] as const) {
        for (const m of line.matchAll(pattern)) {
          const month = monthNumber(m[monthAt] ?? "");
          const day = Number(m[dayAt]);
          const year = m[3] ? Number(m[3]) : null;
          const md = ymd(2000, month, day);
          if (!md) continue;
          add(m, { date: year ? ymd(year, month, day) : null, monthDay: md.slice(5), time: clock(m[4], m[5], m[6]) });
        }
      }
      if (numeric) {
        for (const m of line.matchAll(NUMERIC)) {
          const a = Number(m[1]);
          const b = Number(m[3]);
          const year = Number(m[4]);
          // Day first (British and European usage) unless only the month-first reading is a date.
          const dayFirst = ymd(year, b, a);
          const monthFirst = ymd(year, a, b);
          const date = dayFirst ?? monthFirst;
          if (!date) continue;
          const ambiguous = dayFirst !== null && monthFirst !== null && dayFirst !== monthFirst;
          add(m, { date: ambiguous ? null : date, monthDay: ambiguous ? null : date.slice(5), time: null });
        }
      }
    }
    const w = WEEKDAY_STAMP.exec(line.trim());
    if (w) {
      const weekday = WEEKDAYS.indexOf((w[2] ?? "").toLowerCase());
      out.push({ kind: "published", date: null, monthDay: null, time: clock(w[3], w[4], w[5]), evidence: line.trim(), line: i, weekday });
    }
    if (RELATIVE_WORD.test(line)) for (const m of line.matchAll(RELATIVE)) {
      out.push({ kind: "relative", date: null, monthDay: null, time: null, evidence: m[0], line: i });
    }
  });
  return out;
}

/**
 * The publication date, from the candidates of the head of the article (its first lines) and the prefix.
 * `captionDates` are full dates read from the photo captions: a caption is no publication date, but
 * when one carries the very month and day of a dateline that lacks its year ("KYIV, Feb 5 (Reuters)"
 * over a photo of "February 5, 2026"), it tells the year: medium confidence.
 * `statedDates` are the full dates the article's own text states: a stamp that names only a weekday
 * ("Posted Thursday") is resolved against the latest of them, to the first such weekday on or after
 * it (a report is not older than what it reports), marked inferred and low.
 */
export function chooseDate(scraped: string | null, candidates: DateCandidate[], captionDates: DateCandidate[] = [], statedDates: string[] = []): DateChoice {
  const warnings: string[] = [];
  const prefix = scraped && isCalendarDay(scraped) ? scraped : null;
  if (scraped && !prefix) warnings.push(`the scraper's date ${scraped} is no day of the calendar; it was not used`);
  const stamped = candidates.filter((c) => c.kind === "published" || c.kind === "dateline");
  const stampedFull = stamped.filter((c) => c.date !== null);
  const first = stampedFull[0];
  const ambiguousNumeric = candidates.some((c) => c.kind !== "relative" && c.date === null && c.monthDay === null && c.weekday === undefined);
  if (ambiguousNumeric) warnings.push("a numeric date reads both day-first and month-first; it was not used");
  if (prefix) {
    const text = first;
    if (text && text.date !== prefix) {
      warnings.push(`the scraper's date ${prefix} and the text's date "${text.evidence}" disagree; the text's was taken`);
      return { date: text.date, time: text.time, date_basis: text.kind === "dateline" ? "dateline" : "text", date_evidence: text.evidence, date_confidence: "medium", partial: null, warnings };
    }
    const time = text?.time ?? null;
    const evidence = text ? `date ${prefix}; ${text.evidence}` : `date ${prefix}`;
    return { date: prefix, time, date_basis: "prefix", date_evidence: evidence, date_confidence: "high", partial: null, warnings };
  }
  if (first && first.date) {
    const others = stampedFull.filter((c) => c.kind === first.kind && c.date !== first.date);
    return {
      date: first.date,
      time: first.time,
      date_basis: first.kind === "dateline" ? "dateline" : "text",
      date_evidence: first.evidence,
      date_confidence: others.length ? "medium" : "high",
      partial: null,
      warnings,
    };
  }
  const partialStamp = stamped.find((c) => c.monthDay !== null);
  if (partialStamp) {
    const sameDay = captionDates.filter((c) => c.date !== null && c.monthDay === partialStamp.monthDay);
    const years = [...new Set(sameDay.map((c) => c.date))];
    if (years.length === 1 && sameDay[0]) {
      return {
        date: years[0]!,
        time: partialStamp.time,
        date_basis: partialStamp.kind === "dateline" ? "dateline" : "text",
        date_evidence: `${partialStamp.evidence}; the year from a photo caption of the same day: "${sameDay[0].evidence}"`,
        date_confidence: "medium",
        partial: null,
        warnings,
      };
    }
  }
  const weekdayStamp = stamped.find((c) => c.weekday !== undefined);
  const anchor = [...statedDates].sort().at(-1);
  if (weekdayStamp && weekdayStamp.weekday !== undefined && anchor) {
    const date = nextWeekday(anchor, weekdayStamp.weekday);
    warnings.push(`the stamp "${weekdayStamp.evidence}" names only a weekday; it was resolved against ${anchor}, which the text states`);
    return {
      date,
      time: weekdayStamp.time,
      date_basis: "inferred",
      date_evidence: `"${weekdayStamp.evidence}": the first ${WEEKDAYS[weekdayStamp.weekday]} on or after ${anchor}, the latest date the text states`,
      date_confidence: "low",
      partial: null,
      warnings,
    };
  }
  const updated = candidates.find((c) => c.kind === "updated" && c.date !== null);
  if (updated && updated.date) {
    warnings.push(`only an update date is given ("${updated.evidence}"); the article was published on or before it`);
    return { date: updated.date, time: null, date_basis: "text", date_evidence: updated.evidence, date_confidence: "low", partial: null, warnings };
  }
  if (candidates.some((c) => c.kind === "relative")) {
    warnings.push("relative dates (\"2 days ago\") have no anchor in the text; not used");
  }
  return {
    date: null,
    time: null,
    date_basis: "unknown",
    date_evidence: partialStamp ? partialStamp.evidence : null,
    date_confidence: "low",
    partial: partialStamp?.monthDay ?? null,
    warnings,
  };
}
