/**
 * Ingest does each raw file once: a file's normalised draft is cached by the file's content hash
 * (with the ingest code and registries it was made with), and new files are normalised on worker
 * threads, one per core, before the archive-wide steps run over all of them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bodyAsWritten, parseRecordFile, serializeRecord, sha256 } from "../record-file.ts";
import type { ArticleRecord } from "../record.ts";
import type { Root } from "mdast";
import { readsBackAsWritten } from "../ingest/markdown.ts";
import { normaliseWithTree, type normalise, type NormaliseResult } from "../ingest/normalise.ts";
import { rawBytes, type RawFile } from "../ingest/archive.ts";
import { contentKey, HashCache } from "./cache.ts";
import { runOnWorkers } from "./worker-pool.ts";
import { knownBodyHtml, renderTree } from "./render-body.ts";

const src = fileURLToPath(new URL("..", import.meta.url));
/** Below this many new files, starting workers costs more than it saves. */
const PARALLEL_FROM = 200;
/** Files a worker is sent at a time. */
const JOB = 50;

let version: string | null = null;

/** Changes whenever the ingest code, the record contract or a registry does. */
export function ingestVersion(): string {
  if (version) return version;
  const files = [
    ...readdirSync(join(src, "ingest")).filter((n) => n.endsWith(".ts")).map((n) => join(src, "ingest", n)),
    ...readdirSync(join(src, "registry")).map((n) => join(src, "registry", n)),
    join(src, "registry.ts"),
    join(src, "record.ts"),
    join(src, "record-file.ts"),
  ].sort();
  version = contentKey(...files.map((f) => readFileSync(f, "utf8")));
  return version;
}

function openCache(): HashCache<NormaliseResult> {
  return new HashCache<NormaliseResult>(`ingest-${ingestVersion().slice(0, 12)}`);
}

const keyOf = (path: string, hash: string) => contentKey(path, hash);

export interface CachedNormaliser {
  normalise: typeof normalise;
  save: () => void;
}

/**
 * A body's HTML from the tree the ingest wrote it from, where reading its Markdown back gives that
 * tree: the build then reads the HTML from the render cache instead of parsing the Markdown again,
 * most of the cost of rendering a body.
 */
export function bodyHtmlOf(tree: Root | null): string | null {
  return tree && readsBackAsWritten(tree) ? renderTree(tree) : null;
}

/** Keep a draft's body HTML for the build, keyed by the body as its record file will hold it. */
function keepBodyHtml(into: ReturnType<typeof knownBodyHtml>, result: NormaliseResult | null, html: string | null): void {
  if (result?.ok && html !== null) into.add(bodyAsWritten(result.draft.body), html);
}

/**
 * A normalise() that answers from the cache; save() keeps what it computed for the next run, and
 * the HTML of the bodies it made for the build.
 * `cache`: the one prepareIngest() filled, so that its packs are read from disk once.
 */
export function cachedNormaliser(cache: HashCache<NormaliseResult> = openCache()): CachedNormaliser {
  const bodyHtml = knownBodyHtml();
  return {
    normalise(text, raw, registries) {
      const key = keyOf(raw.path, raw.sha256);
      const known = cache.take(key);
      if (known) return known; // a fresh copy: the archive steps change drafts in place
      const { result, tree } = normaliseWithTree(text, raw, registries);
      cache.set(key, result);
      keepBodyHtml(bodyHtml, result, bodyHtmlOf(tree));
      return result;
    },
    save: () => {
      cache.save();
      bodyHtml.save();
    },
  };
}

/** A worker's answer for a raw file: its draft, and its body's HTML where the worker could render it from its tree. */
export type Normalised = { path: string; hash: string; result: NormaliseResult | null; html: string | null };
/** A raw file as a worker is sent it: its bytes read, or why they could not be. */
export type WorkerFile = { path: string; bytes: Uint8Array; problem?: string };

/**
 * Normalise, on every core, the raw files the cache does not know yet, so that the ingest that
 * follows finds them all cached; it takes them through `normaliser`, which answers from the
 * same cache, in memory.
 */
export async function prepareIngest(files: RawFile[]): Promise<{ cached: number; normalised: number; normaliser: CachedNormaliser }> {
  const cache = openCache();
  const normaliser = cachedNormaliser(cache);
  // A file that cannot be read now is left to the ingest, which refuses it with why.
  const missing = files.filter((f) => {
    const read = rawBytes(f);
    return read.ok && !cache.has(keyOf(f.path, sha256(read.bytes)));
  });
  const threads = Math.min(availableParallelism(), 8);
  if (missing.length < PARALLEL_FROM || threads < 2) return { cached: files.length - missing.length, normalised: 0, normaliser };
  // The drafts are serialised into the cache as they come, and each job's bytes are read as it is
  // sent, so that only the jobs under way are held.
  const job = (f: RawFile): WorkerFile => {
    const read = rawBytes(f);
    return read.ok ? { path: f.path, bytes: read.bytes } : { path: f.path, bytes: new Uint8Array(0), problem: read.reason };
  };
  const bodyHtml = knownBodyHtml();
  await runOnWorkers<RawFile, Normalised>(
    new URL("./ingest-worker.mjs", import.meta.url),
    missing,
    { threads, batch: JOB, what: "ingest" },
    (r) => {
      if (r.result) cache.set(keyOf(r.path, r.hash), r.result);
      keepBodyHtml(bodyHtml, r.result, r.html);
    },
    job,
  );
  cache.save();
  bodyHtml.save();
  return { cached: files.length - missing.length, normalised: missing.length, normaliser };
}

/** A record as ingest would write it: the content key of its text, and the text, serialised when asked for. */
export interface RecordText {
  key: string;
  text: () => string;
}

/**
 * The record files' side of ingest, by content hash: which raw file an existing record names (a
 * YAML parse per record otherwise), and the content key of the text a record serialises to (a YAML
 * dump otherwise). Only the key is kept: a record whose file already holds that text is left as it
 * is without its text being made, and a cache of every record's text would hold the archive.
 */
export function recordFileCache(): {
  /** `key`: contentKey(text), where the caller has it. */
  rawOf: (text: string, key?: string) => unknown;
  serialize: (record: ArticleRecord, body: string) => RecordText;
  save: () => void;
} {
  const raws = new HashCache<{ raw: unknown }>(`record-raw-${ingestVersion().slice(0, 12)}`);
  const keys = new HashCache<string>(`record-key-${ingestVersion().slice(0, 12)}`);
  return {
    rawOf(text, key = contentKey(text)) {
      const known = raws.get(key);
      if (known) return known.raw;
      const raw = parseRecordFile(text).data["raw"]; // throws on a broken record, which is not cached
      raws.set(key, { raw });
      return raw;
    },
    serialize(record, body) {
      const input = contentKey(JSON.stringify(record), body);
      const known = keys.get(input);
      if (known !== undefined) return { key: known, text: () => serializeRecord(record, body) };
      const text = serializeRecord(record, body);
      const key = contentKey(text);
      keys.set(input, key);
      return { key, text: () => text };
    },
    save() {
      raws.save();
      keys.save();
    },
  };
}
