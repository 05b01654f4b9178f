/**
 * A content-addressed cache that lasts across builds (in .cache/, or ARCHIVE_CACHE_DIR): values
 * by the SHA-256 of their input. Kept in 256 packs by the key's first byte, so that a build that
 * changes one entry rewrites one small file, and a pack drops the entries no build asked for.
 * Entries stay serialised in memory: each get() returns a fresh copy, and a cache the size of the
 * archive costs its bytes once, not twice.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { deserialize, serialize } from "node:v8";

export function cacheRoot(): string {
  return resolve(process.env["ARCHIVE_CACHE_DIR"] ?? ".cache");
}

/** Write a file whole or not at all: beside it first, then moved over it, so that no reader sees it half written. */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

export function contentKey(...parts: string[]): string {
  return contentKeyOf(parts);
}

/** contentKey of parts made one at a time: many large parts need not be held together. */
export function contentKeyOf(parts: Iterable<string>): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex");
}

interface Pack {
  entries: Map<string, Uint8Array>;
  used: Set<string>;
  dirty: boolean;
  /** Entries let go by take(): still on disk, no longer in memory. */
  released: number;
}

/**
 * Bytes copied into large blocks, each value a view of its block. Many small Buffers, one per entry,
 * are taken from the C heap, which keeps their space once they are freed: at 100,000 articles the
 * render cache's 0.7 GB of new entries stayed in the build's size to its end. A block is mapped
 * and given back to the system whole.
 */
class Slab {
  private block = new Uint8Array(0);
  private used = 0;

  constructor(private readonly size: number) {}

  copy(bytes: Uint8Array): Uint8Array {
    if (bytes.length > this.size) return Uint8Array.prototype.slice.call(bytes);
    if (this.used + bytes.length > this.block.length) {
      this.block = new Uint8Array(this.size);
      this.used = 0;
    }
    const view = this.block.subarray(this.used, this.used + bytes.length);
    view.set(bytes);
    this.used += bytes.length;
    return view;
  }
}

const SLAB_BYTES = 64 << 20;

const decode = <V>(bytes: unknown): V =>
  // Packs written before entries were kept serialised hold the values themselves.
  bytes instanceof Uint8Array ? (deserialize(bytes) as V) : structuredClone(bytes as V);

const packId = (key: string) => key.slice(0, 2);

function readPack(dir: string, id: string): Map<string, Uint8Array> {
  const file = dir && join(dir, `${id}.v8`);
  if (!file || !existsSync(file)) return new Map();
  try {
    return deserialize(readFileSync(file)) as Map<string, Uint8Array>;
  } catch {
    return new Map(); // a damaged pack is rebuilt, not trusted
  }
}

/**
 * New entries for a cache that another run reads: written into its packs beside what they hold,
 * none dropped, and no pack read before save(). For values worked out ahead of the run that needs
 * them (the ingest's bodies' HTML, for the build).
 */
export class CacheAdditions<V> {
  private readonly dir: string;
  private readonly packs = new Map<string, Map<string, Uint8Array>>();
  private readonly slab = new Slab(SLAB_BYTES);
  private held = 0;

  /** `most`: bytes held before they are written out (by save()), so that additions the size of the archive are not all in memory at once. */
  constructor(namespace: string, root: string | null = cacheRoot(), private readonly most = 4 * SLAB_BYTES) {
    this.dir = root === null ? "" : join(root, namespace);
  }

  add(key: string, value: V): void {
    const id = packId(key);
    let pack = this.packs.get(id);
    if (!pack) this.packs.set(id, (pack = new Map()));
    const bytes = this.slab.copy(serialize(value));
    pack.set(key, bytes);
    this.held += bytes.length;
    if (this.held > this.most) this.save();
  }

  /** Write the additions into their packs; they then leave memory. */
  save(): void {
    if (this.dir) {
      mkdirSync(this.dir, { recursive: true });
      for (const [id, added] of this.packs) {
        const entries = readPack(this.dir, id);
        for (const [key, bytes] of added) entries.set(key, bytes);
        writeAtomic(join(this.dir, `${id}.v8`), serialize(entries));
      }
    }
    this.packs.clear();
    this.held = 0;
  }
}

export class HashCache<V> {
  private readonly dir: string;
  private readonly packs = new Map<string, Pack>();
  private readonly knownElsewhere = new Set<string>();
  private readonly slab = new Slab(SLAB_BYTES);

  /** `namespace` names what is cached and how it was made (tool versions): a new one starts empty. */
  constructor(namespace: string, root: string | null = cacheRoot()) {
    this.dir = root === null ? "" : join(root, namespace);
  }

  private pack(key: string): Pack {
    const id = packId(key);
    let pack = this.packs.get(id);
    if (!pack) {
      pack = { entries: readPack(this.dir, id), used: new Set(), dirty: false, released: 0 };
      this.packs.set(id, pack);
    }
    return pack;
  }

  get(key: string): V | undefined {
    const pack = this.pack(key);
    const bytes = pack.entries.get(key);
    if (bytes === undefined) return undefined;
    pack.used.add(key);
    return decode<V>(bytes);
  }

  /** Whether the cache holds a value for the key, without reading the value; the entry is then kept, as by get(). */
  has(key: string): boolean {
    const pack = this.pack(key);
    if (!pack.entries.has(key)) return false;
    pack.used.add(key);
    return true;
  }

  /** get() for a value wanted once per run: its bytes leave memory (they stay on disk). */
  take(key: string): V | undefined {
    const pack = this.pack(key);
    const bytes = pack.entries.get(key);
    if (bytes === undefined) return undefined;
    pack.used.add(key);
    pack.entries.delete(key);
    pack.released++;
    return decode<V>(bytes);
  }

  /** Keep an entry this run did not need to read (its value is known otherwise), so that save() does not drop it. */
  keep(key: string): void {
    const pack = this.pack(key);
    if (pack.entries.has(key)) pack.used.add(key);
  }

  /**
   * keep() for a value a caller knew from memory, applied only where this run reads the key's pack
   * anyway: a pack it never reads stays on disk as it is, and knowing a value need not read its pack.
   */
  keepIfRead(key: string): void {
    this.knownElsewhere.add(key);
  }

  set(key: string, value: V): void {
    const pack = this.pack(key);
    pack.entries.set(key, this.slab.copy(serialize(value)));
    pack.used.add(key);
    pack.dirty = true;
  }

  /** save(), then every entry leaves memory, as by take(): for a run that is done with the cache before it ends. */
  saveAndRelease(): void {
    this.save();
    for (const pack of this.packs.values()) {
      pack.released += pack.entries.size;
      pack.entries.clear();
    }
  }

  /** Write the packs this run changed, without the entries it never asked for. */
  save(): void {
    if (!this.dir) return;
    mkdirSync(this.dir, { recursive: true });
    for (const key of this.knownElsewhere) {
      const pack = this.packs.get(packId(key));
      if (pack?.entries.has(key)) pack.used.add(key);
    }
    for (const [id, pack] of this.packs) {
      if (!pack.dirty && pack.used.size === pack.entries.size + pack.released) continue;
      if (pack.released > 0) {
        for (const [key, bytes] of readPack(this.dir, id)) if (pack.used.has(key) && !pack.entries.has(key)) pack.entries.set(key, bytes);
        pack.released = 0;
      }
      for (const key of pack.entries.keys()) if (!pack.used.has(key)) pack.entries.delete(key);
      const file = join(this.dir, `${id}.v8`);
      if (pack.entries.size === 0) {
        rmSync(file, { force: true });
        continue;
      }
      writeAtomic(file, serialize(pack.entries));
      pack.dirty = false;
    }
  }
}
