/** Values serialised apart into one file, read back one at a time, and the file removed once read; the events answer made of them. */
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { readValuePack, removeValuePack, writeValuePack } from "../../src/build/value-pack.ts";
import { eventsParts, receivedEvents } from "../../src/build/site-events.ts";
import type { SiteEvents } from "../../src/events/site.ts";

describe("a value pack", () => {
  it("gives back each value as it was, in order, and leaves no file once read", () => {
    const values = [{ a: 1, quote: "“Deaf and dumb” — Лавров" }, new Map([["x", [1, 2]]]), new Uint32Array([7, 8, 9]), "x".repeat(3 << 20), null, []];
    const sent = writeValuePack(values);
    expect(existsSync(sent.file)).toBe(true);
    expect([...readValuePack(sent)]).toEqual(values);
    expect(existsSync(dirname(sent.file))).toBe(false);
  });

  it("is removed when its reader stops early, or never reads it", () => {
    const partly = writeValuePack([1, 2, 3]);
    for (const v of readValuePack(partly)) if (v === 1) break;
    expect(existsSync(dirname(partly.file))).toBe(false);
    const unread = writeValuePack([1]);
    removeValuePack(unread);
    expect(existsSync(dirname(unread.file))).toBe(false);
  });

  it("says where a file cut short ends", () => {
    const sent = writeValuePack(["first", "second"]);
    const cut = { ...sent, ends: [sent.ends[0]!, sent.ends[1]! + 10] };
    expect(() => [...readValuePack(cut)]).toThrow(/ends at byte \d+, inside a value that ends at/);
  });
});

describe("the events process's answer", () => {
  it("is the same events, article links and grouping after the trip through parts", () => {
    const n = 700; // more than one part of events and of links
    const events = Array.from({ length: n }, (_, i) => ({ slug: `e${i}`, url: `/events/e${i}/`, name: `Event ${i}`, reports: [{ id: `a${i}`, onlyHere: ["A sentence."] }] }));
    const byArticle = new Map(events.map((e, i) => [`a${i}`, { name: e.name, url: e.url, dateLabel: "1 May 2022", others: [] }]));
    const grouping = { events: [], refused: [], excluded: [], lone_editor_events: [], stats: { articles: n, compared_pairs: 0, links: 0, grouped: n, alone: 0 } };
    const answer = { events, byArticle, grouping } as unknown as SiteEvents;
    const parts = [...eventsParts(answer)];
    expect(parts.length).toBeGreaterThan(3);
    const back = receivedEvents(readValuePack(writeValuePack(parts)));
    expect(back).toEqual(answer);
    expect([...back.byArticle.keys()]).toEqual([...byArticle.keys()]);
  });
});
