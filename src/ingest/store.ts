/**
 * The file-system ends of ingest: read the raw folder, read what records exist, write new and
 * regenerated records, and never overwrite one a person has edited.
 */
import { isUtf8 } from "node:buffer";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { basename, join, resolve, sep } from "node:path";
import { isUnedited } from "../record-file.ts";
import type { Registries } from "../registry.ts";
import { couldNotRead, ingestArchive, type IngestedArticle, type RawFile, type Refused } from "./archive.ts";
import { MAX_RAW_BYTES, tooLarge } from "./decode.ts";
import { cachedNormaliser, recordFileCache, type CachedNormaliser } from "../build/ingest-cache.ts";
import { contentKey, writeAtomic } from "../build/cache.ts";
import { parsedAsWritten } from "../build/load-records.ts";
import { recordCacheAdditions } from "../build/record-cache.ts";
import { writtenState, type RecordState } from "../build/ingest-stamp.ts";

export type WriteOutcome = "created" | "updated" | "unchanged" | "kept-edited";

export interface IngestRun {
  written: { article: IngestedArticle; file: string; outcome: WriteOutcome }[];
  refused: Refused[];
  /** The record files written, by name, as the ingest stamp records them. */
  states: Record<string, RecordState>;
}

export function readRawFolder(articlesDir: string, rawDir = join(articlesDir, "raw")): RawFile[] {
  if (!existsSync(rawDir)) return [];
  return readdirSync(rawDir, { withFileTypes: true, encoding: "buffer" })
    .filter((e) => e.isFile() && e.name[0] !== 0x2e && e.name.toString("latin1").toLowerCase().endsWith(".txt"))
    .map((e) => e.name)
    .sort(Buffer.compare)
    .map((name) => readRaw(rawDir, name));
}

/** What in the raw folder is not read, and why, so that the ingest can say so: hidden files, other kinds of file, folders, links. */
export function ignoredRawEntries(rawDir: string): { path: string; reason: string }[] {
  if (!existsSync(rawDir)) return [];
  return readdirSync(rawDir, { withFileTypes: true })
    .map((e) => {
      const path = `raw/${e.name}`;
      if (e.name.startsWith(".")) return null; // hidden: editors' and systems' own files (.DS_Store, .gitkeep)
      if (e.isDirectory()) return { path, reason: "a folder; raw files are read from raw/ itself" };
      if (!e.isFile()) return { path, reason: "not a regular file (a link or a device); copy the file itself into raw/" };
      if (!e.name.toLowerCase().endsWith(".txt")) return { path, reason: "only .txt files are read; rename it if it is article text" };
      return null;
    })
    .filter((x) => x !== null)
    .sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * One raw file, its size checked before it is read: an oversize file is refused without loading it.
 * A file that cannot be read comes back with its problem, so that it is refused and the others go on.
 */
function readRaw(rawDir: string, name: Buffer): RawFile {
  const path = `raw/${name.toString("utf8")}`;
  const refuse = (problem: string): RawFile => ({ path, bytes: new Uint8Array(0), problem });
  if (!isUtf8(name)) return refuse("its name is not valid UTF-8, so a record cannot name it; rename the file");
  // eslint-disable-next-line no-control-regex -- a line break or terminal escape in a name would garble every message about it
  if (/[\u0000-\u001f\u007f]/.test(name.toString("utf8"))) return { ...refuse("its name holds a control character (a line break, a tab, an escape); rename the file"), path: JSON.stringify(path).slice(1, -1) };
  const file = Buffer.concat([Buffer.from(rawDir + sep), name]);
  try {
    const size = statSync(file).size;
    if (size > MAX_RAW_BYTES) return refuse(tooLarge(size));
    closeSync(openSync(file, "r")); // a file that cannot be opened is refused now, with why (below)
    return {
      path,
      get bytes() {
        return readFileSync(file);
      },
    };
  } catch (error) {
    return refuse(couldNotRead(error));
  }
}

/** An existing record file as the ingest needs it: not its text, which a large archive would hold twice over. */
interface ExistingRecord {
  file: string;
  /** As the ingest wrote it (its checksum holds): the ingest may write it anew. */
  unedited: boolean;
  /** contentKey of its text: the same text written again leaves the file as it is. */
  key: string;
}

/** Existing record files by the raw file they came from. Files that do not parse are skipped here; the build reports them. */
function existingByRaw(outputDir: string, rawOf: (text: string, key: string) => unknown): Map<string, ExistingRecord> {
  const map = new Map<string, ExistingRecord>();
  if (!existsSync(outputDir)) return map;
  for (const name of readdirSync(outputDir).filter((n) => n.endsWith(".md")).sort()) {
    const file = join(outputDir, name);
    const text = readFileSync(file, "utf8");
    const record = { file, unedited: isUnedited(text), key: contentKey(text) };
    try {
      const raw = rawOf(text, record.key);
      if (typeof raw === "string") map.set(raw, record);
    } catch {
      // A record a person broke still names its raw file: it is kept (and the build reports it), not written anew beside it.
      const raw = /^raw:[ \t]*"?([^"\n]+?)"?[ \t]*$/m.exec(text)?.[1];
      map.set(raw ?? `unparsable:${name}`, record);
    }
  }
  return map;
}

/** `cached`: each raw file normalised once, then answered by its hash (the one prepareIngest() filled, where it ran). */
export function ingestFolder(files: RawFile[], outputDir: string, registries: Registries, cached: CachedNormaliser = cachedNormaliser()): IngestRun {
  mkdirSync(outputDir, { recursive: true });
  const records = recordFileCache(); // record files parsed and written before are known by their hash
  const built = recordCacheAdditions(); // the records as the build reads them, so that it need not parse them
  const existing = existingByRaw(outputDir, records.rawOf);
  const slugOwner = new Map<string, string>();
  for (const [raw, { file }] of existing) slugOwner.set(basename(file, ".md"), raw);
  const result = ingestArchive(files, registries, (slug) => slugOwner.get(slug), cached.normalise);
  cached.save();
  const written: IngestRun["written"] = [];
  const states: IngestRun["states"] = {};
  for (const article of result.articles) {
    const file = join(outputDir, `${article.record.slug}.md`);
    const before = existing.get(article.record.raw);
    if (before && !before.unedited) {
      written.push({ article, file: before.file, outcome: "kept-edited" });
      continue;
    }
    const out = records.serialize(article.record, article.body);
    if (before && before.file !== file) rmSync(before.file);
    const same = before?.file === file ? before.key === out.key : existsSync(file) && contentKey(readFileSync(file, "utf8")) === out.key;
    if (same) {
      written.push({ article, file, outcome: "unchanged" });
      continue;
    }
    const text = out.text();
    writeAtomic(file, text);
    states[basename(file)] = writtenState(file, text);
    const path = resolve(file); // as the build names it
    const parsed = parsedAsWritten(path, article.record, article.body, text);
    if (parsed) built.add(path, text, parsed);
    written.push({ article, file, outcome: before ? "updated" : "created" });
  }
  records.save();
  built.save();
  return { written, refused: result.refused, states };
}
