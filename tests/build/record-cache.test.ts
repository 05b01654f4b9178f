/**
 * The record cache: a build reads back the records an earlier build parsed, and writes to the
 * cache only what changed.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cachedRecordParser } from "../../src/build/record-cache.ts";
import { keepWarm } from "../../src/build/warm.ts";
import { loadArticles, parseArticle } from "../../src/build/load-records.ts";
import { seedRecordsWithCache } from "../helpers/paths.ts";

let work: string;
let restore: () => void;

beforeEach(() => {
  ({ work, restore } = seedRecordsWithCache("record-cache-"));
});
afterEach(() => restore());

function read(changed?: ReadonlySet<string>): ReturnType<typeof loadArticles> {
  const records = cachedRecordParser(changed);
  const loaded = loadArticles(join(work, "articles"), records.parse, records.known);
  records.save();
  return loaded;
}

/** Each pack file of the record cache with the inode it has: a pack written again (written aside, then renamed) gets a new one. */
function packs(): Map<string, bigint> {
  const dir = readdirSync(join(work, "cache")).find((d) => d.startsWith("records-"))!;
  const files = readdirSync(join(work, "cache", dir));
  return new Map(files.map((f) => [f, statSync(join(work, "cache", dir, f), { bigint: true }).ino]));
}

describe("the record cache", () => {
  it("gives back the records it parsed, and a build from it writes none of its packs again", () => {
    const first = read();
    expect(first.articles).toHaveLength(5);
    const written = packs();
    expect(written.size).toBeGreaterThan(0);

    const again = read();
    expect(again).toEqual(first);
    expect(packs()).toEqual(written);
  });

  it("parses an edited record again, as a build without the cache would", () => {
    read();
    const name = readdirSync(join(work, "articles")).sort()[0]!;
    const file = join(work, "articles", name);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: An edited headline"));
    const edited = read();
    expect(edited.articles.find((a) => a.file === file)?.title).toBe("An edited headline");
    expect(edited).toEqual(loadArticles(join(work, "articles"), parseArticle));
  });

  it("in a long-running build told which records changed (a watcher's), reads those again and takes the others as they were", () => {
    keepWarm();
    read(); // every record looked at: the last build's stamps and records
    const [one, two] = readdirSync(join(work, "articles")).sort().map((n) => join(work, "articles", n));
    for (const file of [one!, two!]) writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, `title: Saved ${file.length}`));
    const told = read(new Set([one!]));
    expect(told.articles.find((a) => a.file === one)?.title).toBe(`Saved ${one!.length}`);
    // Not said to have changed, so not looked at: the watcher is what tells (serve.ts).
    expect(told.articles.find((a) => a.file === two)?.title).not.toBe(`Saved ${two!.length}`);
    // Told nothing (a change without a name, or the first build with the watcher): every record is looked at.
    expect(read()).toEqual(loadArticles(join(work, "articles"), parseArticle));
  });
});
