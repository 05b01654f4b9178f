/**
 * A process that builds again and again (npm start, warm.ts) keeps what each build worked out for
 * the next: the records it read (an unchanged file, by its size and times, is not read again), each
 * record's own parts, the events worker and its analyses. What it keeps must never show a page an
 * edit has changed: every build equals a build of the same records from nothing.
 */
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { keepWarm } from "../../src/build/warm.ts";
import { buildSite } from "../../src/build/site-build.ts";
import { runIngest } from "../../src/cli/ingest.ts";
import { writeArchive } from "../../src/bench/generate.ts";
import { loadRegistries, type SourceEntry } from "../../src/registry.ts";
import { eventsAside, eventsJob, jobParts, receivedArticles, receivedJob } from "../../src/build/site-events.ts";
import { readValuePack, writeValuePack } from "../../src/build/value-pack.ts";
import { siteEvents, type EventArticle } from "../../src/events/site.ts";
import { generatedEventInputs } from "../helpers/event-inputs.ts";

keepWarm();

/** The site's pages and files outside the search index, by their bytes' hash. */
function pages(site: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(site, { recursive: true, withFileTypes: true })) {
    const path = join(f.parentPath, f.name).slice(site.length + 1);
    if (!f.isFile() || /^pagefind[^/]*\//.test(path) || path.startsWith("search-")) continue;
    out[path] = createHash("sha256").update(readFileSync(join(site, path))).digest("hex");
  }
  return out;
}

/** Every page's HTML, one after another. */
const html = (site: string) =>
  (readdirSync(site, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".html"))
    .sort()
    .map((f) => readFileSync(join(site, f), "utf8"))
    .join("\n");

/** The same records built in a folder of their own: no record there was read by this process before. */
async function builtFromNothing(dir: string): Promise<string> {
  const copy = mkdtempSync(join(tmpdir(), "warm-full-"));
  cpSync(dir, copy, { recursive: true, filter: (src) => !src.startsWith(join(dir, "_site")) });
  expect((await buildSite({ articlesDir: copy, outDir: join(copy, "_site"), full: true })).errors).toEqual([]);
  return join(copy, "_site");
}

describe("builds in a long-running process", () => {
  let dir: string;
  const build = () => buildSite({ articlesDir: dir, outDir: join(dir, "_site") });
  const records = () => readdirSync(dir).filter((f) => f.endsWith(".md")).sort();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "warm-"));
    writeArchive(dir, 40, loadRegistries(), 3);
    expect(runIngest({ input: join(dir, "raw"), output: dir, reportFile: null, quiet: true })).toBe(0);
    expect((await build()).errors).toEqual([]);
  }, 120_000);

  it("see an edit that keeps the file's size, and one whose file is dated back", async () => {
    const [first, second] = [join(dir, records()[5]!), join(dir, records()[17]!)];
    // The same number of bytes: only the file's times tell it changed.
    const text = readFileSync(first, "utf8");
    const title = /^title: (.*)$/m.exec(text)![1]!;
    const sameSize = "X".repeat(title.length);
    writeFileSync(first, text.replace(/^title: .*$/m, `title: ${sameSize}`));
    expect(statSync(first).size).toBe(Buffer.byteLength(text));
    // A file dated back (as a copy or a checkout may date it): older than the build that read it, and still read again.
    const other = readFileSync(second, "utf8");
    writeFileSync(second, other.replace(/^title: .*$/m, "title: Put back with its old time"));
    utimesSync(second, new Date("2020-01-01"), new Date("2020-01-01"));

    const result = await build();
    expect(result.errors).toEqual([]);
    expect(result.mode).toBe("incremental");
    const site = join(dir, "_site");
    expect(pages(site)).toEqual(pages(await builtFromNothing(dir)));
    expect(html(site)).toContain(sameSize);
    expect(html(site)).toContain("Put back with its old time");
  }, 120_000);

  it("see a record put back as it was, and a record removed", async () => {
    const target = join(dir, records()[9]!);
    const text = readFileSync(target, "utf8");
    writeFileSync(target, text.replace(/^title: .*$/m, "title: An edit soon taken back"));
    expect((await build()).errors).toEqual([]);
    writeFileSync(target, text);
    // Another broken meanwhile: the build refuses it and names it; then it is removed altogether.
    const broken = join(dir, records()[30]!);
    writeFileSync(broken, "---\n");
    const refused = await build();
    expect(refused.ok).toBe(false);
    expect(refused.errors.join("\n")).toContain(`${broken}:1: error: the front matter is not closed`);
    rmSync(broken);
    const result = await build();
    expect(result.errors).toEqual([]);
    const site = join(dir, "_site");
    expect(pages(site)).toEqual(pages(await builtFromNothing(dir)));
    expect(html(site)).not.toContain("An edit soon taken back");
    expect(html(site)).toContain(/^title: (.*)$/m.exec(text)![1]!.replace(/^(['"])(.*)\1$/, "$2").replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/"/g, "&quot;"));
  }, 120_000);
});

describe("the events worker of a long-running process", () => {
  it("is kept from one build to the next and answers as the grouping in place does, after an edit too", async () => {
    const { inputs, forms } = generatedEventInputs(9, "2021");
    const here = siteEvents(inputs, forms);
    expect(here.events.length).toBeGreaterThan(5);
    expect(await eventsAside(inputs, forms)).toEqual(here);
    expect(await eventsAside(inputs, forms)).toEqual(here); // answered from the worker's memory

    // An edit: one report loses its quotes, another its body's second half, a third its people.
    const edited = inputs.map((a, i) => {
      if (i === 3) return { ...a, quotes: [] };
      if (i === 10) return { ...a, body: a.body.slice(0, a.body.length / 2) };
      return i === 20 ? { ...a, people: [] } : a;
    });
    const editedHere = siteEvents(edited, forms);
    expect(editedHere).not.toEqual(here);
    expect(await eventsAside(edited, forms)).toEqual(editedHere);
    expect(await eventsAside(inputs, forms)).toEqual(here);
    // One report gone, and the archive's order changed: the worker drops what it is no longer sent.
    const fewer = [...inputs.slice(1)].reverse();
    expect(await eventsAside(fewer, forms)).toEqual(siteEvents(fewer, forms));
  }, 120_000);

  it("is sent only the articles it does not hold as they are", () => {
    const article = (slug: string, body: string): EventArticle => ({
      slug, title: slug, date: "2022-02-10", source: "Reuters", people: [], places: [], organisations: [], quotes: [], body, event: null,
      url: `/articles/${slug}/`, dateLabel: "10 February 2022", sourceUrl: "/sources/reuters/", sourceFacts: null,
    });
    const [a, b, c] = [article("a", "one"), article("b", "two"), article("c", "three")];
    const sent = new Map<string, EventArticle>();
    const first = eventsJob([a, b, c], {}, sent);
    expect(first.changed.map((x) => "body" in x)).toEqual([false, false, false]); // the bodies travel packed
    expect(receivedArticles(first)).toEqual([a, b, c]);
    expect(eventsJob([a, b, c], {}, sent).changed).toEqual([]);
    const edited = { ...b, body: "two, edited" };
    const job = eventsJob([c, edited], {}, sent);
    expect(job.order).toEqual(["c", "b"]);
    expect(receivedArticles(job)).toEqual([edited]);
    expect([...sent.keys()].sort()).toEqual(["b", "c"]);
    // A copy with the same text is not the same record's: its lists are other objects, so it is sent.
    expect(eventsJob([c, { ...edited, people: [] }], {}, sent).changed).toHaveLength(1);
  });

  it("takes a source's facts read again from the registry, the same, as unchanged, and other facts as a change", () => {
    const facts = () => ({ name: "Reuters", country: "UK", kind: "agency" }) as unknown as SourceEntry;
    const article = (slug: string, sourceFacts: SourceEntry): EventArticle => ({
      slug, title: slug, date: "2022-02-10", source: "Reuters", people: [], places: [], organisations: [], quotes: [], body: slug, event: null,
      url: `/articles/${slug}/`, dateLabel: "10 February 2022", sourceUrl: "/sources/reuters/", sourceFacts,
    });
    const sent = new Map<string, EventArticle>();
    const first = article("a", facts());
    eventsJob([first], {}, sent);
    expect(eventsJob([{ ...sent.get("a")!, sourceFacts: facts() }], {}, sent).changed).toEqual([]);
    expect(eventsJob([{ ...sent.get("a")!, sourceFacts: { ...facts(), country: "US" } }], {}, sent).changed).toHaveLength(1);
  });

  it("crosses to the events process whole through a value pack, however many articles changed", () => {
    const article = (k: number): EventArticle => ({
      slug: `a${k}`, title: `Report ${k}`, date: "2022-02-10", source: "Reuters", people: [`Person ${k % 7}`], places: [], organisations: [], quotes: [], body: `Body ${k}`, event: null,
      url: `/articles/a${k}/`, dateLabel: "10 February 2022", sourceUrl: "/sources/reuters/", sourceFacts: null,
    });
    const articles = Array.from({ length: 600 }, (_, k) => article(k)); // more than one part's worth
    const job = eventsJob(articles, { "Person 1": ["P. One"] }, new Map());
    const crossed = receivedJob(readValuePack(writeValuePack(jobParts(job))));
    expect(crossed).toEqual(job);
    expect(receivedArticles(crossed)).toEqual(articles);
    expect(() => receivedJob([])).toThrow(/without its order/);
  });
});
