/** Step 1 of ingest: raw bytes to text, or a typed refusal. Pure. */

export type Refusal = { ok: false; reason: string };
export type Decoded = { ok: true; text: string; encoding: string };

/** Larger raw files are not articles: scrapers that dump a whole site produce them. */
export const MAX_RAW_BYTES = 5 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

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

export function decodeRaw(bytes: Uint8Array): Decoded | Refusal {
  if (bytes.length === 0) return { ok: false, reason: "the file is empty" };
  if (bytes.length > MAX_RAW_BYTES) {
    return {
      ok: false,
      reason: `the file is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_RAW_BYTES / 1048576} MB limit for one article`,
    };
  }
  let text: string;
  let encoding: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = "utf-8 (BOM)";
    text = new TextDecoder("utf-8").decode(bytes.subarray(3));
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = "utf-16le (BOM)";
    text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = "utf-16be (BOM)";
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  } else {
    const utf16 = guessUtf16(bytes);
    if (utf16) {
      encoding = utf16;
      text = new TextDecoder(utf16).decode(bytes);
    } else {
      try {
        text = utf8.decode(bytes);
        encoding = "utf-8";
      } catch {
        // Not UTF-8: the common legacy encoding of Western news sites; Latin-1 is its subset.
        text = new TextDecoder("windows-1252").decode(bytes);
        encoding = "windows-1252";
      }
    }
  }
  if (controlShare(text) > 0.01) {
    return { ok: false, reason: `the file looks binary (control bytes in its ${encoding} reading), not article text` };
  }
  // Stray NULs and other controls in otherwise good text are dropped, line ends unified.
  // eslint-disable-next-line no-control-regex
  text = text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
  if (text.trim() === "") return { ok: false, reason: "the file holds only white space" };
  return { ok: true, text, encoding };
}
