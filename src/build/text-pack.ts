/**
 * Many texts as one block of UTF-8: sent to a worker thread, the block is handed over whole (a
 * transfer, not a copy of each text), and held there outside the JavaScript heap, where it adds
 * nothing to the heap the garbage collector lets grow in proportion to what it holds. A text is
 * decoded when it is read, and let go after.
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
  const bytes = Buffer.allocUnsafeSlow(total); // a block of its own, not a slice of Buffer's pool: it can be transferred
  texts.forEach((t, i) => bytes.write(t, i === 0 ? 0 : ends[i - 1]!, "utf8"));
  return { bytes, ends };
}

export function unpackText(pack: TextPack, i: number): string {
  const start = i === 0 ? 0 : pack.ends[i - 1]!;
  return Buffer.from(pack.bytes.buffer, pack.bytes.byteOffset + start, pack.ends[i]! - start).toString("utf8");
}

/** What postMessage hands over rather than copies. */
export function packTransfer(pack: TextPack): ArrayBuffer[] {
  return [pack.bytes.buffer as ArrayBuffer, pack.ends.buffer as ArrayBuffer];
}
