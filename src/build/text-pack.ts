/**
 * Many texts as one block of UTF-8: sent to another process, the block goes as one copy of its
 * bytes (not a string per text to serialise and build again), and is held there outside the
 * JavaScript heap, where it adds nothing to the heap the garbage collector lets grow in proportion
 * to what it holds. A text is decoded when it is read, and let go after.
 */
export interface TextPack {
  bytes: Uint8Array;
  /** Where each text ends in `bytes` (and the next one starts). */
  ends: Float64Array;
}

export function packTexts(texts: readonly string[]): TextPack {
  const ends = new Float64Array(texts.length);
  let total = 0;
  texts.forEach((t, i) => (ends[i] = total += Buffer.byteLength(t, "utf8")));
  const bytes = Buffer.allocUnsafeSlow(total); // a block of its own, not a slice of Buffer's pool: serialised, a view takes its whole buffer along
  texts.forEach((t, i) => bytes.write(t, i === 0 ? 0 : ends[i - 1]!, "utf8"));
  return { bytes, ends };
}

export function unpackText(pack: TextPack, i: number): string {
  const start = i === 0 ? 0 : pack.ends[i - 1]!;
  return Buffer.from(pack.bytes.buffer, pack.bytes.byteOffset + start, pack.ends[i]! - start).toString("utf8");
}
