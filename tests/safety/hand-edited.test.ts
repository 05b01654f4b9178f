/**
 * An editor pastes HTML into a record's Markdown body: the Markdown renderer (remark-html,
 * sanitising) drops the scripts, handlers, frames and javascript: links, and keeps the words.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { buildSite } from "../../src/build/site-build.ts";
import { article } from "../bad-input/article.ts";
import { ingestDir, rawFolder } from "../bad-input/run.ts";
import { attributeProblems, scriptProblems, visibleText } from "./hostile-site.ts";

const PASTED = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(2)>",
  "[a pasted link](javascript:alert(3)) and <a href=\"javascript:alert(4)\">another</a>",
  '<iframe src="https://example.org/"></iframe>',
  '<div onclick="alert(5)">words in a div</div>',
  "<style>body { display: none }</style>",
].join("\n\n");

it("renders a hand-edited body with pasted HTML without anything that could run", async () => {
  const dir = rawFolder([{ name: "one.txt", bytes: Buffer.from(article("pasted")) }]);
  expect(ingestDir(dir).exitCode).toBe(0);
  const [name] = readdirSync(dir).filter((n) => n.endsWith(".md"));
  const file = join(dir, name!);
  writeFileSync(file, `${readFileSync(file, "utf8")}\n${PASTED}\n`);
  const out = join(dir, "_site");
  expect((await buildSite({ articlesDir: dir, outDir: out })).errors).toEqual([]);
  const slug = /^slug: (.*)$/m.exec(readFileSync(file, "utf8"))![1]!;
  const html = readFileSync(join(out, "articles", slug, "index.html"), "utf8");
  expect(scriptProblems(html)).toEqual([]);
  expect(attributeProblems(html)).toEqual([]);
  expect(html).not.toMatch(/<style\b/);
  const text = visibleText(html);
  expect(text).toContain("a pasted link");
  expect(text).toContain("One delegate said the meeting had been useful");
});
