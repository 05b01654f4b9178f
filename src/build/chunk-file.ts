/**
 * A render chunk's file (render-pages.ts): the items of its pages as JSON, for an Eleventy
 * process of its own, with each article card written once.
 *
 * An article's card is on a dozen lists (its month, people, places, source, the timeline) and is
 * one object in the site data. Written where it is shown, at 10,000 articles it made a chunk of
 * people's pages three times the size of a chunk of article pages (94 MB against 33 MB), and
 * reading and parsing it took longest of that process's own work. So the file holds the chunk's
 * cards once, in a table after the pages, each place that shows one holds its number
 * (`{"@card": n}`, with `shared` for a related article's card), and reading puts the cards back:
 * one object per card again, as in the site data.
 */
import { closeSync, openSync, readFileSync } from "node:fs";
import { stringWriter } from "./temp-file.ts";
import { isSharedCard, relatedBase } from "./site-data.ts";
import type { PageSelection } from "./render-plan.ts";

const CARD = "@card";

/** Characters gathered before a write: well under the size of a large object (measured at 100,000 articles). */
const WRITE_AT = 1 << 15;

interface ChunkFile {
  pages: PageSelection;
  cards: object[];
}

/**
 * Write `pages` to `file` an item at a time. One string per chunk would be a hundred megabytes or
 * more at 100,000 articles, made in the heap's large-object space: written so, the chunks' files
 * took the build from 5.3 GB to 9.1 GB.
 */
export function writeChunkFile(file: string, pages: PageSelection): void {
  const numbers = new Map<object, number>();
  const cards: object[] = [];
  const numberOf = (card: object) => {
    let n = numbers.get(card);
    if (n === undefined) {
      numbers.set(card, (n = cards.length));
      cards.push(card);
    }
    return n;
  };
  const byNumber = (_key: string, value: unknown): unknown => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    if (isSharedCard(value)) return { [CARD]: numberOf(value) };
    const base = relatedBase(value);
    return base ? { [CARD]: numberOf(base), shared: (value as { shared: unknown }).shared } : value;
  };

  const fd = openSync(file, "w");
  try {
    const { write, flush } = stringWriter(fd, WRITE_AT);
    write('{"pages":{');
    let first = true;
    for (const [collection, items] of Object.entries(pages)) {
      write(`${first ? "" : ","}${JSON.stringify(collection)}:[`);
      first = false;
      items.forEach((item, i) => write((i ? "," : "") + (JSON.stringify(item, byNumber) ?? "null")));
      write("]");
    }
    write('},"cards":[');
    cards.forEach((card, i) => write((i ? "," : "") + JSON.stringify(card)));
    write("]}");
    flush();
  } finally {
    closeSync(fd);
  }
}

/** The pages of a chunk's file, each card one object wherever it is shown. */
export function readChunkFile(file: string): PageSelection {
  const { pages, cards } = JSON.parse(readFileSync(file, "utf8")) as ChunkFile;
  for (const items of Object.values(pages)) withCards(items, cards);
  return pages;
}

function withCards(value: unknown, cards: object[]): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = withCards(value[i], cards);
    return value;
  }
  const fields = value as Record<string, unknown>;
  const n = fields[CARD];
  if (typeof n === "number") return "shared" in fields ? Object.assign({}, cards[n], { shared: fields["shared"] }) : cards[n];
  for (const key in fields) fields[key] = withCards(fields[key], cards);
  return fields;
}
