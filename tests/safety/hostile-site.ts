/**
 * The hostile fixture archive (tests/fixtures/hostile/raw: markup, template tags, javascript: links,
 * front matter in the body), ingested and built into a temporary folder, and what it should show.
 */
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { buildSite } from "../../src/build/site-build.ts";
import { loadArticles } from "../../src/build/load-records.ts";
import { runIngest } from "../../src/cli/ingest.ts";
import type { Article } from "../../src/record.ts";
import { repoRoot } from "../helpers/paths.ts";

export const fixtureRaw = join(repoRoot, "tests", "fixtures", "hostile", "raw");

/** Strings of the fixture texts that the ingest keeps as article text: each must show as written. */
export const HOSTILE_TEXT = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "{{ 7*7 }}",
  "{% raw %}",
  "title: injected",
  "]]> and </script>",
  '"</script><script>alert(2)</script>" & \'quotes\'',
  "<b onmouseover=alert(3)>hover</b>",
  '<a href="javascript:alert(4)">a link</a>',
  "<script>alert(6)</script> is not a plan",
  "<iframe src=javascript:alert(7)>",
];

export interface HostileSite {
  articlesDir: string;
  dir: string;
  articles: Article[];
}

export async function buildHostileSite(): Promise<HostileSite> {
  const articlesDir = mkdtempSync(join(tmpdir(), "archive-hostile-"));
  cpSync(fixtureRaw, join(articlesDir, "raw"), { recursive: true });
  expect(runIngest({ input: join(articlesDir, "raw"), output: articlesDir, reportFile: null, quiet: true })).toBe(0);
  const dir = join(articlesDir, "_site");
  const result = await buildSite({ articlesDir, outDir: dir });
  expect(result.errors).toEqual([]);
  return { articlesDir, dir, articles: loadArticles(articlesDir).articles };
}

/** Every fixture text, for checking that each hostile string came from it (and is not made up by the test). */
export function fixtureTexts(): string {
  return ["001-markup-in-body.txt", "002-markup-in-title.txt", "003-markup-in-quote.txt"].map((n) => readFileSync(join(fixtureRaw, n), "utf8")).join("\n");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/**
 * The text a reader sees on a page (tags dropped, entities decoded). Sound for this site's pages:
 * every "<" of text is escaped, so each "<" in the HTML opens a tag.
 */
export function visibleText(html: string): string {
  const body = html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, " ").replace(/<head\b[\s\S]*?<\/head>/i, " ");
  return decodeEntities(body.replace(/<[^>]*>/g, "")).replace(/\s+/g, " ");
}

/**
 * What in a page's HTML could run other than the site's own script files: inline scripts (JSON-LD
 * data blocks aside), a JSON-LD block that text could close, scripts from elsewhere.
 */
export function scriptProblems(html: string): string[] {
  const problems: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1]!;
    const src = /\ssrc="([^"]*)"/.exec(attrs)?.[1];
    if (src !== undefined) {
      if (!/^\/(?!\/)[\w./-]+\.js$/.test(src)) problems.push(`a script from elsewhere: ${src}`);
      if (m[2]!.trim() !== "") problems.push(`a script with both src and text: ${src}`);
    } else if (!/^\s*type="application\/ld\+json"\s*$/.test(attrs)) {
      problems.push(`an inline script: <script${attrs}>${m[2]!.slice(0, 60)}`);
    } else if (/<\//.test(m[2]!)) {
      problems.push("a JSON-LD block that text could close");
    }
  }
  return problems;
}

/**
 * Tags that could run or embed something: frames and objects, event-handler attributes, javascript:
 * URLs. Sound for this site's pages: every "<" of text is escaped, so each "<" opens a real tag.
 */
export function attributeProblems(html: string): string[] {
  const problems: string[] = [];
  for (const tag of html.matchAll(/<([a-z][a-z0-9-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/gi)) {
    if (["iframe", "object", "embed", "frame"].includes(tag[1]!.toLowerCase())) problems.push(`<${tag[1]}>`);
    for (const attr of tag[2]!.matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)) {
      if (/^on/i.test(attr[1]!)) problems.push(`${attr[1]} in ${tag[0]}`);
      if (/^(javascript|vbscript|data:text\/html)/i.test(decodeEntities(attr[2] ?? "").trim())) problems.push(`${attr[2]} in ${tag[0]}`);
    }
  }
  return problems;
}
