/**
 * The events worked out in a process of their own (prepareSiteData), with each report's analysis and each
 * event's comparison of its reports kept across builds, are the events worked out in place
 * (buildSiteData): from an empty cache, from a full one, and after an edit.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eventsAside, startEventsAside } from "../../src/build/site-events.ts";
import { siteEvents } from "../../src/events/site.ts";
import { generatedEventInputs } from "../helpers/event-inputs.ts";
import { keepCacheDir } from "../helpers/paths.ts";

/** The processes this one started that are still running. */
function children(): string[] {
  try {
    return execFileSync("ps", ["-o", "args=", "--ppid", String(process.pid)], { encoding: "utf8" }).split("\n").filter((l) => l && !l.startsWith("ps "));
  } catch {
    return []; // ps exits 1 when it lists none
  }
}

/** The events processes still running after they have had up to `ms` to end. */
async function eventsProcessesAfter(ms: number): Promise<string[]> {
  const end = Date.now() + ms;
  for (;;) {
    const left = children().filter((c) => c.includes("events-process"));
    if (left.length === 0 || Date.now() > end) return left;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("events beside the rest of the site data", () => {
  it("in a process of their own, are the events of the same articles grouped in place", async () => {
    const { inputs, forms } = generatedEventInputs(5, "2022");
    expect(inputs.length).toBe(600);
    const cache = mkdtempSync(join(tmpdir(), "events-cache-"));
    const restore = keepCacheDir(cache); // the events process takes a copy of this process's environment
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
      restore();
    }
  }, 120_000);

  it("take the linking of the reports from the cache while every report's grouping fields are as the last build's", async () => {
    const { inputs, forms } = generatedEventInputs(6, "2022");
    const cache = mkdtempSync(join(tmpdir(), "events-links-"));
    const restore = keepCacheDir(cache);
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
      restore();
    }
  }, 120_000);

  it("use the process started before the records were read, and leave none behind when it is not needed after all", async () => {
    const { inputs, forms } = generatedEventInputs(5, "2022");
    const restore = keepCacheDir(mkdtempSync(join(tmpdir(), "events-early-")));
    try {
      startEventsAside(inputs.length);
      expect(children().filter((c) => c.includes("events-process"))).toHaveLength(1);
      const answer = eventsAside(inputs, forms);
      expect(children().filter((c) => c.includes("events-process"))).toHaveLength(1); // the one started, not a second
      expect(await answer).toEqual(siteEvents(inputs, forms));
      expect(await eventsProcessesAfter(5000)).toEqual([]);

      startEventsAside(inputs.length);
      const few = inputs.slice(0, 50); // fewer than go to a process of their own
      expect(await eventsAside(few, forms)).toEqual(siteEvents(few, forms));
      expect(await eventsProcessesAfter(5000)).toEqual([]);
    } finally {
      restore();
    }
  }, 120_000);

  it("say why when the events process fails, and leave no process behind, as they do when it answers", async () => {
    const { inputs, forms } = generatedEventInputs(5, "2022");
    const cache = mkdtempSync(join(tmpdir(), "events-unwritable-"));
    const restore = keepCacheDir(cache);
    try {
      await eventsAside(inputs, forms);
      expect(await eventsProcessesAfter(5000)).toEqual([]); // let go once it answered, it ends

      // A cache folder that is a file: the events process cannot keep its work, and says so.
      const file = join(cache, "a-file");
      writeFileSync(file, "");
      process.env["ARCHIVE_CACHE_DIR"] = file;
      await expect(eventsAside(inputs, forms)).rejects.toThrow(/grouping the events failed: .*(ENOTDIR|EEXIST)/);
      expect(await eventsProcessesAfter(5000)).toEqual([]);
    } finally {
      restore();
    }
  }, 120_000);
});
