/**
 * The ingest puts each record it writes into the build's record cache as the build would read it
 * (parsedAsWritten), so that the build after it parses none: what it puts there must be what
 * parseArticle makes of the file, value for value and key for key (the site's JSON keeps key order).
 */
import fc from "fast-check";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generator } from "../../src/bench/generate.ts";
import { loadArticles, parseArticle, parsedAsWritten, readRecordText, recordKey } from "../../src/build/load-records.ts";
import { cachedRecordParser, openRecordCache } from "../../src/build/record-cache.ts";
import { runIngest } from "../../src/cli/ingest.ts";
import { CONFIDENCES, DATE_BASES, SOURCE_BASES, TITLE_BASES, type ArticleRecord } from "../../src/record.ts";
import { parseRecordFile, serializeRecord } from "../../src/record-file.ts";
import { loadRegistries } from "../../src/registry.ts";
import { keepCacheDir } from "../helpers/paths.ts";

const work = mkdtempSync(join(tmpdir(), "record-fill-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// One line of text heavy in what YAML reads as something else (numbers, dates, booleans, nulls,
// flow syntax, comments, anchors, document markers) and in what a writer escapes, with words between.
const piece = fc.constantFrom(
  ..."-:#&*!|>'\"%@`{}[],?\\ 0123456789".split(""),
  "---", "...", "- ", ": ", " #", "null", "~", "true", "no", "yes", "0x1F", "1e3", ".inf", "-0", "2022-02-10", "12:30",
  "\t", "\u0085", "\u2028", "\u2029", "\ufeff", "\u00a0", "\u0007", "\ud800", "é", "日本", "😀", "<<", "Lavrov", "word",
);
const text = fc.array(piece, { maxLength: 12 }).map((ps) => ps.join(""));
const words = fc.array(text, { maxLength: 3 });
const plain = { noNullPrototype: true }; // objects as the ingest makes them
const record = fc.record<ArticleRecord>(
  {
    title: text.filter((t) => t.trim() !== ""),
    title_basis: fc.constantFrom(...TITLE_BASES),
    standfirst: fc.option(text),
    date: fc.option(fc.date({ min: new Date("1990-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
    time: fc.option(fc.constantFrom("09:05", "23:59", "00:00")),
    date_basis: fc.constantFrom(...DATE_BASES),
    date_evidence: fc.option(text),
    date_confidence: fc.constantFrom(...CONFIDENCES),
    source: text,
    source_basis: fc.constantFrom(...SOURCE_BASES),
    agency: fc.option(text),
    author: fc.option(text),
    credits: words,
    people: words,
    places: words,
    organisations: words,
    quotes: fc.array(fc.record({ speaker: fc.option(text), text }, plain), { maxLength: 3 }),
    event: fc.option(fc.constantFrom("none", "truss-meets-lavrov")),
    slug: fc.constantFrom("2022-02-10-truss-meets-lavrov", "undated-a-b"),
    raw: fc.constantFrom("raw/a.txt", "raw/b c.txt"),
    raw_sha256: fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 }),
    removed: fc.array(fc.record({ kind: text, lines: fc.nat(), example: text }, plain), { maxLength: 2 }),
  },
  plain,
);
// Lines of that text, with what a front matter's reader might take for its end.
const body = fc.array(fc.oneof(text, fc.constantFrom("\n", "\n\n", "---\n", "\n---\n", "---", "\n...\n")), { maxLength: 8 }).map((ps) => ps.join(""));

const seedRecord = () => readRecordText(join("articles", readdirSync("articles").find((n) => n.endsWith(".md"))!));

describe("a record as the ingest wrote it", () => {
  it("is what parsing its file gives, for any record the build accepts", () => {
    let filled = 0;
    fc.assert(
      fc.property(record, body, (r, b) => {
        const file = "/archive/articles/a.md";
        const text = serializeRecord(r, b);
        const written = parsedAsWritten(file, r, b, text);
        const parsed = parseArticle(file, text);
        if (written === null) return; // left to the build, which parses the file itself
        filled++;
        expect(written).toStrictEqual(parsed);
        expect(JSON.stringify(written)).toBe(JSON.stringify(parsed));
      }),
      { numRuns: 2000 },
    );
    expect(filled).toBeGreaterThan(1500); // the property is not held vacuously
  });

  it("keeps a body that opens with --- (not read as a second front matter)", () => {
    const fields = parseArticle("/a.md", seedRecord()).article!;
    const body = "---\ntitle: not a field\n---\nText.\n";
    expect(parseRecordFile(serializeRecord(fields, body))).toMatchObject({ body, data: { title: fields.title } });
  });

  it("is left to the build where the build would read its lines otherwise", () => {
    const r = parseArticle("/a.md", seedRecord()).article!;
    const { body, file: _, ...fields } = r;
    expect(parsedAsWritten("/a.md", fields, body, serializeRecord(fields, body))).not.toBeNull();
    expect(parsedAsWritten("/a.md", fields, "a\r\nb", serializeRecord(fields, "a\r\nb"))).toBeNull();
    const twoLines = { ...fields, removed: [{ kind: "links", lines: 1, example: "\n- " }] }; // written as a block, read back as "\n-"
    expect(parsedAsWritten("/a.md", twoLines, body, serializeRecord(twoLines, body))).toBeNull();
    expect(parsedAsWritten("/a.md", { ...fields, slug: "Not A Slug" }, body, serializeRecord({ ...fields, slug: "Not A Slug" }, body))).toBeNull();
  });
});

describe("a build after an ingest", () => {
  it("finds every record the ingest wrote in its cache, as parsing the files gives them", () => {
    const restore = keepCacheDir(join(work, "cache"));
    try {
      const raw = join(work, "raw");
      mkdirSync(raw);
      const gen = generator(loadRegistries(), 5);
      for (let i = 0; i < 120; i++) writeFileSync(join(raw, gen.article(i).name), gen.article(i).text);
      const articles = join(work, "articles");
      expect(runIngest({ input: raw, output: articles, reportFile: null, quiet: true })).toBe(0);

      const files = readdirSync(articles).filter((n) => n.endsWith(".md")).map((n) => join(articles, n));
      expect(files).toHaveLength(120);
      const cache = openRecordCache();
      expect(files.filter((f) => !cache.has(recordKey(f, readRecordText(f))))).toEqual([]);

      const records = cachedRecordParser();
      const fromCache = loadArticles(articles, records.parse, records.known);
      const parsed = loadArticles(articles, parseArticle);
      expect(fromCache).toStrictEqual(parsed);
      expect(JSON.stringify(fromCache)).toBe(JSON.stringify(parsed));
    } finally {
      restore();
    }
  }, 120_000);
});
