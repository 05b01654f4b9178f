/**
 * The events worked out on a worker thread (prepareSiteData), with each report's analysis and each
 * event's comparison of its reports kept across builds, are the events worked out in place
 * (buildSiteData): from an empty cache, from a full one, and after an edit.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eventsAside } from "../../src/build/site-events.ts";
import { siteEvents } from "../../src/events/site.ts";
import { generatedEventInputs } from "../helpers/event-inputs.ts";

describe("events beside the rest of the site data", () => {
  it("on a worker thread, are the events of the same articles grouped in place", async () => {
    const { inputs, forms } = generatedEventInputs(5, "2022");
    expect(inputs.length).toBe(600);
    const cache = mkdtempSync(join(tmpdir(), "events-cache-"));
    const before = process.env["ARCHIVE_CACHE_DIR"];
    process.env["ARCHIVE_CACHE_DIR"] = cache; // the worker thread takes a copy of this process's environment
    try {
      const here = siteEvents(inputs, forms);
      expect(here.events.length).toBeGreaterThan(5);
      expect(await eventsAside(inputs, forms)).toEqual(here);
      expect(readdirSync(cache).filter((d) => d.startsWith("event-reports-") || d.startsWith("event-coverage-"))).toHaveLength(2);
      expect(await eventsAside(inputs, forms)).toEqual(here);

      // An edit: one report loses its body's second half, another its people.
      const edited = inputs.map((a, i) => (i === 10 ? { ...a, body: a.body.slice(0, a.body.length / 2) } : i === 20 ? { ...a, people: [] } : a));
      const editedHere = siteEvents(edited, forms);
      expect(editedHere).not.toEqual(here);
      expect(await eventsAside(edited, forms)).toEqual(editedHere);
    } finally {
      if (before === undefined) delete process.env["ARCHIVE_CACHE_DIR"];
      else process.env["ARCHIVE_CACHE_DIR"] = before;
    }
  }, 120_000);

  it("take the linking of the reports from the cache while every report's grouping fields are as the last build's", async () => {
    const { inputs, forms } = generatedEventInputs(6, "2022");
    const cache = mkdtempSync(join(tmpdir(), "events-links-"));
    const before = process.env["ARCHIVE_CACHE_DIR"];
    process.env["ARCHIVE_CACHE_DIR"] = cache;
    try {
      const here = siteEvents(inputs, forms);
      expect(await eventsAside(inputs, forms)).toEqual(here);
      const dir = join(cache, readdirSync(cache).find((d) => d.startsWith("event-links-"))!);
      expect(readdirSync(dir).sort()).toEqual(["key", "links.v8"]);

      // A headline edit keeps every grouping field: the linking kept is this build's, and right.
      const retitled = inputs.map((a, i) => (i === 10 ? { ...a, title: "An edited headline" } : a));
      expect(await eventsAside(retitled, forms)).toEqual(siteEvents(retitled, forms));

      // Shown to be read: a kept linking with no links gives no events made by similarity.
      const file = join(dir, "links.v8");
      const kept = deserialize(readFileSync(file)) as { key: string; links: { components: number[][]; evidence: unknown[][] } };
      writeFileSync(file, serialize({ ...kept, links: { ...kept.links, components: [], evidence: [] } }));
      expect((await eventsAside(retitled, forms)).events.filter((e) => e.basis === "similarity")).toEqual([]);

      // A body edit changes a grouping field: the reports are linked again, as in place.
      const rewritten = retitled.map((a, i) => (i === 20 ? { ...a, body: a.body.slice(0, a.body.length / 2) } : a));
      const rewrittenHere = siteEvents(rewritten, forms);
      expect(rewrittenHere.events.length).toBeGreaterThan(5);
      expect(await eventsAside(rewritten, forms)).toEqual(rewrittenHere);
    } finally {
      if (before === undefined) delete process.env["ARCHIVE_CACHE_DIR"];
      else process.env["ARCHIVE_CACHE_DIR"] = before;
    }
  }, 120_000);
});
