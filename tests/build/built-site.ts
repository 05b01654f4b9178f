/**
 * Reading a built site in tests: its files, the links and ids in its HTML, and a record edited the
 * way an editor would (front matter changed, body kept).
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseRecordFile, serializeRecord } from "../../src/record-file.ts";
import type { ArticleRecord } from "../../src/record.ts";

export interface BuiltSite {
  dir: string;
  prefix: string; // "/" or "/sub/"
}

/** Every HTML page of the site (paths relative to its folder, "/" separated), without Pagefind's own files. */
export function htmlPages(site: BuiltSite): string[] {
  return readdirSync(site.dir, { recursive: true })
    .map((f) => String(f).split("\\").join("/"))
    .filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"))
    .sort();
}

export function read(site: BuiltSite, file: string): string {
  return readFileSync(join(site.dir, file), "utf8");
}

/** The site path a file is served at: "people/liz-truss/index.html" -> "/people/liz-truss/" (no prefix). */
export function pathOf(file: string): string {
  return "/" + file.replace(/(^|\/)index\.html$/, "$1");
}

const decode = (s: string) =>
  s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

/** Every href and src in a page, as written. */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decode(m[1]!));
}

export function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!)));
}

export interface Target {
  file: string | null; // the file a link lands on, relative to the site folder; null when nothing is there
  fragment: string | null;
  external: boolean;
}

/**
 * Where a link from `fromFile` lands in the built folder, resolved like a browser would on the
 * server: against the page's URL, which includes the path prefix; a folder serves its index.html.
 */
export function resolveLink(site: BuiltSite, fromFile: string, href: string): Target {
  const base = new URL(site.prefix + pathOf(fromFile).slice(1), "http://site.test");
  const url = new URL(href, base);
  if (url.origin !== base.origin) return { file: null, fragment: null, external: true };
  const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : null;
  const path = decodeURIComponent(url.pathname);
  if (!path.startsWith(site.prefix)) return { file: null, fragment, external: false };
  let file = path.slice(site.prefix.length);
  if (file === "" || file.endsWith("/")) file += "index.html";
  const full = join(site.dir, file);
  if (existsSync(full) && statSync(full).isDirectory()) return { file: null, fragment, external: false };
  return { file: existsSync(full) ? file : null, fragment, external: false };
}

/** Change a record's front matter as an editor would; the body stays as it is. */
export function editRecord(file: string, change: Partial<ArticleRecord>): void {
  const parsed = parseRecordFile(readFileSync(file, "utf8"));
  const record = { ...(parsed.data as unknown as ArticleRecord), ...change };
  writeFileSync(file, serializeRecord(record, parsed.body));
}
