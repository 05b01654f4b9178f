/**
 * Line classification: which lines of a scrape are the article and which are page furniture.
 * In the spirit of jusText/trafilatura, applied to text lines: known boilerplate phrases, link
 * density, stop-word density, shape and position. Each rule is named; what it removes is reported.
 */
import { endsLikeSentence, isTitleShaped, stopWordDensity, words } from "./text.ts";

export type LineKind =
  | "icon-labels"
  | "section-label"
  | "reading-time"
  | "duplicate"
  | "consent"
  | "read-more"
  | "link-line"
  | "related-headlines"
  | "source-link"
  | "navigation"
  | "signoff"
  | "byline"
  | "dateline"
  | "credit"
  | "caption"
  | "share-prompt"
  | "widget"
  | "end-matter"
  | "policy-page";

/** Phrases of consent banners, cookie notices, newsletter and paywall prompts. */
// Gaps between key words are bounded ({0,300}, not .*): an unbounded gap rescans the rest of a long line from every occurrence.
const CONSENT_PATTERNS: RegExp[] = [
  /\bcookies?\b.{0,300}\b(polic(y|ies)|consent|use|accept|settings|preferences)\b/i,
  /\b(we|you) use (your|our) (sign-up|data|personal)/i,
  /\bconsented to\b/i,
  /\bunsubscribe at any time\b/i,
  /\bprivacy (policy|notice|settings)\b/i,
  /\b(sign|signing) up (to|for|here)\b.{0,300}\b(newsletter|inbox|email|alerts?)\b/i,
  /\bnewsletter\b.{0,300}\b(sign up|subscribe|inbox|delivered)\b/i,
  /\b(subscribe|log ?in|sign in) (now|to continue|to read)\b/i,
  /^(email address|sign up|subscribe|log in|sign in|more info|accept( all)?|reject all|manage (cookies|preferences))$/i,
  /^\[\[[a-z_]+\]\]$/i,
  /^\[?an error (occurred|has occurred)( while processing this directive)?\.?( please try again\.?)?\]?$/i,
  /\bsupport (mission-driven|independent|our|quality) journalism\b|\b24\/7 coverage of\b|\bfor (just|only) [£$€]\d/i,
  /\bthird[- ]part(y|ies)\b.{0,300}\b(advert|cookie|partners)/i,
  /\bthis (issue|site|page) is preventing\b|\btroubleshooting tips\b/i,
  /\bmailing list\b|\bdelivered to you(r inbox)?\b|\b(sent|delivered) (directly )?to your inbox\b|\bget (instant |email |breaking news )?alerts\b/i,
  /^already (a subscriber|have an account)\??$/i,
  /\b(use|using) of cookies\b|\bagree to (our|the) use of\b/i,
  /learn more about\s*\S/i,
  /\bnewsletter\b.{0,300}\b(breaks down|essential guide|catching you up|delivered|inbox)\b/i,
  /\bas your preferred source\b/i,
  /\bwe value your privacy\b|\b(rent|sell) your (email|data|personal)/i,
  /\bregister now for free\b|\bfree unlimited access\b/i,
];

/** Player, carousel and advert furniture: words a page shows around the article, never in it. */
const WIDGET = /^(advertisement|advert|sponsored|scroll carousel (left|right).*|your browser does not support the (video|audio) (tag|element)\.?|hide caption|toggle caption|enlarge this image|play video|watch video|listen to this article.*|here|\.)$/i;

const READ_MORE = /^(read more|more:|related|recommended|see also|also read|don'?t miss|most read|trending|watch|listen|more on this( story)?|read next|further reading)\b[:\s-]*/i;
const SHARE = /^(share|share this( article)?|save to read later|save|print|comment|tweet|copy link|follow us|show me more content from .*|click here .*)$/i;
const SOURCE_LINK = /^(source\s*:\s*read full (article|story)|read full (article|story)|continue reading|read the full (article|story).*)$/i;
const READING_TIME = /^\d+\s*(min(ute)?s?)\s*(read|listen)$/i;
const LINK_TAG = /\[(INSIGHT|ANALYSIS|VIDEO|PICTURES|PHOTOS|LIVE|REVEAL|POLL|LATEST|UPDATE|REPORT|OPINION|EXPLAINED|MAP|CHART)\]$/;
const ENDING_LIST_MARKER = /^(explore|more stories|more from .*|related( articles| stories| coverage)?|you may also like|most (read|popular)|latest( news| stories)?|trending( now)?|top stories|read next|editor'?s picks|recommended( for you)?)$/i;
const SIGNOFF = /^source\s*:\s*(?!read full)(.+)$/i;
const MARKDOWN_LINK = /\[[^\]]{0,500}\]\([^)]{0,2000}\)|<https?:[^>]+>|https?:\/\/\S+/g;

export function isIconLabelRun(line: string): boolean {
  return (line.match(/\ban? icon\b/gi) ?? []).length >= 3;
}

export function isConsent(line: string): boolean {
  return CONSENT_PATTERNS.some((p) => p.test(line));
}

/** Share of a line's characters that are link markup or URLs. */
export function linkDensity(line: string): number {
  const linked = (line.match(MARKDOWN_LINK) ?? []).join("").length;
  return line.length === 0 ? 0 : linked / line.length;
}

export function isSectionLabel(line: string): boolean {
  const t = line.trim();
  return /^[\p{Lu}\s&/-]{3,30}$/u.test(t) && words(t).length <= 3;
}

export function signoffPublisher(line: string): string | null {
  const m = SIGNOFF.exec(line.trim());
  return m ? (m[1] ?? "").trim() : null;
}

/** A simple per-line verdict; context-dependent rules (duplicates, trailing lists, head zone) live in the cleaner. */
export function classifyLine(line: string): LineKind | null {
  const t = line.trim();
  if (isIconLabelRun(t)) return "icon-labels";
  if (READING_TIME.test(t)) return "reading-time";
  if (SOURCE_LINK.test(t)) return "source-link";
  if (SIGNOFF.test(t)) return "signoff";
  if (isConsent(t)) return "consent";
  if (SHARE.test(t)) return "share-prompt";
  if (WIDGET.test(t)) return "widget";
  if (LINK_TAG.test(t)) return "link-line";
  if (READ_MORE.test(t) && (t.length < 140 || /^read more/i.test(t)) && !endsLikeSentence(t.replace(READ_MORE, "x "))) return "read-more";
  if (/^read more\b/i.test(t)) return "read-more";
  if (/^(?:[*•-]\s*)?list \d+ of \d+/i.test(t)) return "read-more";
  if ((t.match(/\s\|\s/g) ?? []).length >= 3 && t.split("|").every((part) => words(part).length <= 4)) return "navigation";
  if (linkDensity(t) > 0.3) return "navigation";
  if (/^(skip to|jump to)\b/i.test(t) || /category\S/.test(t)) return "navigation";
  return null;
}

/** The closing credits of a wire story: "Reporting by X; Editing by Y", "Our Standards: ...". The article ends here. */
const END_MATTER = /^(?:our standards:|(?:reporting|writing|editing|additional reporting|compiled|edited|fact-checked) by\b)/i;

export function isEndMatter(line: string): boolean {
  return END_MATTER.test(line.trim());
}

export function isEndingListMarker(line: string): boolean {
  return ENDING_LIST_MARKER.test(line.trim());
}

/** A run of short headline-shaped lines with few function words: a list of other stories, not prose. */
export function looksLikeHeadlineList(lines: string[]): boolean {
  const content = lines.filter((l) => l.trim() !== "");
  if (content.length < 2) return false;
  const listy = content.filter(
    (l) => (isTitleShaped(l.replace(/^[*•-]\s*/, ""), 30) || /^[*•-]\s/.test(l)) && stopWordDensity(l) < 0.45,
  );
  return listy.length / content.length >= 0.8;
}
