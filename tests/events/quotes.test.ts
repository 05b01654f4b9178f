/** The grouping holds quote keys as sorted arrays: they must match exactly where the Sets compare.ts uses match. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quoteKey, quotesMatch, sortedQuoteKey, sortedQuotesMatch } from "../../src/events/quotes.ts";

// A small vocabulary, so that generated quotes share trigrams as real ones carried whole or in part do.
const quote = fc.array(fc.constantFrom("we", "will", "not", "stand", "by", "the", "path", "of", "diplomacy", "is", "open", "Russia"), { maxLength: 14 }).map((ws) => ws.join(" "));

describe("sorted quote keys", () => {
  it("hold a quote's distinct trigrams in ascending order", () => {
    fc.assert(
      fc.property(quote, (q) => {
        const sorted = [...sortedQuoteKey(q)];
        expect(sorted).toEqual([...quoteKey(q)].sort((x, y) => x - y));
        expect(new Set(sorted).size).toBe(sorted.length);
      }),
    );
  });

  it("match where the quotes' Sets match, and only there", () => {
    let matched = 0;
    fc.assert(
      // Half the pairs a quote and part of it (a quote carried in part), so that matches are many, not left to chance.
      fc.property(quote, quote, fc.boolean(), fc.nat(), (a, other, partOf, cut) => {
        const words = a.split(" ");
        const b = partOf ? words.slice(cut % (words.length + 1)).join(" ") : other;
        const expected = quotesMatch(quoteKey(a), quoteKey(b));
        if (expected) matched++;
        expect(sortedQuotesMatch(sortedQuoteKey(a), sortedQuoteKey(b))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    expect(matched).toBeGreaterThan(0);
  });

  it("match a quote cut short with its whole, not two quotes sharing one stock phrase", () => {
    const whole = "we will not stand by while the path of diplomacy is open to Russia";
    expect(sortedQuotesMatch(sortedQuoteKey(whole), sortedQuoteKey("the path of diplomacy is open to Russia"))).toBe(true);
    expect(sortedQuotesMatch(sortedQuoteKey(whole), sortedQuoteKey("they chose the path of diplomacy over war and sanctions today"))).toBe(false);
  });
});
