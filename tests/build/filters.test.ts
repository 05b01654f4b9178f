import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { registerFilters } from "../../src/build/filters.ts";

// Eleventy's own `url` filter, which the site's wraps. Not in the package's exports: by its path.
const eleventyUrlModule: string = "../../node_modules/@11ty/eleventy/src/Filters/Url.js";
const eleventyUrl = ((await import(eleventyUrlModule)) as { default: (url: string, prefix: string) => string }).default;

/** The site's filters, registered on a stand-in for Eleventy's configuration with `prefix` as its path prefix. */
function filtersUnder(prefix: string): Map<string, (...args: string[]) => string> {
  const filters = new Map<string, (...args: string[]) => string>();
  const config = {
    addFilter: (name: string, filter: (...args: string[]) => string) => filters.set(name, filter),
    getFilter: (name: string) => (name === "url" ? (url: string, override?: string) => eleventyUrl(url, override ?? prefix) : undefined),
  };
  registerFilters(config, { title: "Archive", description: "", url: SITE });
  return filters;
}

const SITE = "https://example.org";
const PREFIXES = ["/", "/sub/", "/sub", "sub/", "/a/b/", "/articles/"];
const segment = fc.stringMatching(/^[\w~.-]{1,8}$/);
const path = fc.oneof(
  fc.tuple(fc.array(segment, { maxLength: 4 }), fc.boolean()).map(([parts, slash]) => `/${parts.join("/")}${slash && parts.length ? "/" : ""}`),
  fc.constantFrom("/", "", "//", "/sub", "/sub/", "/articles/", "/a/b", "/a/./b/", "/a/../b/", "//cdn.example/x", "/search/?q=a b", "https://example.com/x", "mailto:x@example.org"),
);

describe("the url filter", () => {
  it("gives what Eleventy's own gives, for any path under any prefix, twice in a row; absoluteUrl that on the site's origin", () => {
    for (const prefix of PREFIXES) {
      const filters = filtersUnder(prefix);
      const url = filters.get("url")!;
      const absoluteUrl = filters.get("absoluteUrl")!;
      fc.assert(
        fc.property(path, (p) => {
          const expected = eleventyUrl(p, prefix);
          expect(url(p)).toBe(expected);
          expect(url(p)).toBe(expected); // memoised or not, the same
          expect(absoluteUrl(p)).toBe(new URL(expected, SITE).href);
        }),
        { numRuns: 300 },
      );
    }
  });

  it("passes a prefix given in the template to Eleventy's filter", () => {
    expect(filtersUnder("/sub/").get("url")!("/people/", "/other/")).toBe("/other/people/");
  });
});
