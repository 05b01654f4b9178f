/** The ingest report an editor reads: what was removed, what was guessed, what was refused and why. */
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runIngest } from "../../src/cli/ingest.ts";
import type { IngestReport } from "../../src/ingest/report.ts";
import { tempArchive } from "../helpers/paths.ts";

describe("ingest report on the seeds plus a policy page", () => {
  const dir = tempArchive();
  copyFileSync(join(import.meta.dirname, "fixtures", "cookie-policy.txt"), join(dir, "raw", "900_policy.txt"));
  const reportFile = join(dir, "report.json");
  const status = runIngest({ input: join(dir, "raw"), output: dir, reportFile, quiet: true });
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as IngestReport;
  const byRaw = (raw: string) => report.articles.find((a) => a.raw === raw)!;

  it("refuses the policy page with its reason, and says so in the exit status", () => {
    expect(status).toBe(1);
    expect(report.refused).toEqual([{ raw: "raw/900_policy.txt", reason: expect.stringMatching(/cookie or privacy policy page/) }]);
  });

  it("lists the inferred date to confirm, naming the neighbour articles", () => {
    expect(report.to_confirm).toHaveLength(1);
    expect(report.to_confirm[0]).toMatch(/russia-desperately-tries-to-humiliate-truss.*2022-02-10.*2022-02-09-france-debriefs.*2022-02-10-russian-foreign-minister/);
    expect(byRaw("raw/003_36bb195d2287ec20.txt").low_confidence).toContain("date");
  });

  it("reports what was removed from each article, by kind, with counts that add up", () => {
    const trt = byRaw("raw/002_6e4b762145ad6b7e.txt");
    expect(trt.removed.map((r) => r.kind)).toEqual(expect.arrayContaining(["related-headlines", "read-more", "signoff", "section-label", "reading-time"]));
    expect(trt.removed_lines).toBe(trt.removed.reduce((n, r) => n + r.lines, 0));
    expect(trt.removed.find((r) => r.kind === "read-more")?.lines).toBe(4);
  });

  it("gives the words the publisher, the agency and the title were read from", () => {
    const trt = byRaw("raw/002_6e4b762145ad6b7e.txt");
    expect([trt.source, trt.source_evidence, trt.title_evidence]).toEqual(["TRT World", 'sign-off "SOURCE: TRTWorld and agencies"', "the headline line of the text"]);
    const pa = byRaw("raw/004_16bd10a4b03d5468.txt");
    expect([pa.source, pa.agency, pa.agency_evidence]).toEqual(["Unknown", "Press Association", 'byline "By Press Association"']);
    expect(byRaw("raw/000_0ce2848392501b60.txt").title_evidence).toMatch(/^made from the lead sentence: "Russian Foreign Minister Sergey Lavrov/);
  });

  it("counts quotes left without a speaker for the editor", () => {
    const pa = byRaw("raw/004_16bd10a4b03d5468.txt");
    expect([pa.quotes, pa.quotes_without_speaker]).toEqual([5, 1]);
  });
});
