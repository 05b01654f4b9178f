/**
 * Bad raw files, one kind per row: each is written into one temporary raw/ folder beside good
 * files, the real ingest runs once over all of them, and each row checks its own outcome: ingested
 * (with the same body as the clean UTF-8 text) or refused with a reason. One run for all rows is
 * itself the check that one bad file never stops the others.
 */
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestArchive } from "../../src/ingest/archive.ts";
import { MAX_RAW_BYTES } from "../../src/ingest/decode.ts";
import { loadRegistries } from "../../src/registry.ts";
import { article } from "./article.ts";
import { latin1, noise, utf16be, utf16le, windows1252 } from "./encode.ts";
import { repoRoot } from "../helpers/paths.ts";
import { ingestDir, rawFolder, runCli, type Ingested, type RawEntry } from "./run.ts";

const utf8 = (text: string) => Buffer.from(text, "utf8");

/** The body the ingest makes of a text given as clean UTF-8: what every decodable variant must give too. */
function referenceBody(text: string): string {
  const result = ingestArchive([{ path: "raw/reference.txt", bytes: utf8(text) }], loadRegistries());
  expect(result.refused).toEqual([]);
  return result.articles[0]!.body;
}

type Expect = { ingested: string; contains?: string[] } | { refused: RegExp };

interface Row {
  kind: string;
  name: string | Buffer;
  bytes: Buffer;
  expect: Expect;
  /** Written after the others (a sparse file of this size). */
  sparseSize?: number;
}

const smartText = article("smart", " “It is a start,” she said — the café’s owner agreed.");
const latinText = article("latin", " Le café coûte £3 à Genève.").replace("—", "-");
const utf16Text = article("wide", " Señor Ünal’s “plan” was discussed.");
const cyrillicText = [
  "Министры обсудили экспорт зерна в Женеве",
  "ЖЕНЕВА — Министры четырёх стран встретились в четверг, чтобы обсудить экспорт зерна через порты Чёрного моря.",
  "Переговоры длились более шести часов и завершились без совместного заявления, сообщили официальные лица.",
  "Один из делегатов сказал, что встреча была полезной, но трудные вопросы остаются открытыми.",
  "Следующая встреча запланирована на следующий месяц в Стамбуле, сообщили организаторы.",
].join("\n");
const bomText = article("bom");
const crlfText = article("crlf");
const crText = article("cr");
const nulText = article("nul");
const padText = article("padding");
const longLine = Array.from({ length: 12_000 }, (_, i) => `Delegates spoke in session ${i} about the ports and the harvest.`).join(" ");
const longText = `Delegates report on the long session\n${longLine}`;

const rows: Row[] = [
  { kind: "empty", name: "empty.txt", bytes: Buffer.alloc(0), expect: { refused: /empty/ } },
  { kind: "white space only", name: "blank.txt", bytes: utf8("  \n\t\r\n \u00a0 \n\n"), expect: { refused: /white space/ } },
  { kind: "binary (noise)", name: "noise.txt", bytes: noise(8192), expect: { refused: /binary/ } },
  { kind: "binary (PNG)", name: "picture.txt", bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(4000, 3)]), expect: { refused: /binary/ } },
  { kind: "NUL blocks through the text", name: "nul-blocks.txt", bytes: Buffer.concat([utf8("A few words and then"), Buffer.alloc(300), utf8(" more words here "), Buffer.alloc(300), utf8("and the end.")]), expect: { refused: /binary/ } },
  { kind: "very large (50 MB)", name: "dump.txt", bytes: Buffer.alloc(0), sparseSize: 50 * 1024 * 1024, expect: { refused: /50\.0 MB, over the 5 MB limit/ } },
  { kind: "Windows-1252", name: "cp1252.txt", bytes: windows1252(smartText), expect: { ingested: smartText, contains: ["“It is a start,” she said — the café’s owner agreed."] } },
  { kind: "Latin-1", name: "latin1.txt", bytes: latin1(latinText), expect: { ingested: latinText, contains: ["Le café coûte £3 à Genève."] } },
  { kind: "UTF-16 LE with BOM", name: "utf16le-bom.txt", bytes: utf16le(utf16Text, true), expect: { ingested: utf16Text, contains: ["Señor Ünal’s “plan”"] } },
  { kind: "UTF-16 BE with BOM", name: "utf16be-bom.txt", bytes: utf16be(utf16Text.replace("wide", "wide-be"), true), expect: { ingested: utf16Text.replace("wide", "wide-be") } },
  { kind: "UTF-16 LE without BOM", name: "utf16le.txt", bytes: utf16le(utf16Text.replace("wide", "wide-le-nobom"), false), expect: { ingested: utf16Text.replace("wide", "wide-le-nobom") } },
  { kind: "UTF-16 BE without BOM", name: "utf16be.txt", bytes: utf16be(utf16Text.replace("wide", "wide-be-nobom"), false), expect: { ingested: utf16Text.replace("wide", "wide-be-nobom") } },
  { kind: "UTF-16 LE without BOM, Cyrillic", name: "utf16le-cyrillic.txt", bytes: utf16le(cyrillicText, false), expect: { ingested: cyrillicText, contains: ["порты Чёрного моря"] } },
  { kind: "UTF-16 BE without BOM, Cyrillic", name: "utf16be-cyrillic.txt", bytes: utf16be(cyrillicText.replace("Стамбуле", "Вене"), false), expect: { ingested: cyrillicText.replace("Стамбуле", "Вене") } },
  { kind: "UTF-8 with BOM", name: "utf8-bom.txt", bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(bomText)]), expect: { ingested: bomText } },
  { kind: "CRLF line ends", name: "crlf.txt", bytes: utf8(crlfText.replace(/\n/g, "\r\n")), expect: { ingested: crlfText } },
  { kind: "CR line ends", name: "cr.txt", bytes: utf8(crText.replace(/\n/g, "\r")), expect: { ingested: crText } },
  { kind: "stray NUL bytes", name: "stray-nul.txt", bytes: utf8(nulText.replace("grain", "gr\0ain").replace("officials", "officials\0")), expect: { ingested: nulText } },
  { kind: "NUL padding at the end", name: "padded.txt", bytes: Buffer.concat([utf8(padText), Buffer.alloc(20_000)]), expect: { ingested: padText } },
  { kind: "a 760 KB single line", name: "long-line.txt", bytes: utf8(longText), expect: { ingested: longText } },
  {
    kind: "only boilerplate",
    name: "furniture.txt",
    bytes: utf8(["Share this article", "Advertisement", "Read more", "Sign up to our newsletter to get the latest news in your inbox", "Accept all", "Privacy policy"].join("\n")),
    expect: { refused: /article text|furniture|boilerplate/i },
  },
  { kind: "a name with spaces", name: "an article with spaces.txt", bytes: utf8(article("spaces")), expect: { ingested: article("spaces") } },
  { kind: "a name in Unicode", name: "статья-Ωμέγα-😀.txt", bytes: utf8(article("unicode")), expect: { ingested: article("unicode") } },
  { kind: 'a name with ".."', name: "dots..in..name..txt", bytes: utf8(article("dots")), expect: { ingested: article("dots") } },
  { kind: "a name with a line break and an escape", name: "two\nlines\u001b[31m.txt", bytes: utf8(article("control")), expect: { refused: /name holds a control character/ } },
  { kind: "a name that is not UTF-8", name: Buffer.from([0x62, 0x61, 0x64, 0xff, 0xfe, 0x2e, 0x74, 0x78, 0x74]), bytes: utf8(article("badname")), expect: { refused: /name is not valid UTF-8/ } },
];

const twinText = article("twin");
const sameTitleA = article("same", " The first report adds this sentence.");
const sameTitleB = article("same", " The second report adds another sentence.");

let run: Ingested;

beforeAll(() => {
  const entries: RawEntry[] = rows.map((r) => ({ name: r.name, bytes: r.bytes }));
  entries.push({ name: "twin-1.txt", bytes: utf8(twinText) }, { name: "twin-2.txt", bytes: utf8(twinText) });
  entries.push({ name: "same-title-a.txt", bytes: utf8(sameTitleA) }, { name: "same-title-b.txt", bytes: utf8(sameTitleB) });
  const dir = rawFolder(entries);
  for (const r of rows) if (r.sparseSize) truncateSync(join(dir, "raw", String(r.name)), r.sparseSize);
  run = ingestDir(dir);
});

/** How the ingest names a raw file: control characters in a name are shown escaped. */
const rawPath = (name: string | Buffer) => JSON.stringify(`raw/${name.toString()}`).slice(1, -1);

describe.each(rows)("a raw file: $kind", (row) => {
  const path = rawPath(row.name);
  if ("refused" in row.expect) {
    const reason = row.expect.refused;
    it("is refused, with the reason", () => {
      const refusal = run.report.refused.find((r) => r.raw === path);
      expect(refusal, `${path} in ${JSON.stringify(run.report.refused)}`).toBeDefined();
      expect(refusal!.reason).toMatch(reason);
      expect(run.records.has(path)).toBe(false);
    });
  } else {
    const { ingested, contains = [] } = row.expect;
    it("is ingested, with the body the same text gets as clean UTF-8", () => {
      expect(run.report.refused.map((r) => r.raw)).not.toContain(path);
      const record = run.records.get(path);
      expect(record, `no record for ${path}`).toBeDefined();
      expect(record!.body).toBe(referenceBody(ingested));
      for (const text of contains) expect(record!.body).toContain(text);
      for (const bad of ["\0", "\ufeff", "\r", "\ufffd"]) expect(record!.text).not.toContain(bad);
    });
  }
});

describe("raw files against each other", () => {
  it("refuses the second of two files with the same text, naming the first", () => {
    expect(run.records.has("raw/twin-1.txt")).toBe(true);
    const refusal = run.report.refused.find((r) => r.raw === "raw/twin-2.txt");
    expect(refusal?.reason).toMatch(/same text as raw\/twin-1\.txt/);
  });

  it("gives two articles with the same title and date two slugs and two record files", () => {
    const a = run.records.get("raw/same-title-a.txt");
    const b = run.records.get("raw/same-title-b.txt");
    expect(a?.data["title"]).toBe(b?.data["title"]);
    expect(a?.data["date"]).toBe(b?.data["date"]);
    expect(a?.data["slug"]).not.toBe(b?.data["slug"]);
    expect(a?.file).not.toBe(b?.file);
  });

  it("exits non-zero because files were refused, and still writes every good one", () => {
    expect(run.exitCode).toBe(1);
    const good = rows.filter((r) => "ingested" in r.expect).length + 3; // twin-1 and the two same-title files
    expect(run.records.size).toBe(good);
    expect(run.report.refused).toHaveLength(rows.filter((r) => "refused" in r.expect).length + 1);
  });
});

describe("npm run ingest, as a person sees it", () => {
  it("names each refused file and its reason and exits 1; exits 0 when nothing is refused", () => {
    const dir = rawFolder([
      { name: "good.txt", bytes: utf8(article("cli")) },
      { name: "empty.txt", bytes: Buffer.alloc(0) },
      { name: "noise.txt", bytes: noise(4096) },
    ]);
    const bad = runCli("ingest", ["--articles", dir, "--report", join(dir, "report.json")], dir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/refused raw\/empty\.txt: the file is empty/);
    expect(bad.stdout).toMatch(/refused raw\/noise\.txt: the file looks binary/);
    expect(bad.stdout).toMatch(/1 articles? \(1 new/);

    writeFileSync(join(dir, "raw", "empty.txt"), article("now filled"));
    writeFileSync(join(dir, "raw", "noise.txt"), article("now text"));
    mkdirSync(join(dir, "raw", "old"));
    writeFileSync(join(dir, "raw", "page.html"), "<p>Not read</p>");
    symlinkSync(join(dir, "raw", "good.txt"), join(dir, "raw", "link.txt"));
    const good = runCli("ingest", ["--articles", dir, "--report", join(dir, "report.json")], dir);
    expect(good.stderr).toBe("");
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/3 articles \(2 new, 0 updated, 1 unchanged/);
    expect(good.stdout).toMatch(/ignored raw\/link\.txt: not a regular file/);
    expect(good.stdout).toMatch(/ignored raw\/old: a folder/);
    expect(good.stdout).toMatch(/ignored raw\/page\.html: only \.txt files are read/);
  });

  it("says so when there is no raw folder, and keeps the records", () => {
    const dir = mkdtempSync(join(tmpdir(), "archive-no-raw-"));
    const run = runCli("ingest", ["--articles", dir, "--report", join(dir, "report.json")], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`no raw folder at ${join(dir, "raw")}: nothing to ingest`);
  });

  it("npm run build: a refused raw file is named, the others are built, and the exit code is 1", () => {
    const dir = rawFolder([
      { name: "good.txt", bytes: utf8(article("built")) },
      { name: "blank.txt", bytes: utf8("   \n") },
    ]);
    const run = runCli("build", ["--articles", dir, "--out", join(dir, "_site")], repoRoot);
    expect(run.stdout).toMatch(/refused raw\/blank\.txt: the file holds only white space/);
    expect(run.stderr).toMatch(/ingest refused some raw files/);
    expect(run.stdout).toMatch(/built .*: 1 articles?/);
    expect(readdirSync(join(dir, "_site", "articles"))).toHaveLength(1);
    expect(run.status).toBe(1);
  });
});

it("keeps the size limit above any real article and far below the 50 MB dump", () => {
  expect(MAX_RAW_BYTES).toBeGreaterThan(longText.length);
  expect(MAX_RAW_BYTES).toBeLessThan(50 * 1024 * 1024);
});
