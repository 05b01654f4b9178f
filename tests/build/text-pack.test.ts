/** Texts packed as one block of UTF-8 read back exactly, also after the trip to another process. */
import { deserialize, serialize } from "node:v8";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packTexts, unpackText, type TextPack } from "../../src/build/text-pack.ts";

describe("a text pack", () => {
  it("gives back every text as it was, in any script, empty ones included", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { maxLength: 30 }), (texts) => {
        const pack = packTexts(texts);
        expect(texts.map((_, i) => unpackText(pack, i))).toEqual(texts);
      }),
    );
  });

  it("goes to another process as its bytes alone, and reads the same there", () => {
    const texts = ["Liz Truss met Sergey Lavrov in Moscow.", "", "“Deaf and dumb” — Лавров", "😀 and the rest"];
    const pack = packTexts(texts);
    // What an IPC channel with "advanced" serialisation (site-events.ts) does to a message.
    const message = serialize(pack);
    const received = deserialize(message) as TextPack;
    expect(texts.map((_, i) => unpackText(received, i))).toEqual(texts);
    expect(message.length).toBeLessThan(pack.bytes.byteLength + pack.ends.byteLength + 100); // not a copy of a larger pool it was cut from
  });
});
