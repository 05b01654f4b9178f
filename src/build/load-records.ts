/** Read every record file of an articles folder, checked; problems come back as file:line: message. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Article } from "../record.ts";
import { parseRecordFile } from "../record-file.ts";
import { keyLine, validateRecord } from "./validate-record.ts";

export interface BuildProblem {
  file: string;
  line: number;
  message: string;
}

export function formatProblem(p: BuildProblem): string {
  return `${p.file}:${p.line}: error: ${p.message}`;
}

function yamlLine(error: unknown): number | null {
  const mark = (error as { mark?: { line?: number } }).mark;
  return typeof mark?.line === "number" ? mark.line + 2 : null; // + the opening --- line, 1-based
}

export function parseArticle(file: string, text: string): { article: Article | null; problems: BuildProblem[] } {
  if (!text.startsWith("---")) {
    return { article: null, problems: [{ file, line: 1, message: "no front matter: a record starts with a line ---, its fields, then ---" }] };
  }
  let parsed;
  try {
    parsed = parseRecordFile(text);
  } catch (error) {
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split("\n")[0];
    return { article: null, problems: [{ file, line: yamlLine(error) ?? 1, message: `front matter is not valid YAML: ${reason}` }] };
  }
  const frontMatter = text.split("\n").slice(1, parsed.bodyLine - 2).join("\n");
  const { record, problems } = validateRecord(parsed.data, frontMatter);
  if (!record) return { article: null, problems: problems.map((p) => ({ file, ...p })) };
  return { article: { ...record, body: parsed.body, file }, problems: [] };
}

export function loadArticles(articlesDir: string): { articles: Article[]; problems: BuildProblem[] } {
  const articles: Article[] = [];
  const problems: BuildProblem[] = [];
  if (!existsSync(articlesDir)) return { articles, problems };
  const names = readdirSync(articlesDir).filter((n) => n.endsWith(".md")).sort();
  const bySlug = new Map<string, string>();
  for (const name of names) {
    const file = join(articlesDir, name);
    const text = readFileSync(file, "utf8");
    const result = parseArticle(file, text);
    problems.push(...result.problems);
    const a = result.article;
    if (!a) continue;
    const twin = bySlug.get(a.slug);
    if (twin) {
      problems.push({ file, line: keyLine(text.split("\n---")[0]!.split("\n").slice(1).join("\n"), "slug"), message: `slug "${a.slug}" is already taken by ${twin}; give this record another slug` });
      continue;
    }
    bySlug.set(a.slug, file);
    articles.push(a);
  }
  return { articles, problems };
}
