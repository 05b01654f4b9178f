/** Static files (public/, raw/) are copied once: a later build knows an unchanged copy by its size and time. */
import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyStatic, isCurrent, staticFiles } from "../../src/build/static-files.ts";

describe("static files", () => {
  it("takes a copy for current whatever the fraction of a millisecond in its source's time, and a changed source for not", () => {
    const dir = mkdtempSync(join(tmpdir(), "static-"));
    const site = mkdtempSync(join(tmpdir(), "static-site-"));
    for (const fraction of [0.1583559, 0.9999, 0.5, 0]) {
      writeFileSync(join(dir, "scrape.txt"), "as scraped");
      const [file] = staticFiles(dir, null);
      utimesSync(file!.source, 1_700_000_000 + fraction, 1_700_000_000 + fraction);
      copyStatic(file!, site);
      expect(isCurrent(file!, site), `time …${fraction}`).toBe(true);
      writeFileSync(file!.source, "changed since");
      expect(isCurrent(file!, site)).toBe(false);
    }
  });
});
