/** Byte encodings the bad-input tests write raw files in. */

/** Windows-1252's letters above Latin-1's (the C1 range) that news text uses. */
const CP1252: Record<string, number> = { "€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97, "™": 0x99 };

export function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const mapped = CP1252[ch];
      if (mapped !== undefined) return mapped;
      const code = ch.codePointAt(0)!;
      if (code > 0xff) throw new Error(`${ch} is not in Windows-1252`);
      return code;
    }),
  );
}

export function latin1(text: string): Buffer {
  if ([...text].some((ch) => ch.codePointAt(0)! > 0xff)) throw new Error("not Latin-1 text");
  return Buffer.from(text, "latin1");
}

export function utf16le(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, "utf16le");
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

export function utf16be(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, "utf16le").swap16();
  return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), body]) : body;
}

/** Deterministic noise (a linear congruential generator), for binary files. */
export function noise(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
