/**
 * A build skips its ingest when ingest would write nothing: the raw files and the records are as the
 * last ingest left them, edits to records aside. Each case checks the claim against ingest itself.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../../src/cli/ingest.ts";
import { ingestUnneeded, stampIngest } from "../../src/build/ingest-stamp.ts";
import { keepCacheDir, tempArchive } from "../helpers/paths.ts";

let dir: string;
let raw: string;
const restoreCacheDir = keepCacheDir();

/** Ingest as the build runs it; the record files it leaves, by name and text. */
function ingest(): Record<string, string> {
  runIngest({ input: raw, output: dir, reportFile: null, quiet: true, stamp: true });
  return records();
}

const records = () => Object.fromEntries(readdirSync(dir).filter((n) => n.endsWith(".md")).sort().map((n) => [n, readFileSync(join(dir, n), "utf8")]));

beforeAll(() => {
  dir = tempArchive();
  raw = join(dir, "raw");
  process.env["ARCHIVE_CACHE_DIR"] = join(dir, ".cache");
  ingest();
});

afterAll(() => restoreCacheDir());

describe("whether a build's ingest has anything to do", () => {
  it("has nothing to do when nothing changed, nor after records are edited, and ingest indeed writes nothing then", () => {
    expect(ingestUnneeded(dir, raw)).toBe(0);
    const [first, second] = Object.keys(records());
    for (const name of [first!, second!, first!]) {
      const file = join(dir, name);
      writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, `title: Edited ${name} ${Date.now()}`));
      expect(ingestUnneeded(dir, raw)).toBe(0);
    }
    const edited = records();
    expect(ingest()).toEqual(edited);
  });

  it("runs when a raw file changes, and ingest then rewrites its record", () => {
    const before = records();
    const [record, text] = Object.entries(before).find(([, t]) => !/^title: Edited/m.test(t))!; // ingest keeps an edited record as it is
    const file = join(dir, /^raw: "?([^"\n]+)"?$/m.exec(text)![1]!);
    writeFileSync(file, readFileSync(file, "utf8") + "\nOne more paragraph, added to the scrape since.\n");
    expect(ingestUnneeded(dir, raw)).toBeNull();
    const after = ingest();
    expect(after[record]).not.toBe(text);
    expect(after[record]).toContain("One more paragraph");
    expect(ingestUnneeded(dir, raw)).toBe(0);
  });

  it("runs when a record is removed, and ingest then writes it again from its raw file", () => {
    const [name, text] = Object.entries(records()).find(([, t]) => !/^title: Edited/m.test(t))!;
    rmSync(join(dir, name));
    expect(ingestUnneeded(dir, raw)).toBeNull();
    expect(ingest()[name]).toBe(text);
  });

  it("stamps the records the ingest wrote from what it wrote, as reading them back would", () => {
    for (const file of readdirSync(dir).filter((n) => n.endsWith(".md"))) rmSync(join(dir, file));
    ingest(); // every record written anew
    const stamps = join(dir, ".cache", "ingest-stamps");
    const [name] = readdirSync(stamps);
    const written = readFileSync(join(stamps, name!), "utf8");
    rmSync(join(stamps, name!));
    stampIngest(dir, raw, 0); // no stamp to go by: every record read
    expect(readFileSync(join(stamps, name!), "utf8")).toBe(written);
    expect(Object.keys(JSON.parse(written).records)).toEqual(Object.keys(records()));
  });

  it("runs when a record names another raw file", () => {
    const [name, text] = Object.entries(records())[0]!;
    writeFileSync(join(dir, name), text.replace(/^raw: .*$/m, "raw: raw/elsewhere.txt"));
    expect(ingestUnneeded(dir, raw)).toBeNull();
  });
});
