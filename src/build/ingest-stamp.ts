/**
 * Whether a build's ingest has anything to do. Ingest writes a record from its raw file unless a
 * person has edited the record, so with the same ingest code and registries, the same raw files and
 * the same records (each naming the same raw file, each as ingest wrote it or edited since) it
 * writes nothing. That is known from file sizes and times and the records that changed, so that a
 * build after an edit to one record reads neither 10,000 raw files nor 10,000 records.
 *
 * A record edited since the last ingest still counts as the same: ingest keeps an edited record.
 * Any other change (a raw file added, changed or removed; a record removed, renamed, pointed at
 * another raw file, or put back to a version ingest wrote) and ingest runs.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { CHECKSUM_FIELD } from "../record.ts";
import { isUnedited, parseRecordFile } from "../record-file.ts";
import { cacheRoot, contentKey } from "./cache.ts";
import { ingestVersion } from "./ingest-cache.ts";

export interface RecordState {
  size: number;
  mtimeMs: number;
  raw: string;
  /** The checksum of a record as ingest wrote it; null once a person has edited it. */
  checksum: string | null;
}

interface Stamp {
  key: string;
  records: Record<string, RecordState>;
  exitCode: number;
}

function stampFile(articlesDir: string): string {
  return join(cacheRoot(), "ingest-stamps", `${contentKey(resolve(articlesDir)).slice(0, 16)}.json`);
}

/** The raw folder by names, sizes and times, with the ingest's own version. */
function rawKey(rawDir: string): string {
  const entries = existsSync(rawDir) ? readdirSync(rawDir).sort() : [];
  return contentKey(ingestVersion(), ...entries.map((name) => {
    const st = statSync(join(rawDir, name));
    return `${name}\t${st.size}\t${st.mtimeMs}`;
  }));
}

function recordState(file: string, known: RecordState | undefined): RecordState {
  const st = statSync(file);
  if (known && known.size === st.size && known.mtimeMs === st.mtimeMs) return known;
  return stateOf(st, readFileSync(file, "utf8"));
}

/** A record's state from its text and the file's size and time, taken before the text was read or after it was written. */
function stateOf(st: { size: number; mtimeMs: number }, text: string): RecordState {
  return { size: st.size, mtimeMs: st.mtimeMs, raw: rawField(text), checksum: isUnedited(text) ? new RegExp(`^${CHECKSUM_FIELD}: (\\S+)$`, "m").exec(text)![1]! : null };
}

/** The state of a record file the ingest has just written with this text: the stamp then need not read it again. */
export function writtenState(file: string, text: string): RecordState {
  return stateOf(statSync(file), text);
}

/**
 * The raw file a record names. Ingest writes it on one line (raw: raw/name.txt), which is read as
 * it is; written any other way, the YAML is parsed (and a broken record read as ingest reads it).
 */
function rawField(text: string): string {
  const close = text.indexOf("\n---", 3);
  const line = /^raw:[ \t]*([\w./-]+)[ \t]*$/m.exec(close === -1 ? text : text.slice(0, close))?.[1];
  if (line) return line;
  try {
    return String(parseRecordFile(text).data["raw"] ?? "");
  } catch {
    return /^raw:[ \t]*"?([^"\n]+?)"?[ \t]*$/m.exec(text)?.[1] ?? "";
  }
}

function recordStates(articlesDir: string, known: Record<string, RecordState>): Record<string, RecordState> {
  const names = existsSync(articlesDir) ? readdirSync(articlesDir).filter((n) => n.endsWith(".md")).sort() : [];
  return Object.fromEntries(names.map((name) => [name, recordState(join(articlesDir, name), known[name])]));
}

function readStamp(file: string): Stamp | null {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Stamp) : null;
  } catch {
    return null;
  }
}

/** Ingest would write nothing: the last ingest's exit code (1 when it refused files), else null. */
export function ingestUnneeded(articlesDir: string, rawDir: string): number | null {
  const file = stampFile(articlesDir);
  const stamp = readStamp(file);
  if (!stamp || stamp.key !== rawKey(rawDir)) return null;
  const now = recordStates(articlesDir, stamp.records);
  const names = Object.keys(now);
  if (names.length !== Object.keys(stamp.records).length) return null;
  for (const name of names) {
    const was = stamp.records[name];
    const is = now[name]!;
    if (!was || was.raw !== is.raw || (is.checksum !== null && is.checksum !== was.checksum)) return null;
  }
  writeStamp(file, { ...stamp, records: now }); // the edits since are known by their new times
  return stamp.exitCode;
}

/**
 * After an ingest: the state it left, for the next build to compare. `written`: the records it
 * wrote, by file name (writtenState): those still as it wrote them are not read again.
 */
export function stampIngest(articlesDir: string, rawDir: string, exitCode: number, written: Record<string, RecordState> = {}): void {
  const file = stampFile(articlesDir);
  writeStamp(file, { key: rawKey(rawDir), records: recordStates(articlesDir, { ...readStamp(file)?.records, ...written }), exitCode });
}

function writeStamp(file: string, stamp: Stamp): void {
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, JSON.stringify(stamp) + "\n");
}
