/** A short headline made from the lead sentence, for scrapes that lost theirs. */
import { words } from "./text.ts";

const MAX_WORDS = 14;

export function firstSentence(paragraph: string): string {
  const m = /^(.+?[.!?])["”’]?(?=\s+["“‘]?\p{Lu}|$)/u.exec(paragraph.trim());
  return (m ? m[1]! : paragraph).trim();
}

export function titleFromLead(paragraph: string): string {
  let sentence = firstSentence(paragraph).replace(/[.!?]$/, "");
  if (words(sentence).length > MAX_WORDS) {
    // Prefer a whole clause: cut at the last comma or dash within the limit, else at the limit.
    const ws = words(sentence).slice(0, MAX_WORDS);
    const clause = ws.join(" ").replace(/[,;:–—-][^,;:–—-]*$/, "");
    sentence = words(clause).length >= 6 ? clause : ws.join(" ");
    sentence = sentence.replace(/[,;:]$/, "") + "…";
  }
  return sentence;
}
