/** The terminal summary of an ingest: short however many articles it wrote, with every refused file named. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runIngest } from "../../src/cli/ingest.ts";
import { LISTED, summarise, type IngestReport } from "../../src/ingest/report.ts";
import { article } from "../bad-input/article.ts";
import { rawFolder } from "../bad-input/run.ts";

describe("the summary of a large ingest", () => {
  const count = LISTED + 5;
  // Undated articles (no date line, no dated neighbour to infer one from) beside one refused file.
  const undated = (mark: string) => article(mark).replace(/^Published: .*\n/m, "");
  const dir = rawFolder([
    ...Array.from({ length: count }, (_, i) => ({ name: `${String(i).padStart(3, "0")}.txt`, bytes: Buffer.from(undated(`number ${i}`)) })),
    { name: "empty.txt", bytes: Buffer.alloc(0) },
  ]);
  const reportFile = join(dir, "report.json");
  const status = runIngest({ input: join(dir, "raw"), output: dir, reportFile, quiet: true });
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as IngestReport;
  const lines = summarise(report, dir, reportFile).split("\n");

  it("counts the articles and points to the report for each one, rather than listing them", () => {
    expect(status).toBe(1);
    expect(report.articles).toHaveLength(count);
    expect(lines[0]).toBe(`ingest ${dir}: ${count} articles (${count} new, 0 updated, 0 unchanged, 0 edited by hand and kept), 1 refused`);
    expect(lines).toContain(`  each article's date, source, quotes and what was removed: in ${reportFile}`);
    expect(lines.filter((l) => l.startsWith("    date "))).toEqual([]);
  });

  it("names every refused file with why, and the first undated articles with how many more the report lists", () => {
    expect(lines).toContain("  refused raw/empty.txt: the file is empty");
    expect(report.undated).toHaveLength(count);
    expect(lines.filter((l) => l.startsWith("  undated: "))).toHaveLength(LISTED);
    expect(lines).toContain(`  … and 5 more, listed in ${reportFile}`);
    expect(lines.length).toBeLessThan(LISTED + 10);
  });

  it("lists each article of a small ingest", () => {
    const small = rawFolder([{ name: "one.txt", bytes: Buffer.from(article("alone")) }]);
    writeFileSync(join(small, "raw", "two.txt"), article("second"));
    const file = join(small, "report.json");
    runIngest({ input: join(small, "raw"), output: small, reportFile: file, quiet: true });
    const text = summarise(JSON.parse(readFileSync(file, "utf8")) as IngestReport, small, file);
    expect(text.split("\n").filter((l) => l.startsWith("    date 2022-03-03 "))).toHaveLength(2);
    expect(text).not.toContain("each article's");
  });
});
