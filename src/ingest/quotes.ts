/** Direct quotes and who said them, where the text names the speaker. */
import type { Quote } from "../record.ts";
import type { EntityRegistry } from "../registry.ts";
import { findMentions, type Mention } from "./entities.ts";
import { words } from "./text.ts";

const VERB = "(?:said|says|told|added|warned|stated|argued|insisted|urged|declared|explained|wrote|asked|replied|continued|noted|tweeted|remarked|retorted|stressed|claimed|according to)";
const AFTER = new RegExp(`^[,.]?\\s*(?:([^.“”"]{1,60}?)\\s+${VERB}\\b|${VERB}\\s+([^,.“”"]{1,60}))`, "i");
const BEFORE = new RegExp(`([^.“”"]{1,80}?)\\s+${VERB}\\b[^.“”"]{0,40}?[:,]?\\s*$`, "i");
const PRONOUN = /^(he|she|they)\b/i;

interface Span {
  start: number;
  end: number;
  text: string;
}

/** Quoted spans of a paragraph; an opening quote never closed runs to the paragraph's end (a quote continued below). */
export function quoteSpans(paragraph: string): Span[] {
  const spans: Span[] = [];
  const re = /“([^”]*)(”|$)|"([^"]*)("|$)/g;
  for (const m of paragraph.matchAll(re)) {
    const inner = (m[1] ?? m[3] ?? "").trim();
    if (inner) spans.push({ start: m.index, end: m.index + m[0].length, text: inner });
  }
  return spans;
}

function speakerIn(fragment: string, offset: number, paragraphMentions: Mention[], lastPerson: string | null): string | null {
  const t = fragment.trim();
  if (PRONOUN.test(t)) return lastPerson;
  const inside = paragraphMentions.filter((m) => m.kind === "people" && m.index >= offset && m.index < offset + fragment.length);
  return inside[0]?.name ?? null;
}

export function findQuotes(paragraphs: string[], registry: EntityRegistry): Quote[] {
  const quotes: Quote[] = [];
  let lastPerson: string | null = null;
  for (const p of paragraphs) {
    const mentions = findMentions(p, registry);
    for (const span of quoteSpans(p)) {
      if (words(span.text).length < 4) continue;
      const before = mentions.filter((m) => m.kind === "people" && m.index < span.start);
      const lastBefore = before.at(-1)?.name ?? lastPerson;
      let speaker: string | null = null;
      const after = AFTER.exec(p.slice(span.end));
      if (after) {
        const frag = after[1] ?? after[2] ?? "";
        const at = span.end + p.slice(span.end).indexOf(frag);
        speaker = speakerIn(frag, at, mentions, lastBefore);
      }
      if (!speaker) {
        const head = p.slice(0, span.start);
        const b = BEFORE.exec(head);
        if (b) speaker = speakerIn(b[1] ?? "", b.index, mentions, lastBefore);
      }
      const text = span.text.replace(/[,]$/, "");
      if (!quotes.some((q) => q.text === text)) quotes.push({ speaker, text });
    }
    const people = mentions.filter((m) => m.kind === "people");
    if (people.length) lastPerson = people.at(-1)!.name;
  }
  return quotes;
}
