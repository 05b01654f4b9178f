/**
 * Ingest through the cache that prepareIngest fills on worker threads: the same records as an
 * ingest that normalises every file itself, and a second run answered from the cache.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generator } from "../../src/bench/generate.ts";
import { prepareIngest } from "../../src/build/ingest-cache.ts";
import { runIngest } from "../../src/cli/ingest.ts";
import { readRawFolder } from "../../src/ingest/store.ts";
import { loadRegistries } from "../../src/registry.ts";

const work = mkdtempSync(join(tmpdir(), "prepared-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const raw = join(work, "raw");
mkdirSync(raw);
const gen = generator(loadRegistries(), 11);
for (let i = 0; i < 240; i++) {
  const a = gen.article(i);
  writeFileSync(join(raw, a.name), a.text);
}

const records = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((n) => [n, readFileSync(join(dir, n), "utf8")]));

async function ingest(output: string, cache: string, prepared: boolean) {
  process.env["ARCHIVE_CACHE_DIR"] = cache;
  const files = readRawFolder(output, raw);
  const prep = prepared ? await prepareIngest(files) : null;
  const code = runIngest({ input: raw, output, files, normaliser: prep?.normaliser, reportFile: null, quiet: true });
  return { code, normalised: prep?.normalised ?? 0, cached: prep?.cached ?? 0 };
}

describe("an ingest prepared on worker threads", () => {
  it("writes the same records as one that normalises each file itself, then answers from its cache", async () => {
    const before = process.env["ARCHIVE_CACHE_DIR"];
    try {
      const first = await ingest(join(work, "prepared"), join(work, "cache-a"), true);
      expect(first).toEqual({ code: 0, normalised: 240, cached: 0 });
      await ingest(join(work, "plain"), join(work, "cache-b"), false);
      expect(records(join(work, "prepared"))).toEqual(records(join(work, "plain")));
      expect(Object.keys(records(join(work, "prepared")))).toHaveLength(240);

      const again = await ingest(join(work, "again"), join(work, "cache-a"), true);
      expect(again).toEqual({ code: 0, normalised: 0, cached: 240 });
      expect(records(join(work, "again"))).toEqual(records(join(work, "plain")));
    } finally {
      if (before === undefined) delete process.env["ARCHIVE_CACHE_DIR"];
      else process.env["ARCHIVE_CACHE_DIR"] = before;
    }
  }, 120_000);
});
