/**
 * Many texts as one block of UTF-8, for another process: written to a file a piece at a time (the
 * sender never holds the block, nor a message that copies it), read there as one block and held
 * outside the JavaScript heap, where it adds nothing to the heap the garbage collector lets grow in
 * proportion to what it holds. A text is decoded when it is read, and let go after.
 */
import { readFileSync } from "node:fs";
import { removeTempFile, stringWriter, writeTempFile } from "./temp-file.ts";

export interface TextPack {
  bytes: Uint8Array;
  /** Where each text ends in `bytes` (and the next one starts). */
  ends: Float64Array;
}

/** A pack on its way: the file that holds its bytes ("" for no texts), and where each text ends. */
export interface TextPackFile {
  file: string;
  ends: Float64Array;
}

/** Characters gathered before a write. */
const WRITE_AT = 1 << 20;

/** The texts into a file of their own in a new temporary folder, which readTextPack removes. */
export function writeTextPack(texts: readonly string[]): TextPackFile {
  const ends = new Float64Array(texts.length);
  if (texts.length === 0) return { file: "", ends };
  const file = writeTempFile("news-archive-texts-", (fd) => {
    const out = stringWriter(fd, WRITE_AT);
    let total = 0;
    texts.forEach((t, i) => {
      ends[i] = total += Buffer.byteLength(t, "utf8");
      out.write(t);
    });
    out.flush();
  });
  return { file, ends };
}

/** The pack a file holds, read whole; the file and its folder are removed. */
export function readTextPack(sent: TextPackFile): TextPack {
  if (!sent.file) return { bytes: new Uint8Array(0), ends: sent.ends };
  const bytes = readFileSync(sent.file);
  removeTextPack(sent);
  return { bytes, ends: sent.ends };
}

/** The pack's file gone, whether or not it was read. */
export function removeTextPack(sent: TextPackFile): void {
  if (sent.file) removeTempFile(sent.file);
}

export function unpackText(pack: TextPack, i: number): string {
  const start = i === 0 ? 0 : pack.ends[i - 1]!;
  return Buffer.from(pack.bytes.buffer, pack.bytes.byteOffset + start, pack.ends[i]! - start).toString("utf8");
}
