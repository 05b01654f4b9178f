/**
 * Records read and checked by an earlier build, known by their file's path and text: a build
 * parses (YAML) and validates only the record files that changed since.
 */
import { readFileSync } from "node:fs";
import { contentKey, HashCache } from "./cache.ts";
import { ingestVersion } from "./ingest-cache.ts";
import { parseArticle } from "./load-records.ts";

/** Changes with the record contract (ingest's version covers it) and the code that reads and checks records. */
function readerVersion(): string {
  const code = ["./load-records.ts", "./validate-record.ts"].map((f) => readFileSync(new URL(f, import.meta.url), "utf8"));
  return contentKey(ingestVersion(), ...code).slice(0, 12);
}

type Parsed = ReturnType<typeof parseArticle>;

/**
 * The records the last build of this process read, by their cache key: a long-running process
 * (npm start) answers an unchanged record from memory instead of decoding it from the cache again.
 * Only when asked: a build that runs once would hold every record to its end for nothing.
 */
let lastRead = new Map<string, { key: string; result: Parsed }>();
let remember = false;

/** For a process that builds again and again (npm start): keep each build's records for the next. */
export function rememberRecords(): void {
  remember = true;
}

export function cachedRecordParser(): { parse: typeof parseArticle; save: () => void } {
  const cache = new HashCache<Parsed>(`records-${readerVersion()}`);
  const read = new Map<string, { key: string; result: Parsed }>();
  return {
    parse(file, text) {
      const key = contentKey(file, text);
      const last = lastRead.get(file);
      if (last?.key === key) {
        read.set(file, last); // only remembered records are found here
        cache.keep(key);
        return last.result;
      }
      const result = cache.take(key) ?? parseArticle(file, text);
      cache.set(key, result);
      if (remember) read.set(file, { key, result });
      return result;
    },
    save: () => {
      cache.save();
      lastRead = read;
    },
  };
}
