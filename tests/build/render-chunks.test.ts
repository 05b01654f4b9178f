import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunkSize } from "../../src/build/render-pages.ts";

describe("splitting a full render into chunks for the Eleventy processes", () => {
  it("keeps every chunk within the most a process renders, in a number of chunks the lanes share evenly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300_000 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 8 }), (pages, most, lanes) => {
        const size = chunkSize(pages, most, lanes);
        const chunks = Math.ceil(pages / size);
        expect(size).toBeGreaterThan(0);
        expect(size).toBeLessThanOrEqual(most);
        // Every lane renders the same number of chunks but for the last round, and no chunk is empty.
        expect(chunks).toBeLessThanOrEqual(Math.ceil(Math.ceil(pages / most) / lanes) * lanes);
        expect(pages - (chunks - 1) * size).toBeGreaterThan(0);
      }),
    );
  });

  it("gives two cores four chunks of 3,167 pages for 12,666, not three of at most 4,000", () => {
    expect(chunkSize(12_666, 4000, 2)).toBe(3167);
    expect(chunkSize(8000, 4000, 2)).toBe(4000);
  });
});
