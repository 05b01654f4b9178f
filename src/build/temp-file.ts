/**
 * Files that carry data from one process to another, or out of the heap for one build: each in a
 * new temporary folder of its own, removed with it.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A new file in a new temporary folder, written by `write` through its descriptor; a write that fails leaves neither. */
export function writeTempFile(prefix: string, write: (fd: number) => void): string {
  const file = join(mkdtempSync(join(tmpdir(), prefix)), "data");
  const fd = openSync(file, "w");
  try {
    write(fd);
  } catch (error) {
    removeTempFile(file);
    throw error;
  } finally {
    closeSync(fd);
  }
  return file;
}

/** The file and its folder gone, whether or not it was read. */
export function removeTempFile(file: string): void {
  rmSync(dirname(file), { recursive: true, force: true });
}

/** `bytes` bytes of an open file from byte `at`; a file that ends sooner throws `short` of the byte where it ended. */
export function readExactly(fd: number, at: number, bytes: number, short: (ended: number) => string): Buffer {
  const buffer = Buffer.allocUnsafe(bytes);
  let done = 0;
  while (done < bytes) {
    const n = readSync(fd, buffer, done, bytes - done, at + done);
    if (n === 0) throw new Error(short(at + done));
    done += n;
  }
  return buffer;
}

/**
 * Strings written to an open file in pieces of at least `size` characters, joined: fewer writes
 * than one a string, and no string as large as the whole (which V8 makes in its large-object
 * space, freed only by a full collection). `flush` writes what is left.
 */
export function stringWriter(fd: number, size: number): { write: (text: string) => void; flush: () => void } {
  let pending: string[] = [];
  let length = 0;
  const flush = () => {
    if (pending.length) writeSync(fd, pending.join(""));
    pending = [];
    length = 0;
  };
  const write = (text: string) => {
    pending.push(text);
    length += text.length;
    if (length >= size) flush();
  };
  return { write, flush };
}
