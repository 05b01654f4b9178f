/**
 * The record cache: a build reads back the records an earlier build parsed, and writes to the
 * cache only what changed.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cachedRecordParser } from "../../src/build/record-cache.ts";
import { loadArticles, parseArticle } from "../../src/build/load-records.ts";
import { seedRecordsWithCache } from "../helpers/paths.ts";

let work: string;
let restore: () => void;

beforeEach(() => {
  ({ work, restore } = seedRecordsWithCache("record-cache-"));
});
afterEach(() => restore());

function read(): ReturnType<typeof loadArticles> {
  const records = cachedRecordParser();
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
});
