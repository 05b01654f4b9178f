/** Texts packed as one block of UTF-8 in a file read back exactly, and the file removed once read. */
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { deserialize, serialize } from "node:v8";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readTextPack, removeTextPack, unpackText, writeTextPack, type TextPackFile } from "../../src/build/text-pack.ts";

describe("a text pack", () => {
  it("gives back every text as it was, in any script, empty ones included", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { maxLength: 30 }), (texts) => {
        const pack = readTextPack(writeTextPack(texts));
        expect(texts.map((_, i) => unpackText(pack, i))).toEqual(texts);
      }),
      { numRuns: 50 },
    );
  });

  it("travels as a file name in a message, longer than one write, and leaves no file once read", () => {
    const texts = ["Liz Truss met Sergey Lavrov in Moscow.", "", "“Deaf and dumb” — Лавров", "😀 and the rest", "x".repeat(3 << 20)];
    const sent = deserialize(serialize(writeTextPack(texts))) as TextPackFile; // as an IPC channel with "advanced" serialisation carries it
    expect(existsSync(sent.file)).toBe(true);
    const pack = readTextPack(sent);
    expect(texts.map((_, i) => unpackText(pack, i))).toEqual(texts);
    expect(existsSync(dirname(sent.file))).toBe(false);

    const unread = writeTextPack(["never read"]);
    removeTextPack(unread); // the sender's clean-up when the reader stopped first
    expect(existsSync(dirname(unread.file))).toBe(false);
    expect(writeTextPack([]).file).toBe(""); // nothing to send: no file
  });
});
