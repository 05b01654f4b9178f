/**
 * A content-addressed cache that lasts across builds (in .cache/, or ARCHIVE_CACHE_DIR): values
 * by the SHA-256 of their input. Kept in 256 packs by the key's first byte, so that a build that
 * changes one entry rewrites one small file, and a pack drops the entries no build asked for.
 * Entries stay serialised in memory: each get() returns a fresh copy, and a cache the size of the
 * archive costs its bytes once, not twice. Additions from another run (CacheAdditions) are
 * written beside a pack as segments, read with it and merged into it when it is next written.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
  /** The segment files read with it, removed once it is written whole. */
  segments: string[];
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
  private readonly blocks: Uint8Array[] = [];
  private current = -1;
  private used = 0;

  /** `reuse`: keep the blocks for rewind(); otherwise a full block is let go with the last copy in it. */
  constructor(
    private readonly size: number,
    private readonly reuse = false,
  ) {}

  copy(bytes: Uint8Array): Uint8Array {
    if (bytes.length > this.size) return Uint8Array.prototype.slice.call(bytes);
    if (this.current < 0 || this.used + bytes.length > this.size) this.next();
    const view = this.blocks[this.current]!.subarray(this.used, this.used + bytes.length);
    view.set(bytes);
    this.used += bytes.length;
    return view;
  }

  private next(): void {
    if (!this.reuse) this.blocks.length = this.current = 0;
    else this.current++;
    if (this.current === this.blocks.length) this.blocks.push(new Uint8Array(this.size));
    this.used = 0;
  }

  /**
   * Copy into the same blocks again from the start: for an owner none of whose copies is used any
   * more. Memory the process has not touched before costs a page fault a page, which on these
   * machines (about 4 ms a MB) costs more than copying into it.
   */
  rewind(): void {
    this.current = -1;
  }
}

const SLAB_BYTES = 64 << 20;

const decode = <V>(bytes: unknown): V =>
  // Packs written before entries were kept serialised hold the values themselves.
  bytes instanceof Uint8Array ? (deserialize(bytes) as V) : structuredClone(bytes as V);

const packId = (key: string) => key.slice(0, 2);

function readPackFile(file: string): Map<string, Uint8Array> {
  if (!existsSync(file)) return new Map();
  try {
    return deserialize(readFileSync(file)) as Map<string, Uint8Array>;
  } catch {
    return new Map(); // a damaged pack is rebuilt, not trusted
  }
}

/** A pack's entries: its file's, then its segments' in the order they were written. */
function readPack(dir: string, id: string, segments: readonly string[] = []): Map<string, Uint8Array> {
  if (!dir) return new Map();
  const entries = readPackFile(join(dir, `${id}.v8`));
  for (const name of segments) for (const [key, bytes] of readPackFile(join(dir, name))) entries.set(key, bytes);
  return entries;
}

/** Segment files by their pack's id, in the order they were written (their names sort so). */
function listSegments(dir: string): Map<string, string[]> {
  const byPack = new Map<string, string[]>();
  if (!dir || !existsSync(dir)) return byPack;
  for (const name of readdirSync(dir).sort()) {
    const m = /^([0-9a-f]{2})\.[0-9a-z-]+\.v8$/.exec(name);
    if (!m) continue;
    let list = byPack.get(m[1]!);
    if (!list) byPack.set(m[1]!, (list = []));
    list.push(name);
  }
  return byPack;
}

/** A pack read with more segments than this is written whole again, so that the files per pack stay few. */
const MOST_SEGMENTS = 8;

let segmentsWritten = 0;

/** A segment file's name: after every earlier segment's when sorted (time, then this process's count). */
function segmentName(id: string): string {
  const time = Date.now().toString(36).padStart(9, "0");
  return `${id}.${time}-${process.pid.toString(36)}-${(segmentsWritten++).toString(36).padStart(6, "0")}.v8`;
}

/**
 * New entries for a cache that another run reads: written as segments beside its packs, none
 * dropped, and no pack read or rewritten, so that additions the size of the archive, written a
 * few hundred MB at a time, cost their bytes once. For values worked out ahead of the run that
 * needs them (the ingest's bodies' HTML and records, for the build).
 */
export class CacheAdditions<V> {
  private readonly dir: string;
  private readonly packs = new Map<string, Map<string, Uint8Array>>();
  private readonly slab = new Slab(SLAB_BYTES, true);
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
      for (const [id, added] of this.packs) writeAtomic(join(this.dir, segmentName(id)), serialize(added));
    }
    this.packs.clear();
    this.held = 0;
    this.slab.rewind(); // the additions were serialised again into their segments
  }
}

export class HashCache<V> {
  private readonly dir: string;
  private readonly packs = new Map<string, Pack>();
  private readonly knownElsewhere = new Set<string>();
  private readonly slab = new Slab(SLAB_BYTES);
  private segments: Map<string, string[]> | null = null;

  /** `namespace` names what is cached and how it was made (tool versions): a new one starts empty. */
  constructor(namespace: string, root: string | null = cacheRoot()) {
    this.dir = root === null ? "" : join(root, namespace);
  }

  private pack(key: string): Pack {
    const id = packId(key);
    let pack = this.packs.get(id);
    if (!pack) {
      this.segments ??= listSegments(this.dir);
      const segments = this.segments.get(id) ?? [];
      pack = { entries: readPack(this.dir, id, segments), segments, used: new Set(), dirty: segments.length > MOST_SEGMENTS, released: 0 };
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
        for (const [key, bytes] of readPack(this.dir, id, pack.segments)) if (pack.used.has(key) && !pack.entries.has(key)) pack.entries.set(key, bytes);
        pack.released = 0;
      }
      for (const key of pack.entries.keys()) if (!pack.used.has(key)) pack.entries.delete(key);
      const file = join(this.dir, `${id}.v8`);
      if (pack.entries.size === 0) rmSync(file, { force: true });
      else writeAtomic(file, serialize(pack.entries));
      for (const name of pack.segments) rmSync(join(this.dir, name), { force: true });
      pack.segments = [];
      pack.dirty = false;
    }
  }
}
