/**
 * Static files (public/, raw/) are copied once: a later build knows an unchanged copy by its size
 * and time, and a long-running one (npm start) by its source's alone once it has found the copy current.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyStatic, rawFiles, staleStatics, staticFiles } from "../../src/build/static-files.ts";
import { keepWarm } from "../../src/build/warm.ts";

keepWarm();

function folders(): { dir: string; site: string } {
  return { dir: mkdtempSync(join(tmpdir(), "static-")), site: mkdtempSync(join(tmpdir(), "static-site-")) };
}

describe("static files", () => {
  it("takes a copy for current whatever the fraction of a millisecond in its source's time, and a changed source for not", () => {
    const { dir, site } = folders();
    for (const fraction of [0.1583559, 0.9999, 0.5, 0]) {
      writeFileSync(join(dir, "scrape.txt"), "as scraped");
      const files = staticFiles(dir);
      utimesSync(files[0]!.source, 1_700_000_000 + fraction, 1_700_000_000 + fraction);
      expect(staleStatics(files, site)).toEqual(files);
      copyStatic(files[0]!, site);
      expect(staleStatics(files, site), `time …${fraction}`).toEqual([]);
      expect(staleStatics(files, site), "and again, from what the last check found").toEqual([]);
      writeFileSync(files[0]!.source, "changed since");
      expect(staleStatics(files, site)).toEqual(files);
    }
  });

  it("copies again a source that was removed, its copy with it, and put back as it was", () => {
    const { dir, site } = folders();
    writeFileSync(join(dir, "a.txt"), "kept");
    writeFileSync(join(dir, "b.txt"), "removed and put back");
    const files = staticFiles(dir);
    for (const f of files) {
      utimesSync(f.source, 1_700_000_000, 1_700_000_000);
      copyStatic(f, site);
    }
    expect(staleStatics(files, site)).toEqual([]);
    rmSync(join(dir, "b.txt"));
    rmSync(join(site, "b.txt"));
    expect(staleStatics(staticFiles(dir), site)).toEqual([]);
    writeFileSync(join(dir, "b.txt"), "removed and put back");
    utimesSync(join(dir, "b.txt"), 1_700_000_000, 1_700_000_000);
    expect(staleStatics(staticFiles(dir), site).map((f) => f.output)).toEqual(["b.txt"]);
  });

  it("told by a watcher which raw files were saved, looks at those and at public/ again, and not at the other raw files", () => {
    const { dir, site } = folders();
    const raw = join(dir, "raw");
    mkdirSync(raw);
    for (const name of ["one.txt", "two.txt"]) writeFileSync(join(raw, name), "as scraped");
    writeFileSync(join(dir, "style.css"), "body {}");
    const files = staticFiles(join(dir, "public-none"), rawFiles(raw)).concat(staticFiles(dir).filter((f) => f.output === "style.css"));
    for (const f of files) copyStatic(f, site);
    expect(staleStatics(files, site)).toEqual([]); // every copy found current once
    for (const f of files) writeFileSync(f.source, "edited, longer than before");
    const stale = staleStatics(files, site, new Set([join(raw, "one.txt")])).map((f) => f.output);
    expect(stale).toEqual(["raw/one.txt", "style.css"]);
    expect(staleStatics(files, site).map((f) => f.output), "told nothing: every file looked at").toEqual(["raw/one.txt", "raw/two.txt", "style.css"]);
  });
});
