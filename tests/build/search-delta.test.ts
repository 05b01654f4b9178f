/** Which pages an edit puts into the search's delta bundle, and when the shards are indexed again instead. */
import { describe, expect, it } from "vitest";
import { deltaPlan, type SearchState } from "../../src/build/search-index.ts";

const state = (base: Record<string, string>, shards = 2): SearchState => ({
  shards,
  base: Object.fromEntries(Object.entries(base).map(([url, digest]) => [url, { digest, id: `en_${digest}` }])),
  delta: {},
});

describe("the search delta", () => {
  const base = state({ "/a/": "1", "/b/": "2", "/c/": "3" });

  it("holds the edited and the new pages, and hides the shards' versions of the edited and the removed", () => {
    expect(deltaPlan({ "/a/": "1", "/b/": "2b", "/d/": "4" }, base, 2, 10)).toEqual({ delta: ["/b/", "/d/"], hidden: ["/b/", "/c/"] });
  });

  it("is empty when the pages are those the shards hold", () => {
    expect(deltaPlan({ "/a/": "1", "/b/": "2", "/c/": "3" }, base, 2, 10)).toEqual({ delta: [], hidden: [] });
  });

  it("gives way to indexing the shards again past its limit, on a new shard layout, or with no record of the shards", () => {
    expect(deltaPlan({ "/a/": "1x", "/b/": "2x", "/c/": "3" }, base, 2, 1)).toBeNull();
    expect(deltaPlan({ "/a/": "1" }, base, 2, 1)).toBeNull(); // two removed: two hidden
    expect(deltaPlan({ "/a/": "1", "/b/": "2", "/c/": "3" }, base, 4, 10)).toBeNull();
    expect(deltaPlan({ "/a/": "1" }, null, 2, 10)).toBeNull();
    expect(deltaPlan({ "/a/": "1", "/b/": "2", "/c/": "3" }, base, 2, 0)).toBeNull();
  });
});
