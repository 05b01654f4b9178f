/** Step 1 of ingest: raw bytes to text, or a typed refusal. Pure. */

export type Refusal = { ok: false; reason: string };
export type Decoded = { ok: true; text: string; encoding: string };

/** Larger raw files are not articles: scrapers that dump a whole site produce them. */
export const MAX_RAW_BYTES = 5 * 1024 * 1024;

/** Above this share of control characters a reading is not text (jusText-style threshold, set on binary files). */
const MAX_CONTROL_SHARE = 0.01;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The refusal for a file over the size limit; the reader uses it too, before it reads the file. */
export function tooLarge(size: number): string {
  return `the file is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_RAW_BYTES / 1048576} MB limit for one article; split it or remove it`;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a byte-order mark shows as a NUL in every other byte of ASCII text. */
function guessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return "utf-16le";
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return "utf-16be";
  return null;
}

function controlShare(text: string): number {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return text.length === 0 ? 0 : control / text.length;
}

/** NUL padding at the end (preallocated or truncated downloads) is not content. A loop, not /\0+$/, which backtracks on long runs. */
function withoutTrailingNuls(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0) end--;
  return end === text.length ? text : text.slice(0, end);
}

function read(bytes: Uint8Array): { text: string; encoding: string } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: "utf-8 (BOM)", text: new TextDecoder("utf-8").decode(bytes.subarray(3)) };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: "utf-16le (BOM)", text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: "utf-16be (BOM)", text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  const utf16 = guessUtf16(bytes);
  if (utf16) return { encoding: utf16, text: new TextDecoder(utf16).decode(bytes) };
  try {
    return { encoding: "utf-8", text: utf8.decode(bytes) };
  } catch {
    // Not UTF-8: the common legacy encoding of Western news sites; Latin-1 is its subset.
    return { encoding: "windows-1252", text: windows1252(bytes) };
  }
}

/** Windows-1252's characters in the 0x80-0x9F range, where Latin-1 has control codes (the five unassigned bytes stay as they are, as WHATWG says). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** Node's TextDecoder("windows-1252") decodes 0x80-0x9F as Latin-1 control codes (nodejs/node#56542), so the table is applied here. */
function windows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString("latin1")
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/**
 * UTF-16 without a byte-order mark in a script other than Latin (Cyrillic, Greek, Arabic...) has few
 * NULs, so guessUtf16 misses it, and it reads as control bytes in any 8-bit reading. Its code units'
 * high bytes are few: the script's block and 0x00 for spaces and digits. Binary noise spreads them.
 */
function utf16OfOneScript(bytes: Uint8Array): { text: string; encoding: string } | null {
  if (bytes.length % 2 !== 0 || bytes.length < 8) return null;
  for (const [encoding, high] of [["utf-16le", 1], ["utf-16be", 0]] as const) {
    const counts = new Map<number, number>();
    for (let i = high; i < bytes.length; i += 2) counts.set(bytes[i]!, (counts.get(bytes[i]!) ?? 0) + 1);
    const [first = 0, second = 0] = [...counts.values()].sort((a, b) => b - a);
    if (first + second < (bytes.length / 2) * 0.9) continue;
    const text = new TextDecoder(encoding).decode(bytes);
    if (controlShare(text) <= MAX_CONTROL_SHARE) return { text, encoding };
  }
  return null;
}

export function decodeRaw(bytes: Uint8Array): Decoded | Refusal {
  if (bytes.length === 0) return { ok: false, reason: "the file is empty" };
  if (bytes.length > MAX_RAW_BYTES) return { ok: false, reason: tooLarge(bytes.length) };
  let { encoding, text } = read(bytes);
  text = withoutTrailingNuls(text);
  if (controlShare(text) > MAX_CONTROL_SHARE) {
    const wide = utf16OfOneScript(bytes);
    if (!wide) return { ok: false, reason: `the file looks binary (control bytes in its ${encoding} reading), not article text` };
    ({ encoding, text } = wide);
  }
  text = text
    .replace(/\r\n?|\u2028|\u0085/g, "\n") // CRLF, CR and Unicode line separators: one kind of line end
    .replace(/\u2029/g, "\n\n")
    // Stray NULs and other controls in otherwise good text, and byte-order marks inside it, are dropped.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff]/g, "")
    .normalize("NFC"); // one spelling of each accented letter, whichever the site used
  if (text.trim() === "") return { ok: false, reason: "the file holds only white space" };
  return { ok: true, text, encoding };
}
