/** Ingesting the five seeds reproduces the committed records in articles/ byte for byte. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runIngest } from "../../src/cli/ingest.ts";
import { repoRoot, tempArchive } from "../helpers/paths.ts";

const committedDir = join(repoRoot, "articles");
const committed = readdirSync(committedDir).filter((n) => n.endsWith(".md")).sort();

describe("golden: the seeds ingest to the committed records", () => {
  const dir = tempArchive();
  const status = runIngest({ input: join(dir, "raw"), output: dir, reportFile: join(dir, "report.json"), quiet: true });
  const produced = readdirSync(dir).filter((n) => n.endsWith(".md")).sort();

  it("writes one record per seed, with the committed file names, and refuses none", () => {
    expect(status).toBe(0);
    expect(produced).toEqual(committed);
  });

  it.each(committed)("%s is byte for byte the committed record", (name) => {
    expect(readFileSync(join(dir, name), "utf8")).toBe(readFileSync(join(committedDir, name), "utf8"));
  });
});
