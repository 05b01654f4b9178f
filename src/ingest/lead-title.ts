/** A short headline made from the lead sentence, for scrapes that lost theirs. */
import { words } from "./text.ts";

const MAX_WORDS = 14;

export function firstSentence(paragraph: string): string {
  const text = paragraph.trim();
  for (const m of text.matchAll(/[.!?]["”’]?(?=\s+["“‘]?\p{Lu}|$)/gu)) {
    const end = m.index + 1;
    if (ABBREVIATION.test(text.slice(Math.max(0, end - 8), end))) continue;
    return text.slice(0, end).trim();
  }
  return text;
}

/** A news dateline opening the lead: "KRAKOW  On Feb. 15", "KYIV, Ukraine (AP) — Russia". Not part of a title. */
const LEAD_DATELINE =
  /^(?:[\p{Lu}][\p{Lu} .'-]{2,}(?:,\s*[\p{Lu}][\p{L}\d .]*?)?|[\p{Lu}][\p{L}]{2,}\.?\s+\d{1,2})\s*(?:\([^)]{2,30}\))?\s*[-–—]+\s+(?=\p{Lu})/u;
/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:[\p{Lu}](?:\.[\p{Lu}])*|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Rev|Prof|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc)\.$/u;

export function titleFromLead(paragraph: string): string {
  let sentence = firstSentence(paragraph.replace(LEAD_DATELINE, "")).replace(/[.!?]$/, "");
  if (words(sentence).length > MAX_WORDS) {
    // Prefer a whole clause: cut at the last comma or dash within the limit, else at the limit.
    const ws = words(sentence).slice(0, MAX_WORDS);
    const clause = ws.join(" ").replace(/[,;:–—-][^,;:–—-]*$/, "");
    sentence = words(clause).length >= 6 ? clause : ws.join(" ");
    sentence = sentence.replace(/[,;:]$/, "") + "…";
  }
  return sentence;
}
