/**
 * Properties of the ingest over generated input (fast-check): for any text and any bytes it gives a
 * record or a typed refusal and never throws; it never loses words that no cleaning rule names;
 * every line it drops is counted in the record's `removed`; every record it writes is one the build
 * reads back as written, without a problem, whatever date the scraper's prefix or the text gives.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ingestArchive } from "../../src/ingest/archive.ts";
import { loadRegistries } from "../../src/registry.ts";
import { serializeRecord } from "../../src/record-file.ts";
import { parseArticle } from "../../src/build/load-records.ts";

const registries = loadRegistries();
const RUNS = { numRuns: 150 };

function ingestOne(bytes: Uint8Array) {
  const result = ingestArchive([{ path: "raw/generated.txt", bytes }], registries);
  expect(result.articles.length + result.refused.length).toBe(1);
  for (const r of result.refused) {
    expect(r.path).toBe("raw/generated.txt");
    expect(r.reason.length).toBeGreaterThan(5);
  }
  return result;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Words no cleaning rule looks for: no months, weekdays, numbers, bylines, prompts, credits or quotes. */
const WORDS = (
  "harbour council farmers river budget winter station bridge village engineers teachers grain " +
  "ministers talks border trade market parliament committee report plan water roads schools " +
  "the a of and to in on with for from was were has had will would that this they their its " +
  "new old long short quiet busy early late slow open closed local national regional public"
).split(" ");

const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 8, maxLength: 16 }).map((ws) => {
  const s = ws.join(" ");
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
});
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((ss) => ss.join(" "));
const prose = fc.uniqueArray(paragraph, { minLength: 2, maxLength: 6 });

/** Page furniture of the kinds the cleaner names (labels, prompts, stamps, credits, bylines). */
const FURNITURE = [
  "Share this article",
  "Advertisement",
  "Read more",
  "Accept all",
  "Sign up to our newsletter to get the latest news in your inbox",
  "Published: 4 March 2022",
  "Updated 12:30, 5 March 2022",
  "By Anna Smith",
  "Photo: Getty Images",
  "3 min read",
  "Privacy policy",
];

/** Lines a scraper might give: prose, furniture, markup, dates, quotes, noise. */
const messyLine = fc.oneof(
  sentence,
  paragraph,
  fc.constantFrom(...FURNITURE),
  fc.constantFrom("<script>alert(1)</script>", "{{ 7*7 }}", "{% raw %}", "---", "title: x", "[link](javascript:alert(1))", "**bold", "__", "# Heading", "> quote"),
  fc.constantFrom("“We will not give up,” the minister said.", "MOSCOW, Feb 10 (Reuters) -", "SOURCE: Reuters", "date 2022-02-10"),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);
const messyText = fc.array(messyLine, { maxLength: 25 }).chain((lines) => fc.constantFrom("\n", "\r\n", "\n\n", "\r").map((end) => lines.join(end)));

const wordsOf = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];

describe("the ingest over generated input", () => {
  it("answers any string with one record or one refusal, and never throws", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), (s) => void ingestOne(utf8(s))), RUNS);
  });

  it("answers any bytes with one record or one refusal, and never throws", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => void ingestOne(bytes)), RUNS);
  });

  it("answers any mix of prose, furniture, markup and noise with one record or one refusal", () => {
    fc.assert(fc.property(messyText, (text) => void ingestOne(utf8(text))), RUNS);
  });

  it("writes every record so that the build reads it back as written, whatever date the scraper or the text gives", () => {
    // Days at the end of a month half the time: 29 February, 31 April and the like are no days.
    const day = fc.record({ y: fc.integer({ min: 1990, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 28, max: 31 })) });
    const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    const pad = (n: number) => String(n).padStart(2, "0");
    const scrape = fc.tuple(fc.option(day), fc.option(day, { freq: 1 }), prose, messyText).map(([prefix, stamp, paragraphs, noise]) =>
      [
        prefix ? `date ${prefix.y}-${pad(prefix.m)}-${pad(prefix.d)} ` : "",
        stamp ? `${stamp.d} ${MONTHS[stamp.m - 1]} ${stamp.y}\n` : "",
        paragraphs.join("\n"),
        "\n",
        noise,
      ].join(""),
    );
    let written = 0;
    fc.assert(
      fc.property(scrape, (text) => {
        const { articles } = ingestOne(utf8(text));
        written += articles.length;
        for (const a of articles) {
          const read = parseArticle("generated.md", serializeRecord(a.record, a.body));
          expect(read.problems).toEqual([]);
          expect(read.article).toEqual({ ...a.record, body: a.body, file: "generated.md" });
        }
      }),
      { numRuns: 400 },
    );
    expect(written).toBeGreaterThan(200); // most are articles, not refusals
  });

  it("keeps every word of plain prose in the record", () => {
    fc.assert(
      fc.property(prose, (paragraphs) => {
        const { articles } = ingestOne(utf8(paragraphs.join("\n")));
        expect(articles).toHaveLength(1);
        const r = articles[0]!.record;
        const kept = new Set(wordsOf([r.title, r.standfirst ?? "", articles[0]!.body].join(" ")));
        for (const w of wordsOf(paragraphs.join(" "))) expect(kept).toContain(w);
        expect(r.removed).toEqual([]);
      }),
      RUNS,
    );
  });

  it("counts in `removed` every line whose words it drops, with an example taken from the text", () => {
    const lines = fc.array(fc.oneof(paragraph, paragraph, fc.constantFrom(...FURNITURE)), { minLength: 3, maxLength: 14 });
    fc.assert(
      fc.property(lines, (input) => {
        const text = input.join("\n");
        const { articles } = ingestOne(utf8(text));
        if (articles.length === 0) return; // refused: nothing was kept, and the refusal says why
        const r = articles[0]!.record;
        const kept = new Set(wordsOf([r.title, r.standfirst ?? "", articles[0]!.body, ...r.credits].join(" ")));
        const dropped = new Set(input.filter((line) => wordsOf(line).some((w) => !kept.has(w))));
        const counted = r.removed.reduce((n, k) => n + k.lines, 0);
        expect(counted).toBeGreaterThanOrEqual(dropped.size);
        for (const k of r.removed) expect(text).toContain(k.example.replace(/\.\.\.$/, ""));
      }),
      RUNS,
    );
  });
});
