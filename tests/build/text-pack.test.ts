/** Texts packed as one block of UTF-8 read back exactly, and the block can be handed to a worker thread whole. */
import { MessageChannel, receiveMessageOnPort } from "node:worker_threads";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packTexts, packTransfer, unpackText, type TextPack } from "../../src/build/text-pack.ts";

describe("a text pack", () => {
  it("gives back every text as it was, in any script, empty ones included", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { maxLength: 30 }), (texts) => {
        const pack = packTexts(texts);
        expect(texts.map((_, i) => unpackText(pack, i))).toEqual(texts);
      }),
    );
  });

  it("is handed over by postMessage without a copy, and reads the same on the other side", () => {
    const texts = ["Liz Truss met Sergey Lavrov in Moscow.", "", "“Deaf and dumb” — Лавров", "😀 and the rest"];
    const pack = packTexts(texts);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(pack, packTransfer(pack));
    expect(pack.bytes.byteLength).toBe(0); // detached here: it was moved, not cloned
    const received = receiveMessageOnPort(port2)!.message as TextPack;
    expect(texts.map((_, i) => unpackText(received, i))).toEqual(texts);
    port1.close();
  });
});
