/**
 * The cleaner: raw text lines to the article's own paragraphs, with the furniture around them
 * (labels, banners, bylines, date stamps, captions, link lists) set aside by kind. Pure.
 */
import { classifyLine, isEndingListMarker, isEndMatter, isSectionLabel, looksLikeHeadlineList, signoffPublisher, type LineKind } from "./boilerplate.ts";
import { readCredit } from "./credits.ts";
import { findDateCandidates, PREFIX } from "./dates.ts";
import { splitRunTogether } from "./paragraphs.ts";
import { agencyByline, bylineName, datelineAgency } from "./source.ts";
import { endsLikeSentence, isTitleShaped, stopWordDensity, tidyLine, words } from "./text.ts";

export type RemovedKind = LineKind | "headline-repeat" | "empty-markup" | "summary";

export interface RemovedLine {
  kind: RemovedKind;
  text: string;
}

export type Block = { type: "paragraph"; text: string } | { type: "crosshead"; text: string };

export interface Cleaned {
  prefixDate: string | null;
  headline: string | null;
  standfirst: string | null;
  blocks: Block[];
  removed: RemovedLine[];
  credits: string[];
  bylines: string[];
  /** Head lines shaped "Name, Place" ("Reuters, Washington"): a credit when the name is a registry source. */
  placeBylines: string[];
  signoff: string | null;
  datelineAgency: string | null;
  /** The lines that may carry the publication date: date stamps, datelines, the head of the text. */
  dateLines: string[];
  /** All text lines as scraped (after tidying), for signature and candidate search. */
  allLines: string[];
}

/** A headline has at least this many words; a lone "Greg Nash" above the text is a photo credit or byline. */
export const MIN_HEADLINE_WORDS = 3;
/** A headline stands within this many lines above the article's first paragraph; further up is the page's menus. */
export const MAX_HEADLINE_DISTANCE = 15;

/** A row of section names ("Israel-Hamas War Russia-Ukraine War Español China ..."): many words, hardly a function word (under 10%). */
export function isMenu(line: string): boolean {
  return words(line).length >= 8 && stopWordDensity(line) < 0.1;
}

type Line = { text: string; kind: RemovedKind | "body" | "headline" | "standfirst" | "crosshead" };

/** Markup a Markdown-producing crawler left in the text: emphasis markers and links, kept as their words. */
export function stripCrawlerMarkup(line: string): string {
  return line
    // Bounded lengths: an unclosed "[" or "**" must not rescan the rest of a long line from every occurrence.
    .replace(/!?\[([^\]]{0,500})\]\((?:<[^>]{0,2000}>|[^)\s]{0,2000})(?:\s+"[^"]{0,500}")?\)/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.{1,1000}?)(?<=\S)\1/g, "$2")
    .replace(/^([*_])(?=\S)(.+)(?<=\S)\1$/, "$2")
    .replace(/^#{1,6}\s+/, "")
    .replace(/\s+([,;])/g, "$1");
}

/** A stamp with a time only: "Updated at 3:06 p.m." */
const TIME_STAMP = /^(?:updated|posted|published|last updated)(?:\s+(?:at|on))?:?\s*\d{1,2}[:.]\d{2}\s*(?:a\.m\.|p\.m\.|am|pm)?\.?(?:\s+[A-Z]{2,4})?$/i;

function isDateStamp(line: string): boolean {
  if (TIME_STAMP.test(line.trim())) return true;
  const candidates = findDateCandidates([line]);
  return candidates.some((c) => c.kind === "published" || c.kind === "updated");
}

/** "Reuters, Washington" under a headline: who sent the story, and from where. */
const PLACE_BYLINE = /^([\p{Lu}][\p{L}.&'-]*(?: [\p{Lu}][\p{L}.&'-]*){0,3}),\s*[\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]+)?$/u;

/** "Summary" above a wire story's bullet points: they are the agency's summary, not the headline. */
const SUMMARY_LABEL = /^(?:summary|highlights|key points|in brief)\b/i;

/**
 * Where the article begins: the first line of prose that another line of prose follows within two
 * lines (among the lines still taken for body), so that a lone sentence in a page's menus ("Ground Game Exclusive
 * insights and key stories.") is not taken for the lead; jusText's "a good block among bad ones is
 * bad". A very long line stands alone; with no such pair, the first line of prose.
 */
function articleStart(lines: Line[]): number {
  const body = lines.map((l, i) => (l.kind === "body" ? i : -1)).filter((i) => i >= 0);
  for (let k = 0; k < body.length; k++) {
    const text = lines[body[k]!]!.text;
    if (!isProse(text)) continue;
    const next = body.slice(k + 1, k + 3); // a crosshead may stand between two paragraphs
    if (next.length === 0 || next.some((i) => isProse(lines[i]!.text)) || words(text).length >= 30) return body[k]!;
  }
  return lines.findIndex((l) => l.kind === "body" && isProse(l.text));
}

/** A paragraph of prose: a sentence, or long enough that it cannot be a label. */
function isProse(line: string): boolean {
  const n = words(line).length;
  return (endsLikeSentence(line) && n >= 6) || n >= 30;
}

export function cleanText(text: string): Cleaned {
  const rawLines = text.split("\n");
  let prefixDate: string | null = null;
  const first = rawLines[0] ?? "";
  const pm = PREFIX.exec(first);
  if (pm) {
    prefixDate = pm[1] ?? null;
    rawLines[0] = first.slice(pm[0].length);
  }
  const allLines = rawLines.map(tidyLine).filter((l) => l !== "");
  const lines: Line[] = allLines.map((t) => ({ text: stripCrawlerMarkup(t), kind: "body" }));
  const removed: RemovedLine[] = [];
  const credits: string[] = [];
  const bylines: string[] = [];
  let signoff: string | null = null;
  let agencyFromDateline: string | null = null;
  const dateLines: string[] = [];

  // Per-line rules.
  const seen = new Set<string>();
  for (const line of lines) {
    const t = line.text;
    if (!/[\p{L}\p{N}]/u.test(t)) {
      line.kind = "empty-markup";
      continue;
    }
    const key = t.toLowerCase();
    if (seen.has(key)) {
      line.kind = "duplicate";
      continue;
    }
    seen.add(key);
    const kind = classifyLine(t);
    if (kind) {
      line.kind = kind;
      if (kind === "signoff") signoff ??= signoffPublisher(t);
      continue;
    }
    const by = bylineName(t);
    const signed = by ? [by] : agencyByline(t);
    if (signed) {
      line.kind = "byline";
      bylines.push(...signed);
      continue;
    }
    if (isDateStamp(t)) {
      line.kind = "dateline";
      dateLines.push(t);
      continue;
    }
    const credit = readCredit(t);
    if (credit) {
      line.kind = credit.caption ? "caption" : "credit";
      credits.push(credit.credit);
      continue;
    }
    const agency = datelineAgency(t);
    if (agency) {
      agencyFromDateline ??= agency;
      dateLines.push(t);
    }
  }

  // A caption repeated with its credit glued on: the second copy is the first plus a credit.
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const line = lines[i]!;
    const creditedCopy = line.kind === "body" || line.kind === "caption" || line.kind === "credit";
    if (prev.kind === "body" && creditedCopy && prev.text.length > 20 && line.text.startsWith(prev.text) && line.text.length - prev.text.length < 60) {
      const credit = line.text.slice(prev.text.length).trim();
      if (credit) credits.push(credit);
      prev.kind = "caption";
      line.kind = "caption";
    }
  }

  // End matter: the agency's closing credits ("Reporting by ...; Editing by ...", "Our Standards: ...")
  // end the article; what a page prints after them is other stories.
  const endAt = lines.findIndex((l) => l.kind === "body" && isEndMatter(l.text));
  if (endAt !== -1) {
    for (let j = endAt; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.kind === "body") l.kind = isEndMatter(l.text) ? "end-matter" : "related-headlines";
    }
  }

  // A trailing list of other stories: from a marker ("Explore", "Most read") or a run of headlines at the end.
  for (let i = 0; i < lines.length; i++) {
    const rest = lines.slice(i + 1).filter((l) => l.kind === "body").map((l) => l.text);
    if (lines[i]!.kind === "body" && isEndingListMarker(lines[i]!.text) && (rest.length === 0 || looksLikeHeadlineList(rest))) {
      for (let j = i; j < lines.length; j++) if (lines[j]!.kind === "body") lines[j]!.kind = "related-headlines";
      break;
    }
  }
  const bodyIdx = lines.map((l, i) => (l.kind === "body" ? i : -1)).filter((i) => i >= 0);
  let tail = bodyIdx.length;
  while (tail > 0 && !isProse(lines[bodyIdx[tail - 1]!]!.text) && isTitleShaped(lines[bodyIdx[tail - 1]!]!.text.replace(/^[*•-]\s*/, ""), 30)) tail--;
  if (bodyIdx.length - tail >= 3) for (const i of bodyIdx.slice(tail)) lines[i]!.kind = "related-headlines";

  // The head: labels, the headline, a standfirst, captions, before the first paragraph of prose.
  const firstProse = articleStart(lines);
  const headEnd = firstProse === -1 ? lines.length : firstProse;
  let headline: string | null = null;
  let standfirst: string | null = null;
  let inSummary = false;
  const placeBylines: string[] = [];
  for (let i = 0; i < headEnd; i++) {
    const line = lines[i]!;
    if (line.kind !== "body") continue;
    if (SUMMARY_LABEL.test(line.text)) inSummary = true;
    if (inSummary) {
      line.kind = "summary";
    } else if (!headline && isSectionLabel(line.text) && words(line.text).length <= 3) {
      line.kind = "section-label";
    } else if (!headline && headEnd - i <= MAX_HEADLINE_DISTANCE && isTitleShaped(line.text, 30) && words(line.text).length >= MIN_HEADLINE_WORDS && !isMenu(line.text)) {
      headline = line.text;
      line.kind = "headline";
    } else if (headline && PLACE_BYLINE.test(line.text)) {
      placeBylines.push(PLACE_BYLINE.exec(line.text)![1]!);
      line.kind = "byline";
    } else {
      line.kind = /^[*•-]\s/.test(line.text) || isMenu(line.text) || !/[.!?]["”’)]?$/.test(line.text) && words(line.text).length > 30 ? "navigation" : "caption";
    }
  }
  // A standfirst: the first line of prose after the headline when page furniture (repeated headline,
  // caption, date stamp, byline) separates it from the body.
  if (headline && firstProse !== -1) {
    const next = lines.slice(firstProse + 1).findIndex((l) => l.kind === "body");
    const between = next === -1 ? [] : lines.slice(firstProse + 1, firstProse + 1 + next);
    if (between.some((l) => l.kind === "duplicate" || l.kind === "caption" || l.kind === "dateline" || l.kind === "byline" || l.kind === "credit")) {
      standfirst = lines[firstProse]!.text;
      lines[firstProse]!.kind = "standfirst";
    }
  }
  for (const line of lines) {
    if (line.kind === "duplicate" && headline && line.text.toLowerCase() === headline.toLowerCase()) line.kind = "headline-repeat";
  }

  // The body: prose paragraphs (run-together ones split), and short headline-shaped lines between them as crossheads.
  const body = lines.filter((l) => l.kind === "body");
  const blocks: Block[] = [];
  body.forEach((line, i) => {
    const isLast = i === body.length - 1;
    if (!isLast && blocks.length > 0 && !endsLikeSentence(line.text) && isTitleShaped(line.text, 14)) {
      blocks.push({ type: "crosshead", text: line.text });
      return;
    }
    for (const p of splitRunTogether(line.text)) blocks.push({ type: "paragraph", text: p });
  });

  for (const line of lines) {
    if (line.kind !== "body" && line.kind !== "headline" && line.kind !== "standfirst" && line.kind !== "crosshead") {
      removed.push({ kind: line.kind, text: line.text });
    }
  }
  // Head-of-text lines that may carry the date: the date stamps found above plus the first lines of the article.
  const headLines = lines.slice(0, Math.max(headEnd + 2, 3)).map((l) => l.text);
  return {
    prefixDate,
    headline,
    standfirst,
    blocks,
    removed,
    credits: [...new Set(credits)],
    bylines,
    placeBylines,
    signoff,
    datelineAgency: agencyFromDateline,
    dateLines: [...new Set([...dateLines, ...headLines])],
    allLines,
  };
}
