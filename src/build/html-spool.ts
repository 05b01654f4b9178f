/**
 * The bodies' HTML of one build on disk rather than in memory: each written once, as it is rendered
 * or read from the render cache, and read back by its place in the file when a page shows it. At
 * 100,000 articles the HTML is about 0.8 GB, which the main heap held from the first stage of the
 * build to the last; a page needs one body at a time.
 */
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readExactly } from "./temp-file.ts";

/** Where one body's HTML is in the spool: its first byte and its length in bytes. */
export type SpoolRef = readonly [at: number, bytes: number];

// Folders of spools that could not be unlinked while open (Windows), removed when the process ends.
const leftAtExit = new Set<string>();
let removeAtExit = false;

export class HtmlSpool {
  private fd: number | null;
  private folder: string | null;
  private size = 0;
  private readonly byKey = new Map<string, SpoolRef>();

  constructor() {
    const folder = mkdtempSync(join(tmpdir(), "news-archive-html-"));
    const file = join(folder, "bodies.html");
    this.fd = openSync(file, "w+");
    this.folder = null;
    try {
      // Unlinked at once, and read through the open file: its space is freed when the process
      // ends, even when it is killed mid-build.
      unlinkSync(file);
      rmdirSync(folder);
    } catch {
      this.folder = folder;
      leftAtExit.add(folder);
      if (!removeAtExit) process.once("exit", () => leftAtExit.forEach((f) => rmSync(f, { recursive: true, force: true })));
      removeAtExit = true;
    }
  }

  /** Write the HTML of the body with this key, once: the same body again gets the same place. */
  put(key: string, html: string): SpoolRef {
    const known = this.byKey.get(key);
    if (known) return known;
    const bytes = Buffer.from(html, "utf8");
    writeSync(this.open(), bytes, 0, bytes.length, this.size);
    const ref: SpoolRef = [this.size, bytes.length];
    this.size += bytes.length;
    this.byKey.set(key, ref);
    return ref;
  }

  /** The place of a body's HTML already written, by the body's key. */
  refOf(key: string): SpoolRef | undefined {
    return this.byKey.get(key);
  }

  read([at, bytes]: SpoolRef): string {
    return readExactly(this.open(), at, bytes, (ended) => `the build's HTML spool ends at byte ${ended}, inside a body it holds (${at}..${at + bytes})`).toString("utf8");
  }

  /** The spool's space is freed; reading after this is a mistake, and says so. */
  remove(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    if (this.folder) {
      rmSync(this.folder, { recursive: true, force: true });
      leftAtExit.delete(this.folder);
      this.folder = null;
    }
  }

  private open(): number {
    if (this.fd === null) throw new Error("the build's HTML spool was removed: its pages were read after the build ended");
    return this.fd;
  }
}
