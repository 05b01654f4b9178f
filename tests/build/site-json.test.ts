import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSiteJson, writeSiteJson } from "../../src/build/site-json.ts";
import { keepWarm } from "../../src/build/warm.ts";

describe("a site's JSON files in a long-running build", () => {
  const dir = mkdtempSync(join(tmpdir(), "site-json-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  keepWarm();

  it("are taken as last written while their text is the same, and read again once it changed", () => {
    const value = { pages: { "a/index.html": "x1" } };
    writeSiteJson(dir, "m.json", value);
    expect(readSiteJson(dir, "m.json")).toBe(value); // the same object: not parsed again
    writeFileSync(join(dir, "m.json"), JSON.stringify({ pages: { "a/index.html": "x2" } }) + "\n"); // an edit by hand
    const edited = readSiteJson<typeof value>(dir, "m.json");
    expect(edited).toEqual({ pages: { "a/index.html": "x2" } });
    expect(readSiteJson(dir, "m.json")).toBe(edited);
  });

  it("are known by their text after the build moves them from its staging folder into the site", () => {
    const staging = mkdtempSync(join(dir, "staging-"));
    const site = mkdtempSync(join(dir, "site-"));
    const value = { bundles: ["pagefind"] };
    writeSiteJson(staging, "search.json", value, 2);
    renameSync(join(staging, "search.json"), join(site, "search.json"));
    expect(readSiteJson(site, "search.json")).toBe(value);
  });

  it("are null where missing or damaged", () => {
    expect(readSiteJson(dir, "none.json")).toBeNull();
    expect(readSiteJson(undefined, "m.json")).toBeNull();
    writeFileSync(join(dir, "bad.json"), "{ not json");
    expect(readSiteJson(dir, "bad.json")).toBeNull();
  });
});
