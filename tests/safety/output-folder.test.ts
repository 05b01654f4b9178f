/**
 * The build replaces its output folder whole, so a mistyped --out or --articles must not cost
 * anything: an output folder that holds the records, the project or files that are not a built
 * site is refused before anything is written, and so is a missing articles folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/site-build.ts";
import { article } from "../bad-input/article.ts";
import { ingestDir, rawFolder } from "../bad-input/run.ts";
import { repoRoot } from "../helpers/paths.ts";

let articles: string;
let records: string[];

beforeAll(() => {
  articles = rawFolder([{ name: "one.txt", bytes: Buffer.from(article("out")) }]);
  expect(ingestDir(articles).exitCode).toBe(0);
  records = readdirSync(articles).sort();
});

const refusedWith = async (outDir: string, message: RegExp, articlesDir = articles) => {
  const result = await buildSite({ articlesDir, outDir });
  expect(result.ok).toBe(false);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatch(message);
};

describe("an output folder the build must not replace", () => {
  it("the articles folder itself, or a folder above it", async () => {
    await refusedWith(articles, /holds the articles/);
    // The temporary folder above may also hold this checkout (a clone under /tmp): either refusal is right.
    await refusedWith(dirname(articles), /holds the (articles|project)/);
    expect(readdirSync(articles).sort()).toEqual(records);
  });

  it("the project, or the folder the build runs in", async () => {
    await refusedWith(repoRoot, /holds the project/);
    await refusedWith(process.cwd(), /holds the (project|current folder)/);
  });

  it("a folder of other files, or a file", async () => {
    const other = mkdtempSync(join(tmpdir(), "archive-other-"));
    writeFileSync(join(other, "notes.txt"), "keep me");
    await refusedWith(other, /is not a built site \(it has no index\.html\)/);
    expect(readFileSync(join(other, "notes.txt"), "utf8")).toBe("keep me");
    await refusedWith(join(other, "notes.txt"), /is a file/);
  });
});

describe("a missing articles folder", () => {
  it("is refused, and the site built before stays", async () => {
    const site = join(mkdtempSync(join(tmpdir(), "archive-site-")), "_site");
    expect((await buildSite({ articlesDir: articles, outDir: site })).errors).toEqual([]);
    await refusedWith(site, /no articles folder at .*missing/, join(articles, "missing"));
    expect(existsSync(join(site, "index.html"))).toBe(true);
  });

  it("an empty new folder and a built site are outputs the build may replace", async () => {
    const empty = join(mkdtempSync(join(tmpdir(), "archive-site-")), "_site");
    mkdirSync(empty);
    expect((await buildSite({ articlesDir: articles, outDir: empty })).errors).toEqual([]);
    expect((await buildSite({ articlesDir: articles, outDir: empty })).errors).toEqual([]);
  });
});
