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

export function cachedRecordParser(): { parse: typeof parseArticle; save: () => void } {
  const cache = new HashCache<ReturnType<typeof parseArticle>>(`records-${readerVersion()}`);
  return {
    parse(file, text) {
      const key = contentKey(file, text);
      const known = cache.take(key);
      if (known) return known;
      const result = parseArticle(file, text);
      cache.set(key, result);
      return result;
    },
    save: () => cache.save(),
  };
}
