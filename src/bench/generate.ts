/**
 * A synthetic archive for the benchmark: N raw articles shaped like real scrapes (headlines,
 * bylines, sign-offs, people and places from the entity registry, and the boilerplate that
 * scrapers carry in: icon labels, consent text, READ MORE and [INSIGHT] lines, "Explore" lists,
 * photo credits, paragraphs run together, the " date YYYY-MM-DD" prefix). Deterministic from a seed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Registries } from "../registry.ts";

/** mulberry32: a small, fast, seedable PRNG; enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
/** Zipf-like choice: low indexes far more often, as words are in real text. */
const zipf = <T>(r: Rand, xs: readonly T[]): T => xs[Math.min(xs.length - 1, Math.floor(xs.length ** r()) - 1)]!;

const COMMON = (
  "the of and to in a that for on with as was is said by at from it has have be were which but their his her " +
  "not an after this would its they who also had been more than over two will against about into new last year " +
  "government officials talks week minister country military security president foreign people meeting told " +
  "statement sanctions forces border crisis diplomatic international economic talks agreement leaders support " +
  "peace war troops attack region state report according public policy deal plan pressure conflict visit allies " +
  "energy gas oil prices markets trade election parliament court ministry spokesman officials warned called urged"
).split(" ");

const SYLLABLES = "ka lo mi ne ra to vi se da mo ri la zu po no ta gri ven sol mar tel dor bra fen lus cor vin tra".split(" ");

/** A fixed vocabulary of made-up content words, so the index grows as real archives do. */
function vocabulary(r: Rand, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const n = between(r, 2, 4);
    let w = "";
    for (let i = 0; i < n; i++) w += pick(r, SYLLABLES);
    words.add(w);
  }
  return [...words];
}

const ICONS =
  "Calendar An icon of a desk calendar. Cancel An icon of a circle with a diagonal line across. Email An icon of a paper envelope. " +
  "Facebook An icon of the Facebook \"f\" mark. Twitter An icon of the Twitter logo. Menu An icon of 3 horizontal lines.";
const CONSENT =
  "We use your sign-up to provide content in ways you've consented to and to improve our understanding of you. " +
  "This may include adverts from us and 3rd parties based on our understanding. You can unsubscribe at any time. More info";

interface Outlet {
  /** How the outlet signs off or bylines its copy; the ingest reads the source from these. */
  head: (r: Rand) => string[];
  tail: (r: Rand, headlines: () => string) => string[];
  runTogether: number;
  prefix: number;
  dateFormat: (d: Date, r: Rand) => string;
}

const MONTHS = "January February March April May June July August September October November December".split(" ");
const longDate = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
const iso = (d: Date) => d.toISOString().slice(0, 10);

const OUTLETS: Outlet[] = [
  {
    // TRT World: section label, reading time, dated, READ MORE lines, sign-off, an Explore list.
    head: (r) => ["WORLD", `${between(r, 2, 9)} MIN READ`],
    tail: (r, h) => ["SOURCE:TRTWorld and agencies", "Explore", ...Array.from({ length: between(r, 4, 12) }, h)],
    runTogether: 0,
    prefix: 0.2,
    dateFormat: longDate,
  },
  {
    // Express: consent text, [INSIGHT] link lines, "Source: Read Full Article".
    head: () => [CONSENT],
    tail: () => ["Source: Read Full Article"],
    runTogether: 0,
    prefix: 0.3,
    dateFormat: longDate,
  },
  {
    // RT: paragraphs run together, a photo credit, the scraper's date prefix.
    head: () => [],
    tail: () => [],
    runTogether: 0.7,
    prefix: 1,
    dateFormat: longDate,
  },
  {
    // Press Association copy: icon labels, byline, date and time.
    head: () => [ICONS, "", "By Press Association"],
    tail: () => [],
    runTogether: 0,
    prefix: 0.5,
    dateFormat: (d, r) => `${longDate(d)}, ${between(r, 1, 11)}:${between(r, 10, 59)} pm`,
  },
];

/** One article in this many has no date at all: a scrape that lost its date, as one of the five seeds did. */
export const UNDATED_EVERY = 33;

export interface GeneratedArticle {
  name: string;
  text: string;
}

export interface Generator {
  article(i: number): GeneratedArticle;
}

/** Articles are generated one at a time, each from its own seed, so any N is a prefix of a larger N. */
export function generator(registries: Registries, seed = 1): Generator {
  const vr = rng(seed);
  const words = vocabulary(vr, 6000);
  const people = registries.entities.people.map((p) => p.name);
  const places = registries.entities.places.map((p) => p.name);
  const orgs = registries.entities.organisations.map((o) => o.name);
  const start = Date.UTC(2012, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;

  return {
    article(i) {
      const r = rng(seed * 1_000_003 + i);
      const word = () => (r() < 0.55 ? zipf(r, COMMON) : zipf(r, words));
      const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
      const cast = [pick(r, people), pick(r, people), pick(r, people)];
      const where = [pick(r, places), pick(r, places)];
      const org = pick(r, orgs);
      const name = () => (r() < 0.5 ? cast[0]! : pick(r, cast));
      const phrase = (n: number) => Array.from({ length: n }, word).join(" ");
      const sentence = (): string => {
        const shape = r();
        if (shape < 0.2) return `"${cap(phrase(between(r, 6, 16)))}," ${name()} said.`;
        if (shape < 0.35) return `${name()} met ${pick(r, cast)} in ${pick(r, where)} to discuss ${phrase(between(r, 3, 8))}.`;
        if (shape < 0.45) return `The ${org} said ${phrase(between(r, 6, 14))} in ${pick(r, where)}.`;
        return `${cap(phrase(between(r, 8, 22)))}.`;
      };
      const paragraph = () => Array.from({ length: between(r, 1, 4) }, sentence).join(" ");
      const headline = () => cap(`${name()} ${phrase(between(r, 4, 9))} in ${pick(r, where)}`);

      const outlet = OUTLETS[i % OUTLETS.length]!;
      const date = new Date(start + Math.floor(r() * span));
      const title = headline();
      const words600 = between(r, 150, 1400);
      const body: string[] = [];
      let count = 0;
      while (count < words600) {
        const p = paragraph();
        count += p.split(" ").length;
        body.push(p);
        const extra = r();
        if (extra < 0.05) body.push(`READ MORE:${headline()}`);
        else if (extra < 0.08 && outlet === OUTLETS[1]) body.push(`${headline()} [INSIGHT]`);
        else if (extra < 0.1) body.push(cap(phrase(between(r, 3, 6)))); // a crosshead
      }
      const credit = r() < 0.4 ? [`${pick(r, cast)} (${pick(r, ["Stefan Rousseau/PA", "AP", "Getty Images", "Reuters"])})`] : [];
      const lines: string[] = [];
      const prefixed = r() < outlet.prefix;
      const head = outlet.head(r);
      // Undated scrapes leave the date to the archive (infer-dates.ts); the same draws are made, so
      // that the other articles are those of a run without them.
      const undated = i % UNDATED_EVERY === UNDATED_EVERY - 1;
      if (prefixed) {
        const first = head.shift() ?? "";
        lines.push(undated ? first : ` date ${iso(date)} ${first}`.trimEnd());
      }
      lines.push(...head, title, "", ...credit);
      if (!prefixed || r() < 0.5) {
        const stamp = outlet.dateFormat(date, r);
        if (!undated) lines.push(stamp);
      }
      lines.push("");
      // Scrapes that lose paragraph breaks lose most, not all, of them.
      lines.push(body.map((p, k) => (k === 0 ? "" : k > 1 && r() < outlet.runTogether ? "" : "\n\n") + p).join(""), "");
      if (r() < 0.2) lines.push(`Image: ${pick(r, ["AP", "Reuters", "AFP"])}`);
      lines.push(...outlet.tail(r, headline));
      return { name: `${String(i).padStart(6, "0")}_${(seed * 7919 + i).toString(16)}.txt`, text: lines.join("\n") + "\n" };
    },
  };
}

/** Write N raw files into dir/raw (made if missing); returns the total bytes written. */
export function writeArchive(dir: string, count: number, registries: Registries, seed = 1): number {
  const raw = join(dir, "raw");
  mkdirSync(raw, { recursive: true });
  const gen = generator(registries, seed);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const a = gen.article(i);
    writeFileSync(join(raw, a.name), a.text);
    bytes += Buffer.byteLength(a.text);
  }
  return bytes;
}
