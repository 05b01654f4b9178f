/**
 * Records read and checked by an earlier build, known by their file's path and text: a build
 * parses (YAML) and validates only the record files that changed since.
 */
import { readFileSync, statSync } from "node:fs";
import { CacheAdditions, contentKey, HashCache } from "./cache.ts";
import { ingestVersion } from "./ingest-cache.ts";
import { parseArticle, recordKey } from "./load-records.ts";
import { isWarm } from "./warm.ts";

/** Changes with the record contract (ingest's version covers it) and the code that reads and checks records. */
function readerVersion(): string {
  const code = ["./load-records.ts", "./validate-record.ts"].map((f) => readFileSync(new URL(f, import.meta.url), "utf8"));
  return contentKey(ingestVersion(), ...code).slice(0, 12);
}

type Parsed = ReturnType<typeof parseArticle>;

const recordCacheName = () => `records-${readerVersion()}`;

export function openRecordCache(): HashCache<Parsed> {
  return new HashCache<Parsed>(recordCacheName());
}

/** Bytes of new records the ingest holds before it writes them into the cache. */
const ADDITIONS_HELD = 128 << 20;

/**
 * The records an ingest writes, put in the cache as the build would read them (parsedAsWritten):
 * a build after the ingest parses none of them. `file`: the record's path as the build names it, absolute.
 */
export function recordCacheAdditions(): { add: (file: string, text: string, parsed: Parsed) => void; save: () => void } {
  const additions = new CacheAdditions<Parsed>(recordCacheName(), undefined, ADDITIONS_HELD);
  return { add: (file, text, parsed) => additions.add(recordKey(file, text), parsed), save: () => additions.save() };
}

/**
 * The records the last build of this process read, by their cache key: a long-running process
 * (npm start, warm.ts) answers an unchanged record from memory instead of decoding it from the
 * cache again, and hands back the same record object, whose derived parts site-data keeps.
 */
let lastRead = new Map<string, { key: string; result: Parsed; stamp?: string }>();

/** A file's size and times: the same stamp as at the last read, the same text (as make and the editors' tools judge). */
function stampOf(file: string): string | undefined {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return undefined;
  }
}

/**
 * `changed`: the record files that may have changed since the last build of this process, when a
 * watcher that ran through that build knows them (npm start); the others are taken as that build
 * read them without a stat, which at 10,000 records took 150-450 ms a save.
 */
export function cachedRecordParser(changed?: ReadonlySet<string>): { parse: typeof parseArticle; known: (file: string) => Parsed | undefined; save: () => void } {
  const cache = openRecordCache();
  const read = new Map<string, { key: string; result: Parsed; stamp?: string }>();
  const stamps = new Map<string, string | undefined>();
  return {
    known(file) {
      if (!isWarm()) return undefined;
      const last = lastRead.get(file);
      if (!last?.stamp || !changed || changed.has(file)) {
        // Stamped before the text is read: a save while it is read leaves a stamp that differs next time.
        const stamp = stampOf(file);
        stamps.set(file, stamp);
        if (!last?.stamp || last.stamp !== stamp) return undefined;
      }
      read.set(file, last);
      cache.keepIfRead(last.key);
      return last.result;
    },
    parse(file, text) {
      const key = recordKey(file, text);
      const last = lastRead.get(file);
      const stamp = stamps.get(file);
      if (last?.key === key) {
        read.set(file, { ...last, stamp }); // only remembered records are found here
        cache.keep(key);
        return last.result;
      }
      // A record found in the cache stays there as it is: setting it again would serialise it
      // and rewrite its pack on every build.
      let result = cache.take(key);
      if (result === undefined) cache.set(key, (result = parseArticle(file, text)));
      if (isWarm()) read.set(file, { key, result, stamp });
      return result;
    },
    save: () => {
      cache.save();
      lastRead = read;
    },
  };
}
