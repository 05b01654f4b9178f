/** Read every record file of an articles folder, checked; problems come back as file:line: message. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Article, ArticleRecord } from "../record.ts";
import { bodyAsWritten, ordered, parseRecordFile } from "../record-file.ts";
import { keyLine, validateRecord } from "./validate-record.ts";
import { contentKey } from "./cache.ts";

export interface BuildProblem {
  file: string;
  line: number;
  message: string;
}

export function formatProblem(p: BuildProblem): string {
  return `${p.file}:${p.line}: error: ${p.message}`;
}

/**
 * The file line of a js-yaml error. gray-matter hands js-yaml the text from the end of the opening
 * "---", its newline included: js-yaml's 0-based line 1 is the file's line 2.
 */
function yamlLine(error: unknown): number | null {
  const mark = (error as { mark?: { line?: number } }).mark;
  return typeof mark?.line === "number" ? mark.line + 1 : null;
}

/**
 * js-yaml notices an unclosed quote or bracket only lines later ("deficient indentation"): the line
 * that opened it, at or before where it stopped, is the one to fix.
 */
function unclosedValue(lines: string[], upTo: number): { line: number; message: string } | null {
  for (let i = Math.min(upTo, lines.length) - 1; i >= 1; i--) {
    const value = /^\s*(?:-\s+)?[\w-]+:\s+(.*?)\s*$/.exec(lines[i]!)?.[1] ?? /^\s*-\s+(.*?)\s*$/.exec(lines[i]!)?.[1];
    if (!value) continue;
    const open = value[0]!;
    if ((open === '"' && !/^"(?:[^"\\]|\\.)*"$/.test(value)) || (open === "'" && !/^'(?:[^']|'')*'$/.test(value))) {
      return { line: i + 1, message: `the value opens a quote (${open}) that is not closed on this line: add the closing ${open}` };
    }
    const close = open === "[" ? "]" : open === "{" ? "}" : null;
    if (close && !value.endsWith(close)) return { line: i + 1, message: `the list opens with ${open} but is not closed on this line: add ${close}` };
  }
  return null;
}

/** The lines of a record as a person's editor may save them: without a byte-order mark, with \n line ends. */
function normaliseLines(text: string): string {
  return text.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
}

/** A record file's text as the build reads it. */
export function readRecordText(file: string): string {
  return normaliseLines(readFileSync(file, "utf8"));
}

/** What a record file is cached by (record-cache.ts): its path and its text as read. */
export function recordKey(file: string, text: string): string {
  return contentKey(file, text);
}

export function parseArticle(file: string, original: string): { article: Article | null; problems: BuildProblem[] } {
  const text = normaliseLines(original);
  const problem = (line: number, message: string) => ({ article: null, problems: [{ file, line, message }] });
  if (!/^---[ \t]*\n/.test(text)) return problem(1, "no front matter: a record starts with a line ---, its fields, then ---");
  const lines = text.split("\n");
  if (!lines.slice(1).some((l) => /^---[ \t]*$/.test(l))) return problem(1, "the front matter is not closed: add a line --- after the last field");
  let parsed;
  try {
    parsed = parseRecordFile(text);
  } catch (error) {
    const at = yamlLine(error) ?? 1;
    const unclosed = unclosedValue(lines, at);
    if (unclosed) return problem(unclosed.line, `front matter is not valid YAML: ${unclosed.message}`);
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split("\n")[0];
    return problem(at, `front matter is not valid YAML: ${reason}`);
  }
  const frontMatter = lines.slice(1, parsed.bodyLine - 2).join("\n");
  const { record, problems } = validateRecord(parsed.data, frontMatter);
  if (!record) return { article: null, problems: problems.map((p) => ({ file, ...p })) };
  return { article: { ...record, body: parsed.body, file }, problems: [] };
}

/** Whether every string in a value is one line: js-yaml writes a string of several lines as a block, which does not always read back as it was. */
function oneLine(value: unknown): boolean {
  if (typeof value === "string") return !/[\n\r]/.test(value);
  if (Array.isArray(value)) return value.every(oneLine);
  if (value !== null && typeof value === "object") return Object.values(value).every(oneLine);
  return true;
}

/**
 * What parseArticle() gives for the text serializeRecord(record, body) makes, without parsing it:
 * js-yaml reads back the one-line strings it wrote, and gray-matter hands back the body as written
 * (a property test, tests/build/record-fill.test.ts, holds both). Null where the build must read
 * the file itself: a string of several lines, a text whose lines the build would change, or a
 * record it would refuse.
 */
export function parsedAsWritten(file: string, record: ArticleRecord, body: string, text: string): ReturnType<typeof parseArticle> | null {
  if (text !== normaliseLines(text) || !oneLine(record)) return null;
  const checked = validateRecord(ordered(record), "");
  if (!checked.record) return null;
  return { article: { ...checked.record, body: bodyAsWritten(body), file }, problems: [] };
}

/**
 * `parse` reads one record; the build passes one that answers unchanged files from its cache, and
 * `known`, which answers a file it knows unchanged (by its size and times) without reading it.
 */
export function loadArticles(
  articlesDir: string,
  parse: typeof parseArticle = parseArticle,
  known: (file: string) => ReturnType<typeof parseArticle> | undefined = () => undefined,
): { articles: Article[]; problems: BuildProblem[] } {
  const articles: Article[] = [];
  const problems: BuildProblem[] = [];
  if (!existsSync(articlesDir)) return { articles, problems };
  const names = readdirSync(articlesDir).filter((n) => n.endsWith(".md")).sort();
  const bySlug = new Map<string, string>();
  for (const name of names) {
    const file = join(articlesDir, name);
    const text = () => readRecordText(file);
    const result = known(file) ?? parse(file, text());
    problems.push(...result.problems);
    const a = result.article;
    if (!a) continue;
    const twin = bySlug.get(a.slug);
    if (twin) {
      problems.push({ file, line: keyLine(text().split("\n---")[0]!.split("\n").slice(1).join("\n"), "slug"), message: `slug "${a.slug}" is already taken by ${twin}; give this record another slug` });
      continue;
    }
    bySlug.set(a.slug, file);
    articles.push(a);
  }
  return { articles, problems };
}
