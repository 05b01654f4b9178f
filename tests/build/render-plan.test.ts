import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameItem } from "../../src/build/render-plan.ts";

describe("comparing a page's item with the last build's (npm start keeps a fingerprint while it shows the same)", () => {
  it("finds two items the same exactly when they hold the same values", () => {
    const value = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown); // as data is: no -0
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameItem(a, structuredClone(a))).toBe(true);
        expect(sameItem(a, b)).toBe(isDeepStrictEqual(a, b));
      }),
    );
  });

  it("tells apart values that JSON would not: a missing key and one set to null, an array and an object", () => {
    expect(sameItem({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameItem({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(false);
    expect(sameItem([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameItem({ list: [{ url: "/a/" }] }, { list: [{ url: "/b/" }] })).toBe(false);
  });
});
