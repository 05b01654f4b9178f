import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../../src/cli/ingest.ts";
import { buildSite } from "../../src/build/site-build.ts";
import { loadArticles } from "../../src/build/load-records.ts";
import type { Article } from "../../src/record.ts";
import { tempArchive } from "../helpers/paths.ts";

// An editor regroups by hand: the December report and one February report made one event by their
// `event` field, another February report kept out of every event with `event: none`.
let out: string;
let december: Article;
let joined: Article;
let alone: Article;

function setEvent(a: Article, value: string): void {
  const text = readFileSync(a.file, "utf8");
  expect(text).toMatch(/^event: null$/m);
  writeFileSync(a.file, text.replace(/^event: null$/m, `event: ${value}`));
}

beforeAll(async () => {
  const dir = tempArchive();
  expect(runIngest({ input: join(dir, "raw"), output: dir, reportFile: join(dir, "report.json"), quiet: true })).toBe(0);
  const records = loadArticles(dir).articles;
  december = records.find((a) => a.date?.startsWith("2021-12"))!;
  const february = records.filter((a) => a.date?.startsWith("2022-02") && a.people.includes("Sergey Lavrov")).sort((a, b) => a.slug.localeCompare(b.slug));
  joined = february[0]!;
  alone = february[1]!;
  setEvent(december, "truss-lavrov-meetings");
  setEvent(joined, "truss-lavrov-meetings");
  setEvent(alone, "none");
  out = join(dir, "_site");
  const result = await buildSite({ articlesDir: dir, outDir: out });
  expect(result.errors).toEqual([]);
});

const read = (...parts: string[]) => readFileSync(join(out, ...parts), "utf8");

describe("an editor's event field", () => {
  it("makes the articles that name the same event one event, at the slug the editor chose", () => {
    const file = join(out, "events", "truss-lavrov-meetings", "index.html");
    expect(existsSync(file)).toBe(true);
    const html = read("events", "truss-lavrov-meetings", "index.html");
    expect(html).toContain(`href="/articles/${december.slug}/"`);
    expect(html).toContain(`href="/articles/${joined.slug}/"`);
    expect(html).toContain("Grouped by an editor");
    expect(read("articles", december.slug, "index.html")).toContain('href="/events/truss-lavrov-meetings/"');
  });

  it("keeps an article marked none out of every event", () => {
    expect(read("articles", alone.slug, "index.html")).not.toContain('<aside class="event-link"');
    for (const e of read("events", "index.html").matchAll(/href="(\/events\/[^"]+\/)"/g)) {
      expect(read(...e[1]!.split("/").filter(Boolean), "index.html")).not.toContain(`href="/articles/${alone.slug}/"`);
    }
  });
});
