/**
 * Direct quotes and who said them, where the text names the speaker. Each quote gets its speaker
 * from the first of these rules that applies (named in the order they are tried); none applies,
 * the speaker is null: a wrong name is worse than none.
 *
 *   continued   a quote left open at a paragraph's end goes on in the next paragraph that opens
 *               with a quote mark (“...deaf person. / “Our most detailed...”): same speaker
 *   after       the attribution follows the quote: ”...,” Truss told Lavrov / ,” he said / ," said Truss
 *   before      the attribution leads into it: Mr Lavrov said: “... / Ms Truss tried to counterblast: “...
 *   follow-on   a second quote in the same paragraph after an attributed one, with only that
 *               attribution or "adding" between: ," Truss told Lavrov. "If ...
 *   in-sentence a quote inside a sentence whose named subject speaks: Truss used the meeting to
 *               urge the Kremlin "to take the path of diplomacy"
 *
 * A subject that is a pronoun (he, she) is the nearest person named before the quote (this
 * paragraph and the two before) whose pronoun matches, known from the registry or a title in the
 * text ("Ms Truss"); a nearer person of unknown pronoun, or an unnamed speaker in between ("a
 * Foreign Office spokesman"), leaves it null. Non-person speakers ("a White House statement",
 * "the official") are null. Quoted phrases of fewer than four words are scare quotes, not quotes.
 */
import type { Quote } from "../record.ts";
import type { EntityRegistry } from "../registry.ts";
import { findMentions, titlePronoun, type Mention } from "./entities.ts";
import { words } from "./text.ts";

export const MIN_QUOTE_WORDS = 4;
/** How far back (in paragraphs, besides the quote's own) a pronoun looks for its person. */
const PRONOUN_REACH = 2;
/** Words allowed between a named subject and its speech verb in the in-sentence rule. */
const SUBJECT_TO_VERB_WORDS = 4;

const VERB =
  "(?:said|says|say|saying|told|tells|telling|added|adds|adding|warned|warns|warning|stated|states|argued|argues|arguing|insisted|insists|" +
  "urged|urges|urging|urge|declared|explained|wrote|writes|writing|asked|asks|replied|replies|continued|noted|tweeted|remarked|retorted|" +
  "stressed|claimed|claims|called|calling|described|describing|announced|emphasised|emphasized|vowed|promised|acknowledged|admitted|" +
  "recalled|suggested|commented|answered|countered|responded)";
const VERB_RE = new RegExp(`^${VERB}$`, "i");
/** After the quote: `, Truss told Lavrov` or `, he said` (subject first) or `, said Truss` (inverted). */
const AFTER_SUBJECT_FIRST = new RegExp(`^[,.]?\\s*([^.,;:“”"]{1,60}?)\\s+(?:\\p{Ll}+ly\\s+)?${VERB}\\b`, "u");
const AFTER_INVERTED = /^[,.]?\s*(?:said|says|added|asked|wrote|continued|replied|according to)\s+([^.,;“”"]{1,60})/i;
/** Before the quote: `... Mr Lavrov said: ` / `Macron told journalists, ` / `Ms Truss tried to counterblast: `. */
const BEFORE_VERB = new RegExp(`^(.*?)\\s+(?:\\p{Ll}+ly\\s+)?${VERB}\\b[^.;“”"]{0,50}?[:,]?\\s*$`, "u");
const BEFORE_COLON = /^(.*?)[:]\s*$/;
const FOLLOW_ON_BETWEEN = /^[\s,]*(?:(?:and\s+)?(?:he|she)\s+)?(?:adding|added|continuing|continued|and)\b[^.“”"]{0,30}[:,]?\s*$/i;
const PRONOUN = /^(he|she)$/i;
const PREPOSITION_BEFORE = /\b(?:with|by|to|from|of|for|against|on|at|about|over|and|between|met|meet|meeting|counterpart)\s+(?:[\p{Lu}][\p{L}.]*\s+){0,3}$/u;
const POSSESSIVE_AFTER = /^['’]s?\b/;
/** Someone unnamed who speaks: a pronoun after them is not about the last named person. */
const UNNAMED_SPEAKER = /\b(?:spokes(?:man|woman|person)|official|officials|source|statement|minister|envoy|diplomat|aide|adviser|advisor|analyst|expert|diplomats|sources)\b/i;

interface Span {
  start: number; // offset in the article text (paragraphs joined by blank lines)
  end: number;
  text: string;
  paragraph: number;
  /** The paragraph ended before the quote closed. */
  open: boolean;
  /** The paragraph opens with this quote (a continuation of one left open). */
  first: boolean;
}

/** Quoted spans of a paragraph; an opening quote never closed runs to the paragraph's end (a quote continued below). */
export function quoteSpans(paragraph: string): { start: number; end: number; text: string; open: boolean }[] {
  const spans: { start: number; end: number; text: string; open: boolean }[] = [];
  const re = /“([^”]*)(”|$)|"([^"]*)("|$)/g;
  // A straight quote read as opening but glued to the word before it ("to fully liberate" eastern)
  // shows the marks are unbalanced: no straight-quoted span of this paragraph can be trusted.
  const unbalanced = [...paragraph.matchAll(re)].some((m) => m[3] !== undefined && /[\p{L}\p{N}]$/u.test(paragraph.slice(0, m.index)));
  for (const m of paragraph.matchAll(re)) {
    if (m[3] !== undefined && unbalanced) continue;
    const inner = (m[1] ?? m[3] ?? "").trim();
    const open = (m[2] ?? m[4] ?? "") === "";
    if (inner) spans.push({ start: m.index, end: m.index + m[0].length, text: inner, open });
  }
  return spans;
}

type Pronoun = "he" | "she";

interface Context {
  text: string;
  people: Mention[];
  paragraphStarts: number[];
  pronounOf: Map<string, Pronoun>;
}

/** What each person is called in this article: from the registry, else from a title the text gives them. */
function pronouns(text: string, people: Mention[], registry: EntityRegistry): Map<string, Pronoun> {
  const out = new Map<string, Pronoun>();
  for (const e of registry.people) if (e.pronoun) out.set(e.name, e.pronoun);
  for (const m of people) {
    const p = titlePronoun(text, m);
    if (p && !out.has(m.name)) out.set(m.name, p);
  }
  return out;
}

function isSubjectMention(ctx: Context, m: Mention): boolean {
  const after = ctx.text.slice(m.index + m.text.length, m.index + m.text.length + 3);
  const before = ctx.text.slice(Math.max(0, m.index - 40), m.index).split(/\n|[.!?]\s/).at(-1) ?? "";
  return !POSSESSIVE_AFTER.test(after) && !PREPOSITION_BEFORE.test(before);
}

/** The nearest person named before `at` whose pronoun is `pronoun`, or null when that is not clear. */
function resolvePronoun(ctx: Context, pronoun: Pronoun, at: number, paragraph: number): string | null {
  const from = ctx.paragraphStarts[Math.max(0, paragraph - PRONOUN_REACH)] ?? 0;
  const before = ctx.people.filter((m) => m.index >= from && m.index < at).reverse();
  let scanFrom = at;
  for (const m of before) {
    const between = ctx.text.slice(m.index + m.text.length, scanFrom);
    const known = ctx.pronounOf.get(m.name);
    if (known === pronoun) {
      if (UNNAMED_SPEAKER.test(stripQuoted(ctx.text.slice(m.index + m.text.length, at))) && !sameSentence(between)) return null;
      return isSpeakerLike(ctx, m) ? m.name : null;
    }
    if (!known) return null;
    scanFrom = m.index;
  }
  return null;
}

/**
 * A pronoun's person must be one the text has speaking or acting: followed within a few words by
 * a verb of speech or stance ("Mr Blinken warned", "Maria Zakharova rejected"), or the subject
 * opening its sentence ("Ms Truss tried to..."). Not one named in passing ("frustrated that
 * Zelenskyy did not...").
 */
function isSpeakerLike(ctx: Context, m: Mention): boolean {
  const lead = ctx.text.slice(Math.max(0, m.index - 60), m.index).replace(/(?:[\p{Lu}][\p{L}.’'-]*\s+)+$/u, "");
  if (SUBORDINATE_BEFORE.test(lead)) return false; // "... that Trump continued pressing": said of him, not by him
  const after = ctx.text.slice(m.index + m.text.length, m.index + m.text.length + 60);
  const ws = words(after.split(/[.;:!?\n]/)[0]!.replace(/[^\p{L}\s'’-]/gu, " ")).slice(0, SUBJECT_TO_VERB_WORDS + 1);
  if (!/^\s*,/.test(after) && ws.some((w) => VERB_RE.test(w) || STANCE_RE.test(w))) return true;
  const lineStart = Math.max(ctx.text.lastIndexOf("\n", m.index) + 1, m.index - SENTENCE_WINDOW);
  const before = ctx.text.slice(lineStart, m.index).split(/[.!?]["”’]?\s+/).at(-1) ?? "";
  return /^(?:(?:[\p{Lu}][\p{L}.’'-]*|of|the)\s+)*$/u.test(before) && isSubjectMention(ctx, m);
}

const SUBORDINATE_BEFORE = /\b(?:that|whether|if|because|as|when|while|after|before|since|than|unless|until)\s+$/i;
const STANCE_RE = /^(?:rejected|denied|dismissed|accused|challenged|criticised|criticized|condemned|welcomed|re-iterated|reiterated|repeated|insisted|hit|spoke|speaking|met|told)$/i;

function sameSentence(between: string): boolean {
  return !/[.!?]["”’]?\s/.test(between);
}

function stripQuoted(s: string): string {
  return s.replace(/“[^”]*”|"[^"]*"/g, " ");
}

/** The speaker a subject phrase names: a pronoun, or a person who is its subject (not "Ms Truss's meeting with Mr Lavrov"). */
function subjectOf(ctx: Context, phrase: string, phraseStart: number, quoteStart: number, paragraph: number): string | null {
  const t = phrase.trim();
  const pronoun = PRONOUN.exec(t.split(/\s+/).at(-1) ?? "");
  if (pronoun && words(t).length <= 2) return resolvePronoun(ctx, pronoun[1]!.toLowerCase() as Pronoun, quoteStart, paragraph);
  // Comma-separated segments from the right: skip appositives ("a Kremlin spokesman", "writing on X").
  const segments: { start: number; text: string }[] = [];
  let offset = 0;
  for (const part of phrase.split(",")) {
    segments.push({ start: phraseStart + offset, text: part });
    offset += part.length + 1;
  }
  for (let i = segments.length - 1; i >= 0; i--) {
    const seg = segments[i]!;
    const s = seg.text.trim();
    if (s === "") continue;
    const inSeg = ctx.people.filter((m) => m.index >= seg.start && m.index + m.text.length <= seg.start + seg.text.length && isSubjectMention(ctx, m));
    if (inSeg.length) return inSeg.at(-1)!.name;
    const isAppositive = /^(?:\p{L}+ing|who|which|according)\b/u.test(s) || (/^(?:a|an|the|its|his|her)\s/i.test(s) && i > 0 && isBareName(ctx, segments[i - 1]!));
    if (!isAppositive) return null;
  }
  return null;
}

/** A segment that is only a person's name and title words: "Dmitry Peskov", "Foreign Secretary Liz Truss". */
function isBareName(ctx: Context, seg: { start: number; text: string }): boolean {
  const m = ctx.people.find((p) => p.index >= seg.start && p.index + p.text.length <= seg.start + seg.text.length);
  if (!m) return false;
  const rest = (seg.text.slice(0, m.index - seg.start) + seg.text.slice(m.index - seg.start + m.text.length)).trim();
  return rest === "" || /^(?:[\p{Lu}][\p{L}.]*\s*)+$/u.test(rest);
}

const SENTENCE_WINDOW = 2000;

function sentenceStart(paragraph: string, before: number): number {
  // A window before the quote, not the whole paragraph: quotes late in a very long paragraph would make this quadratic.
  const from = Math.max(0, before - SENTENCE_WINDOW);
  const head = paragraph.slice(from, before);
  let at = 0;
  for (const m of head.matchAll(/[.!?]["”’]?\s+(?=["“‘]?\p{Lu})/gu)) at = m.index + m[0].length;
  return from + at;
}

/**
 * `people`: the people named in the paragraphs, joined by blank lines, when the caller has found
 * them already. A short name ("Lavrov") counts where the article gives it a title anywhere,
 * headline included.
 */
export function findQuotes(paragraphs: string[], registry: EntityRegistry, people?: Mention[]): Quote[] {
  const paragraphStarts: number[] = [];
  let text = "";
  for (const p of paragraphs) {
    if (text) text += "\n\n";
    paragraphStarts.push(text.length);
    text += p;
  }
  people ??= findMentions(text, registry).filter((m) => m.kind === "people");
  const ctx: Context = { text, people, paragraphStarts, pronounOf: pronouns(text, people, registry) };

  const quotes: Quote[] = [];
  let leftOpen: string | null | undefined; // the speaker of a quote left open at the end of the last paragraph
  paragraphs.forEach((p, pi) => {
    const base = paragraphStarts[pi]!;
    const spans: Span[] = quoteSpans(p).map((s) => ({ ...s, start: base + s.start, end: base + s.end, paragraph: pi, first: s.start === 0 }));
    let previous: { span: Span; speaker: string | null; rule: string } | null = null;
    for (const span of spans) {
      const { speaker, rule } = attribute(ctx, p, base, span, previous, leftOpen);
      previous = { span, speaker, rule };
      if (words(span.text).length < MIN_QUOTE_WORDS) continue;
      const quoteText = span.text.replace(/,$/, "");
      if (!quotes.some((q) => q.text === quoteText)) quotes.push({ speaker, text: quoteText });
    }
    const last = spans.at(-1);
    leftOpen = last?.open ? (previous?.speaker ?? null) : undefined;
  });
  return quotes;
}

function attribute(
  ctx: Context,
  p: string,
  base: number,
  span: Span,
  previous: { span: Span; speaker: string | null; rule: string } | null,
  leftOpen: string | null | undefined,
): { speaker: string | null; rule: string } {
  if (span.first && leftOpen !== undefined) return { speaker: leftOpen, rule: "continued" };
  const local = { start: span.start - base, end: span.end - base };
  const innerEndsSentence = /[.!?]$/.test(span.text);

  // after: ," Truss told Lavrov / ,” he said / ," said Truss
  const tail = p.slice(local.end);
  const startsLower = /^[,\s]*\p{Ll}/u.test(tail);
  // Set off as a quote with its attribution: ,” he said / ?” she asked — not "a phrase" and argued
  const setOff = /,$/.test(span.text) || /^\s*,/.test(tail) || (innerEndsSentence && startsLower);
  if (!span.open && setOff) {
    const a = AFTER_SUBJECT_FIRST.exec(tail);
    if (a) {
      const phrase = a[1]!;
      const who = subjectOf(ctx, phrase, span.end + tail.indexOf(phrase), span.start, span.paragraph);
      return { speaker: who, rule: "after" };
    }
    const inv = AFTER_INVERTED.exec(tail);
    if (inv) {
      const phrase = inv[1]!;
      const at = span.end + tail.indexOf(phrase);
      const first = ctx.people.find((m) => m.index >= at && m.index < at + phrase.length);
      const lead = first ? ctx.text.slice(at, first.index).trim() : "";
      const who = first && (lead === "" || /^(?:[\p{Lu}][\p{L}.]*\s*)+$/u.test(lead)) ? first.name : null;
      return { speaker: who, rule: "after" };
    }
  }

  // follow-on: a second quote after an attributed one, with only that attribution between
  if (previous && previous.speaker) {
    const between = p.slice(previous.span.end - base, local.start);
    const attributionOnly = previous.rule === "after" && /^[^.“”"]{1,80}[.,:]\s*$/.test(between) && !/[.!?]\s+\S/.test(between.trim().slice(0, -1));
    if (attributionOnly || FOLLOW_ON_BETWEEN.test(between)) return { speaker: previous.speaker, rule: "follow-on" };
  }

  // before: Mr Lavrov said: “ / Macron told journalists, " / Ms Truss tried to counterblast: “
  const clauseFrom = Math.max(sentenceStart(p, local.start), previous ? previous.span.end - base : 0);
  const head = p.slice(clauseFrom, local.start);
  const b = BEFORE_VERB.exec(head) ?? BEFORE_COLON.exec(head);
  if (b && /[:,]\s*$/.test(head)) {
    const who = subjectOf(ctx, b[1]!, base + clauseFrom, span.start, span.paragraph);
    return { speaker: who, rule: "before" };
  }

  // in-sentence: the sentence's named subject speaks within a few words ("Truss used the meeting to urge")
  const inSentence = ctx.people.filter((m) => m.index >= base + clauseFrom && m.index < span.start && isSubjectMention(ctx, m));
  const subject = inSentence.at(-1);
  if (subject) {
    const after = stripQuoted(ctx.text.slice(subject.index + subject.text.length, span.start));
    const ws = words(after.replace(/[^\p{L}\s'’-]/gu, " ")).slice(0, SUBJECT_TO_VERB_WORDS + 1);
    if (!/^[\s]*,/.test(after) && ws.some((w) => VERB_RE.test(w))) return { speaker: subject.name, rule: "in-sentence" };
  }
  return { speaker: null, rule: "none" };
}
