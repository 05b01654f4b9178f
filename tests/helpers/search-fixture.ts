/**
 * The five seeds built into a temporary site for the browser tests, with the records they came
 * from and the words the tests search for, all chosen from the records' text (never hard-coded).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Article } from "../../src/record.ts";
import { runIngest } from "../../src/cli/ingest.ts";
import { buildSite } from "../../src/build/site-build.ts";
import { loadArticles } from "../../src/build/load-records.ts";
import { tempArchive } from "./paths.ts";

export interface BuiltArchive {
  dir: string;
  site: string;
  articles: Article[];
}

/** Ingests the seeds into a temporary folder, lets `edit` change the records as an editor would, and builds the site. */
export async function buildArchive(
  pathPrefix = "/",
  edit?: (dir: string, articles: Article[]) => void,
  searchShardPages?: number,
): Promise<BuiltArchive> {
  const dir = tempArchive();
  expect(runIngest({ input: join(dir, "raw"), output: dir, reportFile: join(dir, "report.json"), quiet: true })).toBe(0);
  edit?.(dir, loadArticles(dir).articles);
  const site = join(dir, "_site");
  const result = await buildSite({ articlesDir: dir, outDir: site, pathPrefix, quiet: true, searchShardPages });
  expect(result.errors).toEqual([]);
  const { articles, problems } = loadArticles(dir);
  expect(problems).toEqual([]);
  return { dir, site, articles };
}

const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** What the search indexes of an article: its headline, standfirst and body. */
export function indexedWords(a: Article): Set<string> {
  return new Set(words([a.title, a.standfirst ?? "", a.body].join("\n")));
}

/**
 * Pagefind stems words and matches the start of a word, so "tension" also finds "tensions".
 * A test word is one whose articles are the same whether counted by the exact word or by any
 * word sharing its first letters: then the articles a search must find are beyond doubt.
 */
// English stemming rarely cuts a word below half its length ("urging" -> "urg", "organization" -> "organ").
const stemPrefix = (w: string) => w.slice(0, Math.max(3, Math.ceil(w.length / 2) - 1));

export interface TestWord {
  word: string;
  slugs: string[]; // the articles containing it, sorted
}

export function testWords(articles: Article[]): TestWord[] {
  const indexed = articles.map((a) => ({ slug: a.slug, all: indexedWords(a), body: new Set(words(a.body)) }));
  const everyWord = new Set(indexed.flatMap((a) => [...a.body]));
  const out: TestWord[] = [];
  for (const word of [...everyWord].sort()) {
    if (!/^\p{L}{6,}$/u.test(word)) continue;
    const exact = indexed.filter((a) => a.body.has(word)).map((a) => a.slug);
    const prefix = stemPrefix(word);
    const loose = indexed.filter((a) => [...a.all].some((w) => w.startsWith(prefix))).map((a) => a.slug);
    if (exact.length === loose.length) out.push({ word, slugs: exact.sort() });
  }
  return out;
}

/**
 * Words of the raw scrapes that ingest removed as page furniture (menus, "Explore" lists, consent
 * banners): in a raw file, and in no record's indexed text even by their first letters.
 */
export function removedWords(dir: string, articles: Article[]): string[] {
  const kept = articles.flatMap((a) => [...indexedWords(a)]);
  const rawCounts = new Map<string, number>();
  for (const a of articles) {
    for (const w of words(readFileSync(join(dir, a.raw), "utf8"))) rawCounts.set(w, (rawCounts.get(w) ?? 0) + 1);
  }
  return [...rawCounts.entries()]
    .filter(([w]) => /^\p{L}{6,}$/u.test(w) && !kept.some((k) => k.startsWith(stemPrefix(w)) || w.startsWith(stemPrefix(k))))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([w]) => w);
}

export interface TestPhrase {
  phrase: [string, string];
  together: string[]; // articles where the two words stand side by side, sorted
  apart: string[]; // articles holding both words anywhere, sorted
}

/** Two test words that stand together in some articles and apart in others, for exact-phrase search. */
export function testPhrases(articles: Article[]): TestPhrase[] {
  const safe = new Map(testWords(articles).map((t) => [t.word, t]));
  const bodies = articles.map((a) => ({ slug: a.slug, seq: words([a.title, a.standfirst ?? "", a.body].join("\n")) }));
  const out: TestPhrase[] = [];
  const seen = new Set<string>();
  for (const { seq } of bodies) {
    for (let i = 0; i + 1 < seq.length; i++) {
      const [a, b] = [seq[i]!, seq[i + 1]!];
      const key = `${a} ${b}`;
      if (a === b || seen.has(key) || !safe.has(a) || !safe.has(b)) continue;
      seen.add(key);
      const together = bodies.filter((d) => d.seq.some((w, j) => w === a && d.seq[j + 1] === b)).map((d) => d.slug).sort();
      const apart = safe.get(a)!.slugs.filter((s) => safe.get(b)!.slugs.includes(s)).sort();
      if (apart.length > together.length) out.push({ phrase: [a, b], together, apart });
    }
  }
  return out;
}
