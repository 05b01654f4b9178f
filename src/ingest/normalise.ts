/**
 * One raw text to one article draft, or a typed refusal: the ingest pipeline of small named steps
 * (clean, title, date, source, names, quotes). Pure: the file system is touched in store.ts only.
 */
import type { Root } from "mdast";
import type { ArticleRecord, Removal } from "../record.ts";
import type { Registries } from "../registry.ts";
import { cleanText, type Block, type RemovedLine } from "./clean.ts";
import { words } from "./text.ts";
import { chooseDate, findDateCandidates } from "./dates.ts";
import { entitiesOf, findMentions } from "./entities.ts";
import { firstSentence, titleFromLead } from "./lead-title.ts";
import { bodyTree, treeToMarkdown } from "./markdown.ts";
import { findQuotes } from "./quotes.ts";
import { chooseSource } from "./source.ts";

/** A record before the archive-wide steps (date inference, slugs). */
export interface Draft {
  record: Omit<ArticleRecord, "slug">;
  body: string;
  /** Month and day stated without a year, for the archive to place. */
  partialDate: string | null;
  /** Every full date the text states, captions included: the article is not older than these. */
  statedDates: string[];
  warnings: string[];
  /** The words each field was read from, where the record has no *_evidence field of its own: for the report. */
  evidence: { title: string; source: string | null; agency: string | null };
}

export type NormaliseResult = { ok: true; draft: Draft } | { ok: false; reason: string };

export function summariseRemoved(removed: RemovedLine[]): Removal[] {
  const byKind = new Map<string, Removal>();
  for (const r of removed) {
    const entry = byKind.get(r.kind);
    if (entry) entry.lines++;
    else byKind.set(r.kind, { kind: r.kind, lines: 1, example: r.text.length > 120 ? r.text.slice(0, 117) + "..." : r.text });
  }
  return [...byKind.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}

/** A page whose paragraphs are mostly about cookies and personal data is a policy page, not news. */
export const POLICY_PAGE_SHARE = 0.4;
const POLICY_WORDS = /\bcookies?\b|\bprivacy\b|\bpersonal (data|information)\b|\bthird[- ]part(y|ies)\b|\bbrowser settings\b|\bopt[- ]out\b/i;

export function policyShare(paragraphs: string[]): number {
  return paragraphs.length === 0 ? 0 : paragraphs.filter((p) => POLICY_WORDS.test(p)).length / paragraphs.length;
}

/**
 * A section or hub page: most of what is left are headline lines (crossheads, or short lines that
 * end without a full stop), hardly a paragraph of prose. Short paragraphs that are sentences, as
 * tabloids write them, are prose.
 */
export const HUB_PAGE_SHARE = 0.6;
/** A line of at least this many words is a paragraph, whatever its ending. */
const PARAGRAPH_WORDS = 20;

export function headlineShare(blocks: Block[]): number {
  if (blocks.length < 5) return 0;
  const headlineLike = (b: Block) => b.type === "crosshead" || (words(b.text).length < PARAGRAPH_WORDS && !/[.!]["”’)]?$/.test(b.text));
  return blocks.filter(headlineLike).length / blocks.length;
}

export function normalise(text: string, raw: { path: string; sha256: string }, registries: Registries): NormaliseResult {
  return normaliseWithTree(text, raw, registries).result;
}

/** normalise(), with the body's Markdown tree when there is a draft: for a caller that renders the body (ingest-worker.ts). */
export function normaliseWithTree(text: string, raw: { path: string; sha256: string }, registries: Registries): { result: NormaliseResult; tree: Root | null } {
  const cleaned = cleanText(text);
  const refused = (reason: string) => ({ result: { ok: false, reason } as const, tree: null });
  const paragraphs = cleaned.blocks.filter((b) => b.type === "paragraph").map((b) => b.text);
  if (paragraphs.length === 0) {
    const kinds = summariseRemoved(cleaned.removed).map((r) => `${r.lines} ${r.kind}`).join(", ");
    return refused(`no article text: every line is page furniture (${kinds || "nothing left"})`);
  }
  const policy = policyShare(paragraphs);
  if (policy >= POLICY_PAGE_SHARE) {
    return refused(`not an article: a cookie or privacy policy page (${Math.round(policy * 100)}% of its paragraphs are about cookies, privacy or personal data)`);
  }
  const hub = headlineShare(cleaned.blocks);
  if (hub >= HUB_PAGE_SHARE) {
    return refused(`not an article: a page of other stories' headlines (${Math.round(hub * 100)}% of what is left are short headline lines, not paragraphs)`);
  }
  const warnings: string[] = [];
  const title = cleaned.headline ?? titleFromLead(paragraphs[0]!);
  if (!cleaned.headline) warnings.push("no headline in the text; the title was made from the lead sentence");

  const captionLines = cleaned.removed.filter((r) => r.kind === "caption" || r.kind === "credit").map((r) => r.text);
  const bodyDates = findDateCandidates(paragraphs).flatMap((c) => (c.date ? [c.date] : []));
  const dateChoice = chooseDate(cleaned.prefixDate, findDateCandidates(cleaned.dateLines), findDateCandidates(captionLines), bodyDates);
  warnings.push(...dateChoice.warnings);

  const fullText = cleaned.allLines.join("\n");
  const source = chooseSource(
    { signoff: cleaned.signoff, bylines: cleaned.bylines, datelineAgency: cleaned.datelineAgency, placeBylines: cleaned.placeBylines },
    fullText,
    registries.sources,
  );
  if (source.source === "Unknown") warnings.push("the publisher is not named in the text");

  // One search for names serves both the names and the quotes' speakers: the paragraphs first, as
  // findQuotes reads them, then what else the article says (headline, standfirst, crossheads).
  const paragraphText = paragraphs.join("\n\n");
  const rest = [title, cleaned.standfirst ?? "", ...cleaned.blocks.filter((b) => b.type !== "paragraph").map((b) => b.text)];
  const mentions = findMentions([paragraphText, ...rest].join("\n\n"), registries.entities);
  const names = entitiesOf(mentions);
  const quotes = findQuotes(
    paragraphs,
    registries.entities,
    mentions.filter((m) => m.kind === "people" && m.index < paragraphText.length),
  );

  const record: Omit<ArticleRecord, "slug"> = {
    title,
    title_basis: cleaned.headline ? "headline" : "lead",
    standfirst: cleaned.standfirst,
    date: dateChoice.date,
    time: dateChoice.time,
    date_basis: dateChoice.date_basis,
    date_evidence: dateChoice.date_evidence,
    date_confidence: dateChoice.date_confidence,
    source: source.source,
    source_basis: source.source_basis,
    agency: source.agency,
    author: source.author,
    credits: cleaned.credits,
    people: names.people,
    places: names.places,
    organisations: names.organisations,
    quotes,
    event: null,
    raw: raw.path,
    raw_sha256: raw.sha256,
    removed: summariseRemoved(cleaned.removed),
  };
  const tree = bodyTree(cleaned.blocks);
  const draft: Draft = {
    record,
    body: treeToMarkdown(tree),
    partialDate: dateChoice.partial,
    statedDates: [...new Set(findDateCandidates(cleaned.allLines).flatMap((c) => (c.date ? [c.date] : [])))].sort(),
    warnings,
    evidence: {
      title: cleaned.headline ? "the headline line of the text" : `made from the lead sentence: "${firstSentence(paragraphs[0]!).slice(0, 120)}"`,
      source: source.source_evidence,
      agency: source.agency_evidence,
    },
  };
  return { result: { ok: true, draft }, tree };
}
