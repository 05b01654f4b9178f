/**
 * Reading and writing record files (YAML front matter + Markdown body) through gray-matter,
 * with js-yaml's core schema so that a date stays the string an editor typed.
 */
import { createHash } from "node:crypto";
import matter from "gray-matter";
import { dump, load } from "js-yaml";
import { CHECKSUM_FIELD, FIELD_ORDER, type ArticleRecord } from "./record.ts";

const yamlEngine = {
  parse: (s: string) => (load(s) ?? {}) as object,
  stringify: (data: object) => dump(data, { lineWidth: -1, noRefs: true, quoteStyle: "double" }),
};
const options = { engines: { yaml: yamlEngine } };

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The front matter's fields, in the order the file holds them. */
export function ordered(record: ArticleRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) out[key] = record[key];
  return out;
}

function withoutChecksum(file: string): string {
  return file.replace(new RegExp(`^${CHECKSUM_FIELD}: .*\\n`, "m"), "");
}

/** A body as its record file holds it, and as parseRecordFile reads it back: ending in a newline. */
export function bodyAsWritten(body: string): string {
  return body.endsWith("\n") ? body : body + "\n";
}

/** The file ingest writes: the record, its body, and a checksum of both that tells later runs whether a person edited it. */
export function serializeRecord(record: ArticleRecord, body: string): string {
  // The body as a file's content, not as text: given text, gray-matter reads front matter from it first, and a body that opens with --- loses it.
  const text = matter.stringify({ content: bodyAsWritten(body) }, ordered(record), options);
  const checksum = sha256(text);
  return text.replace(/\n---\n/, `\n${CHECKSUM_FIELD}: ${checksum}\n---\n`);
}

/** True when the file is exactly as ingest wrote it; false when a person has changed it (or it has no checksum). */
export function isUnedited(file: string): boolean {
  const m = new RegExp(`^${CHECKSUM_FIELD}: ([0-9a-f]{64})$`, "m").exec(file);
  return m !== null && sha256(withoutChecksum(file)) === m[1];
}

export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
  /** Line in the file where the body starts, for messages about it. */
  bodyLine: number;
}

/** Parse a record file; YAML errors are thrown as js-yaml's YAMLException, with the line in the front matter. */
export function parseRecordFile(text: string): ParsedFile {
  const parsed = matter(text, options);
  const data = (parsed.data ?? {}) as Record<string, unknown>;
  const bodyLine = text.slice(0, text.length - parsed.content.length).split("\n").length;
  return { data, body: parsed.content, bodyLine };
}
