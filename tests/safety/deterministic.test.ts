/**
 * Same input, same bytes: the seeds ingested and built in two separate folders give identical
 * records and identical sites, file for file, the Pagefind index included; and a rebuild in place
 * changes no byte.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/site-build.ts";
import { runIngest } from "../../src/cli/ingest.ts";
import { tempArchive } from "../helpers/paths.ts";
import { scriptProblems } from "./hostile-site.ts";

/** Every file under a folder by its relative path, as a hash of its bytes. */
function snapshot(dir: string, filter: (path: string) => boolean = () => true): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const path = join(f.parentPath, f.name).slice(dir.length + 1);
    if (filter(path)) out[path] = createHash("sha256").update(readFileSync(join(dir, path))).digest("hex");
  }
  return out;
}

const isRecord = (path: string) => !path.includes("/") && path.endsWith(".md");

let a: string;
let b: string;

beforeAll(async () => {
  a = tempArchive();
  b = tempArchive();
  for (const dir of [a, b]) {
    expect(runIngest({ input: join(dir, "raw"), output: dir, reportFile: null, quiet: true })).toBe(0);
    expect((await buildSite({ articlesDir: dir, outDir: join(dir, "_site") })).errors).toEqual([]);
  }
});

describe("the same seeds in two folders", () => {
  it("give byte-identical records", () => {
    const records = snapshot(a, isRecord);
    expect(Object.keys(records).length).toBeGreaterThan(0);
    expect(snapshot(b, isRecord)).toEqual(records);
  });

  it("give byte-identical sites, Pagefind index included", () => {
    const site = snapshot(join(a, "_site"));
    expect(Object.keys(site).some((p) => p.startsWith("pagefind/"))).toBe(true);
    expect(Object.keys(site).filter((p) => p.endsWith(".html")).length).toBeGreaterThan(5);
    expect(snapshot(join(b, "_site"))).toEqual(site);
  });

  it("have pages that run no inline script (JSON-LD data blocks aside), so the site works under the _headers policy", () => {
    const site = join(a, "_site");
    const pages = Object.keys(snapshot(site, (p) => p.endsWith(".html") && !p.startsWith("pagefind/")));
    expect(pages.flatMap((p) => scriptProblems(readFileSync(join(site, p), "utf8")).map((x) => `${p}: ${x}`))).toEqual([]);
  });

  it("give the same site again when rebuilt in place", async () => {
    const before = snapshot(join(a, "_site"));
    expect((await buildSite({ articlesDir: a, outDir: join(a, "_site") })).errors).toEqual([]);
    expect(snapshot(join(a, "_site"))).toEqual(before);
  });
});
