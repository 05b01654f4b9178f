import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CacheAdditions, contentKey, HashCache } from "../../src/build/cache.ts";
import { indexedPart } from "../../src/build/search-index.ts";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "cache-test-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Keys that fall in one pack (same first byte), so that one save writes them together. */
const samePack = (): string[] => {
  const keys = Array.from({ length: 600 }, (_, i) => contentKey(String(i)));
  return keys.filter((k) => k.startsWith(keys[0]!.slice(0, 2)));
};

/** A cache in a new folder holding these entries, saved. */
function savedCache(entries: [string, string][]): string {
  const root = tempDir();
  const a = new HashCache<string>("test", root);
  for (const [k, v] of entries) a.set(k, v);
  a.save();
  return root;
}

describe("the build cache", () => {
  it("keeps values across instances, as fresh copies", () => {
    const root = tempDir();
    const a = new HashCache<{ n: number[] }>("test", root);
    a.set(contentKey("one"), { n: [1] });
    a.save();
    const b = new HashCache<{ n: number[] }>("test", root);
    const got = b.get(contentKey("one"))!;
    expect(got).toEqual({ n: [1] });
    got.n.push(2); // a caller may change what it got
    expect(b.get(contentKey("one"))).toEqual({ n: [1] });
    expect(b.get(contentKey("two"))).toBeUndefined();
  });

  it("drops, when it saves a pack, the entries that no one asked for", () => {
    const [k1, k2] = samePack() as [string, string];
    const root = savedCache([
      [k1, "first"],
      [k2, "second"],
    ]);
    const b = new HashCache<string>("test", root);
    expect(b.get(k1)).toBe("first");
    b.save();
    const c = new HashCache<string>("test", root);
    expect(c.get(k1)).toBe("first");
    expect(c.get(k2)).toBeUndefined();
    expect(readdirSync(join(root, "test"))).toEqual([`${k1.slice(0, 2)}.v8`]);
  });
});

describe("asking whether a value is there", () => {
  it("keeps the entry through a save, as reading it would, and tells a missing one", () => {
    const [k1, k2, k3] = samePack() as [string, string, string];
    const root = savedCache([
      [k1, "one"],
      [k2, "two"],
    ]);
    const b = new HashCache<string>("test", root);
    expect([b.has(k1), b.has(k3)]).toEqual([true, false]);
    b.set(k3, "three"); // the pack is rewritten: k1 asked for, k3 new, k2 dropped
    b.save();
    const c = new HashCache<string>("test", root);
    expect([c.get(k1), c.get(k2), c.get(k3)]).toEqual(["one", undefined, "three"]);
  });
});

describe("what the search index reads of a page", () => {
  it("is the element marked data-pagefind-body with everything nested in it", () => {
    const html = `<body><nav>Latest: A</nav><div class="x" data-pagefind-body><div><h1>T</h1></div><p>text</p></div><aside>Related: B</aside></body>`;
    expect(indexedPart(html)).toBe(`<div class="x" data-pagefind-body><div><h1>T</h1></div><p>text</p></div>`);
  });

  it("is nothing on a page without the marker, and the whole page when the marker's element does not close", () => {
    expect(indexedPart("<body><p>no marker</p></body>")).toBeNull();
    expect(indexedPart("<div data-pagefind-body><p>open")).toBe("<div data-pagefind-body><p>open");
  });
});

describe("values taken once", () => {
  it("leave memory but stay in the cache, and survive a save that adds others", () => {
    const [k1, k2, k3] = samePack() as [string, string, string];
    const root = savedCache([
      [k1, "one"],
      [k2, "two"],
    ]);
    const b = new HashCache<string>("test", root);
    expect(b.take(k1)).toBe("one");
    expect(b.take(k1)).toBeUndefined(); // once per run
    b.set(k3, "three"); // the pack is rewritten: k1 from disk, k3 new, k2 (not asked for) dropped
    b.save();
    const c = new HashCache<string>("test", root);
    expect([c.get(k1), c.get(k2), c.get(k3)]).toEqual(["one", undefined, "three"]);
  });
});

describe("a cache saved and released", () => {
  it("holds none of its entries in memory, keeps every one on disk, and a later save drops none of them", () => {
    const [k1, k2, k3] = samePack() as [string, string, string];
    const root = savedCache([[k1, "one"]]);
    const b = new HashCache<string>("test", root);
    expect(b.take(k1)).toBe("one");
    b.set(k2, "two");
    b.set(k3, "three");
    b.saveAndRelease();
    expect([b.get(k2), b.get(k3)]).toEqual([undefined, undefined]); // out of memory, as after take()
    b.save();
    const c = new HashCache<string>("test", root);
    expect([c.get(k1), c.get(k2), c.get(k3)]).toEqual(["one", "two", "three"]);
  });
});

describe("additions to a cache that another run reads", () => {
  it("go into the packs beside the entries already there, none dropped, and are read as the cache's own", () => {
    const [k1, k2, k3] = samePack() as [string, string, string];
    const root = savedCache([
      [k1, "one"],
      [k2, "two"],
    ]);
    const added = new CacheAdditions<string>("test", root);
    added.add(k2, "two again");
    added.add(k3, "three");
    added.save();
    const c = new HashCache<string>("test", root);
    expect([c.get(k1), c.get(k2), c.get(k3)]).toEqual(["one", "two again", "three"]);
    expect(readdirSync(join(root, "test"))).toHaveLength(1);
  });

  it("are written out once they hold more than their limit, and the rest by save()", () => {
    const [k1, k2, k3] = samePack() as [string, string, string];
    const root = tempDir();
    const added = new CacheAdditions<string>("test", root, 100);
    added.add(k1, "one");
    expect(new HashCache<string>("test", root).get(k1)).toBeUndefined();
    added.add(k2, "x".repeat(200)); // over the limit: both written
    expect(new HashCache<string>("test", root).get(k1)).toBe("one");
    added.add(k3, "three");
    added.save();
    const c = new HashCache<string>("test", root);
    expect([c.get(k1), c.get(k2), c.get(k3)]).toEqual(["one", "x".repeat(200), "three"]);
  });
});
