/**
 * The index of dated articles finds the same best neighbours as scoring every dated article by the
 * rules of infer-dates.ts, written out here the plain way: on 600 generated articles, where most
 * share some names and many share the same ones.
 */
import { describe, expect, it } from "vitest";
import { generator } from "../../src/bench/generate.ts";
import { decodeRaw } from "../../src/ingest/decode.ts";
import { comparedText, DatedArticles, DISTINCTIVE_SHARE, documentFrequency, MIN_SCORE, MIN_SHARED_NAMES, shingles, type Neighbour } from "../../src/ingest/infer-dates.ts";
import { normalise, type Draft } from "../../src/ingest/normalise.ts";
import { loadRegistries } from "../../src/registry.ts";

const registries = loadRegistries();
const gen = generator(registries, 5);
const drafts: Draft[] = [];
for (let i = 0; drafts.length < 600; i++) {
  const decoded = decodeRaw(new TextEncoder().encode(gen.article(i).text));
  if (!decoded.ok) continue;
  const r = normalise(decoded.text, { path: `raw/${i}.txt`, sha256: String(i) }, registries);
  if (r.ok && r.draft.record.date) drafts.push(r.draft);
}
const dated = drafts.slice(40).map((draft, i) => ({ id: `article-${String(i).padStart(4, "0")}`, draft }));
const targets = drafts.slice(0, 40);
const freq = documentFrequency(drafts);

const namesOf = (d: Draft) => new Set([...d.record.people, ...d.record.places, ...d.record.organisations]);

function jaccard(a: Float64Array, b: Float64Array): number {
  const bs = new Set(b);
  const common = [...a].filter((x) => bs.has(x)).length;
  return a.length && b.length ? common / (a.length + b.length - common) : 0;
}

/** Every dated article scored (or the `most` best by name, ties included), all kept that score enough, best first. */
function everyNeighbour(target: Draft, most = Infinity): Neighbour[] {
  const df = (n: string) => freq.df.get(n) ?? 0;
  const weight = (n: string) => Math.log((freq.n + 1) / (df(n) + 0.5));
  const distinctive = (n: string) => df(n) <= DISTINCTIVE_SHARE * freq.n;
  const tNames = namesOf(target);
  const tWeight = [...tNames].filter((n) => df(n) > 1 && distinctive(n)).reduce((s, n) => s + weight(n), 0);
  const named = dated.flatMap(({ id, draft }) => {
    const dNames = namesOf(draft);
    const shared = [...tNames].filter((n) => dNames.has(n) && distinctive(n)).sort();
    if (shared.length < MIN_SHARED_NAMES || tWeight === 0 || !shared.some((n) => target.record.people.includes(n))) return [];
    return [{ id, draft, shared, nameScore: shared.reduce((s, n) => s + weight(n), 0) / tWeight }];
  });
  const least = named.map((x) => x.nameScore).sort((a, b) => b - a)[most - 1] ?? -Infinity;
  const out: Neighbour[] = [];
  for (const { id, draft, shared, nameScore } of named) {
    if (nameScore < least) continue;
    const score = 0.6 * nameScore + 0.4 * Math.min(1, jaccard(shingles(comparedText(target)), shingles(comparedText(draft))) * 10);
    if (score >= MIN_SCORE) out.push({ id, date: draft.record.date!, shared: shared.sort((a, b) => weight(b) - weight(a) || a.localeCompare(b)), score: Math.round(score * 100) / 100 });
  }
  return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

describe("the index of dated articles", () => {
  const index = new DatedArticles(dated, freq);

  it("gives each article the same three best neighbours as scoring all of them", () => {
    const expected = targets.map((t) => everyNeighbour(t).slice(0, 3));
    expect(expected.filter((n) => n.length === 3).length).toBeGreaterThan(20); // the case the bound prunes
    expect(targets.map((t) => index.best(t, 3))).toEqual(expected);
  });

  it("compares the words of no more articles than it is allowed: those sharing the most names", () => {
    const few = new DatedArticles(dated, freq, 3);
    expect(targets.map((t) => few.best(t, 3))).toEqual(targets.map((t) => everyNeighbour(t, 3).slice(0, 3)));
    expect(targets.map((t) => few.best(t, 3))).not.toEqual(targets.map((t) => index.best(t, 3)));
  });

  it("gives all of them when asked for more than there are", () => {
    for (const t of targets.slice(0, 5)) expect(index.best(t, 1000)).toEqual(everyNeighbour(t));
  });

  it("compares 3-grams: the same text is alike, another is not", () => {
    const a = shingles(comparedText(targets[0]!));
    expect(jaccard(a, shingles(comparedText(targets[0]!)))).toBe(1);
    expect(jaccard(a, shingles(comparedText(targets[1]!)))).toBeLessThan(0.2);
    expect(shingles("one two")).toHaveLength(0);
  });
});
