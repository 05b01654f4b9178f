/**
 * Restore paragraph breaks where a scrape ran paragraphs together: a sentence end followed by a
 * capital with no space between ("...over Ukraine.Truss used...") is where one paragraph ended.
 * A quote mark at the join belongs to the side it opens or closes; a straight double quote is read
 * by parity (after an even number of them it opens).
 */

const JOIN = /([\p{Ll}\d)%][.!?])(["“”’]?)(?=\p{Lu})/gu;

function opensNext(paragraph: string, quoteAt: number, mark: string): boolean {
  if (mark === "“") return true;
  if (mark === '"') return (paragraph.slice(0, quoteAt).match(/"/g) ?? []).length % 2 === 0;
  return false;
}

/** "Mr.", "Dr.", "St." before a capital are not a paragraph end, glued or not. */
const ABBREVIATION_BEFORE = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Rev|Prof|Jr|Sr|No|vs|etc)$/u;

export function splitRunTogether(paragraph: string): string[] {
  const cuts: number[] = [];
  for (const m of paragraph.matchAll(JOIN)) {
    if (ABBREVIATION_BEFORE.test(paragraph.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    const end = m[1] ?? "";
    const mark = m[2] ?? "";
    const quoteAt = m.index + end.length;
    cuts.push(mark && !opensNext(paragraph, quoteAt, mark) ? quoteAt + 1 : quoteAt);
  }
  if (cuts.length === 0) return [paragraph];
  const parts: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    parts.push(paragraph.slice(from, cut).trim());
    from = cut;
  }
  parts.push(paragraph.slice(from).trim());
  return parts.filter(Boolean);
}
