/**
 * Records a person broke: each breakage fails the build with `file:line: error: what to fix`, at
 * the line to fix, and the site built before it stays byte for byte as it was. And ingest never
 * overwrites a record a person edited, even one whose YAML they broke.
 */
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/site-build.ts";
import { article } from "./article.ts";
import { ingestDir, rawFolder, runCli } from "./run.ts";

/** Every file under a folder by its path, as a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const path = join(f.parentPath, f.name);
    out[path.slice(dir.length)] = createHash("sha256").update(readFileSync(path)).digest("hex");
  }
  return out;
}

const lineOf = (text: string, pattern: RegExp) => text.split("\n").findIndex((l) => pattern.test(l)) + 1;

interface Breakage {
  kind: string;
  /** The broken record text and the line a person must fix. */
  edit: (text: string) => { text: string; line: number };
  message: RegExp;
}

const at = (text: string, pattern: RegExp) => ({ text, line: lineOf(text, pattern) });

const breakages: Breakage[] = [
  { kind: "an unclosed quote (bad YAML)", edit: (t) => at(t.replace(/^title: .*$/m, 'title: "Ministers meet'), /^title:/), message: /not valid YAML: .*quote/ },
  { kind: "an unclosed list (bad YAML)", edit: (t) => at(t.replace(/^people: .*$/m, "people: [Liz Truss"), /^people:/), message: /not valid YAML: .*not closed/ },
  { kind: "a field given twice (bad YAML)", edit: (t) => at(t.replace(/^(source: .*)$/m, "$1\nsource: Reuters"), /^source: Reuters/), message: /not valid YAML: duplicated mapping key/ },
  { kind: "a tab in the indentation (bad YAML)", edit: (t) => at(t.replace(/^removed:\n {2}- /m, "removed:\n\t- "), /^\t- /), message: /not valid YAML: tab/ },
  { kind: "a missing title", edit: (t) => ({ text: t.replace(/^title: .*\n/m, ""), line: 1 }), message: /missing title/ },
  { kind: "an empty title", edit: (t) => at(t.replace(/^title: .*$/m, 'title: ""'), /^title:/), message: /title is empty/ },
  { kind: "a title that YAML reads as a number", edit: (t) => at(t.replace(/^title: .*$/m, "title: 1984"), /^title:/), message: /title must be text, not number: put it in quotes, e.g. title: "1984"/ },
  { kind: "a date that is not a date (30 February)", edit: (t) => at(t.replace(/^date: .*$/m, 'date: "2022-02-30"'), /^date:/), message: /date "2022-02-30" is not a date: write YYYY-MM-DD/ },
  { kind: "a date written in words", edit: (t) => at(t.replace(/^date: .*$/m, "date: 3 March 2022"), /^date:/), message: /is not a date/ },
  { kind: "an unknown field", edit: (t) => at(t.replace(/^(agency: .*)$/m, "$1\ncolour: red"), /^colour:/), message: /unknown field "colour"/ },
  { kind: "a slug with spaces", edit: (t) => at(t.replace(/^slug: .*$/m, "slug: My Article"), /^slug:/), message: /slug must be lower-case/ },
  { kind: "no front matter", edit: (t) => ({ text: t.slice(t.indexOf("\n---\n") + 5), line: 1 }), message: /no front matter/ },
  { kind: "front matter never closed", edit: (t) => ({ text: t.replace("\n---\n", "\n\n"), line: 1 }), message: /not closed: add a line ---/ },
];

let good: string; // an articles folder with two ingested records
let records: string[];
let site: string;
let before: Record<string, string>;

beforeAll(async () => {
  good = rawFolder([
    { name: "one.txt", bytes: Buffer.from(article("one")) },
    { name: "two.txt", bytes: Buffer.from(article("two")) },
  ]);
  expect(ingestDir(good).exitCode).toBe(0);
  records = readdirSync(good).filter((n) => n.endsWith(".md")).sort();
  site = join(mkdtempSync(join(tmpdir(), "archive-site-")), "_site");
  const built = await buildSite({ articlesDir: good, outDir: site });
  expect(built.errors).toEqual([]);
  before = snapshot(site);
});

/** A copy of the good folder with the first record broken; returns its path and the broken file. */
function broken(edit: Breakage["edit"]): { dir: string; file: string; line: number } {
  const dir = mkdtempSync(join(tmpdir(), "archive-broken-"));
  cpSync(good, dir, { recursive: true });
  const file = join(dir, records[0]!);
  const { text, line } = edit(readFileSync(file, "utf8"));
  expect(line).toBeGreaterThan(0);
  writeFileSync(file, text);
  return { dir, file, line };
}

describe.each(breakages)("a record with $kind", ({ edit, message }) => {
  it("fails the build at its file and line, and leaves the last good site as it was", async () => {
    const { dir, file, line } = broken(edit);
    const result = await buildSite({ articlesDir: dir, outDir: site });
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${line}: error: `));
    expect(result.errors[0]).toMatch(message);
    expect(snapshot(site)).toEqual(before);
    expect(readdirSync(join(site, ".."))).toEqual(["_site"]); // no staging folder left behind
  });
});

describe("records against each other and as editors save them", () => {
  it("fails on a slug already taken, at the second record's slug line, naming the first", async () => {
    const dir = mkdtempSync(join(tmpdir(), "archive-broken-"));
    cpSync(good, dir, { recursive: true });
    const [first, second] = records.map((r) => join(dir, r));
    const slug = /^slug: (.*)$/m.exec(readFileSync(first!, "utf8"))![1]!;
    const text = readFileSync(second!, "utf8").replace(/^slug: .*$/m, `slug: ${slug}`);
    writeFileSync(second!, text);
    const result = await buildSite({ articlesDir: dir, outDir: site });
    expect(result.errors).toEqual([`${second}:${lineOf(text, /^slug:/)}: error: slug "${slug}" is already taken by ${first}; give this record another slug`]);
    expect(snapshot(site)).toEqual(before);
  });

  it("reads a record saved with a byte-order mark and Windows line ends", async () => {
    const dir = mkdtempSync(join(tmpdir(), "archive-crlf-"));
    cpSync(good, dir, { recursive: true });
    const file = join(dir, records[0]!);
    writeFileSync(file, "\ufeff" + readFileSync(file, "utf8").replace(/\n/g, "\r\n"));
    const out = join(dir, "_site");
    const result = await buildSite({ articlesDir: dir, outDir: out });
    expect(result.errors).toEqual([]);
    expect(result.articles).toBe(2);
  });

  it("reports every broken record of a build, not only the first", async () => {
    const { dir } = broken((t) => at(t.replace(/^date: .*$/m, "date: soon"), /^date:/));
    writeFileSync(join(dir, records[1]!), "no front matter here\n");
    const result = await buildSite({ articlesDir: dir, outDir: site });
    expect(result.errors.map((e) => e.replace(/:.*/, ""))).toEqual(records.map((r) => join(dir, r)));
  });
});

describe("npm run build with a broken record", () => {
  it("prints file:line: error: and exits 1, and the site stays as it was", () => {
    const { dir, file, line } = broken((t) => at(t.replace(/^date: .*$/m, "date: 2022-13-01"), /^date:/));
    const run = runCli("build", ["--no-ingest", "--articles", dir, "--out", site], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}:${line}: error: date "2022-13-01" is not a date`);
    expect(run.stderr).toMatch(/build failed; .* is left as it was/);
    expect(snapshot(site)).toEqual(before);
  });
});

/** One article ingested into a fresh folder, then its record changed as a person would. */
function ingestThenEdit(words: string, edit: (text: string) => string) {
  const dir = rawFolder([{ name: "one.txt", bytes: Buffer.from(article(words)) }]);
  ingestDir(dir);
  const name = readdirSync(dir).find((n) => n.endsWith(".md"))!;
  const file = join(dir, name);
  const edited = edit(readFileSync(file, "utf8"));
  writeFileSync(file, edited);
  return { dir, name, file, edited };
}

describe("ingest and records a person edited", () => {
  it("keeps an edited record as the person left it, and says so", () => {
    const { dir, file, edited } = ingestThenEdit("kept", (text) => text.replace(/^title: .*$/m, 'title: "A title an editor chose"'));
    const again = ingestDir(dir);
    expect(again.report.kept_edited).toEqual([file]);
    expect(readFileSync(file, "utf8")).toBe(edited);
    const run = runCli("ingest", ["--articles", dir, "--report", join(dir, "report.json")], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`kept (edited by hand, not overwritten): ${file}`);
  });

  it("keeps a record whose YAML a person broke, writes no second record for its raw file, and the build names the line", async () => {
    const { dir, name, file, edited } = ingestThenEdit("broken yaml", (text) => text.replace(/^standfirst: .*$/m, "standfirst: 'An editor's summary"));
    const again = ingestDir(dir);
    expect(again.report.kept_edited).toEqual([file]);
    expect(readFileSync(file, "utf8")).toBe(edited);
    expect(readdirSync(dir).filter((n) => n.endsWith(".md"))).toEqual([name]);
    const result = await buildSite({ articlesDir: dir, outDir: join(dir, "_site") });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${lineOf(edited, /^standfirst:/)}: error: front matter is not valid YAML`));
    rmSync(dir, { recursive: true, force: true });
  });
});
