/** Dates from the archive: inferred only from corroborating dated neighbours, low, with the neighbours named. */
import { describe, expect, it } from "vitest";
import { ingestArchive, type RawFile } from "../../src/ingest/archive.ts";
import { loadRegistries } from "../../src/registry.ts";

const registries = loadRegistries();
const file = (name: string, text: string): RawFile => ({ path: `raw/${name}`, bytes: new TextEncoder().encode(text) });

// Own texts: two dated reports of one summit, two dated reports of something else entirely.
const summitA = file(
  "a.txt",
  " date 2023-03-01 Leaders meet in Minsk over border talks\n\nGerman Chancellor Olaf Scholz and French President Emmanuel Macron arrived in Minsk for talks with Belarus on the border crisis, officials said on Wednesday.",
);
const summitB = file(
  "b.txt",
  " date 2023-03-02 Border talks in Minsk end without a deal\n\nOlaf Scholz and Emmanuel Macron left Minsk after a second day of talks with Belarus, and said the border crisis was far from over.",
);
const other1 = file("c.txt", " date 2019-06-01 Johnson speaks in London\n\nBoris Johnson spoke in London about Iran and the nuclear deal, saying that talks must go on.");
const other2 = file("d.txt", " date 2019-06-05 Tusk visits Krakow\n\nDonald Tusk visited Krakow in Poland and spoke about the European Union budget for the coming years.");

function undated(name: string, text: string) {
  const result = ingestArchive([summitA, summitB, other1, other2, file(name, text)], registries);
  const article = result.articles.find((a) => a.record.raw === `raw/${name}`);
  if (!article) throw new Error("not ingested");
  return article;
}

describe("inferred dates", () => {
  it("own: an undated report of the same summit takes the neighbours' date, low, naming both", () => {
    const a = undated("u.txt", "Summit ends in Minsk\n\nMr Scholz and Mr Macron met officials of Belarus in Minsk, where the border crisis dominated the talks, Olaf Scholz said.\n\nEmmanuel Macron said more talks would follow.");
    expect([a.record.date, a.record.date_basis, a.record.date_confidence]).toEqual(["2023-03-02", "inferred", "low"]);
    expect(a.record.date_evidence).toMatch(/inferred from 2 dated articles/);
    expect(a.record.date_evidence).toContain("2023-03-01-leaders-meet-in-minsk-over-border-talks");
    expect(a.record.date_evidence).toContain("2023-03-02-border-talks-in-minsk-end-without-a-deal");
    expect(a.warnings.join(" ")).toMatch(/editor should confirm/);
  });

  it("own: a month and day without a year is placed in the neighbours' year", () => {
    const a = undated("p.txt", "Summit goes on\n\nMINSK, Mar 3 (Reuters) - Olaf Scholz and Emmanuel Macron stayed in Minsk for a third day of talks with Belarus on the border crisis.");
    expect([a.record.date, a.record.date_basis]).toEqual(["2023-03-03", "inferred"]);
    expect(a.record.date_evidence).toMatch(/03-03 without a year/);
  });

  it("own: a month and day far from the neighbours is not placed", () => {
    const a = undated("f.txt", "Summit planned\n\nMINSK, Oct 9 (Reuters) - Olaf Scholz and Emmanuel Macron plan talks in Minsk with Belarus on the border crisis.");
    expect(a.record.date).toBeNull();
    expect(a.warnings.join(" ")).toMatch(/more than 31 days/);
  });

  it("own: a date the text states (a caption) vetoes an older inference", () => {
    const a = undated("v.txt", "Summit memories\n\nOlaf Scholz and Emmanuel Macron in Minsk on June 1, 2025. (Jane Doe/AP)\n\nOlaf Scholz and Emmanuel Macron recalled their talks in Minsk with Belarus on the border crisis.");
    expect(a.record.date).toBeNull();
    expect(a.warnings.join(" ")).toMatch(/states 2025-06-01/);
  });

  it("own: places alone, without a shared person, are not the same events", () => {
    const a = undated("pl.txt", "Storm in Minsk\n\nA storm hit Minsk and other towns of Belarus on the border overnight, and the border crossings were closed, officials said.");
    expect(a.record.date).toBeNull();
  });

  it("own: one neighbour is not enough", () => {
    const a = undated("o.txt", "Tusk again\n\nDonald Tusk was back in Krakow, Poland, talking about the budget of the European Union.");
    expect([a.record.date, a.record.date_basis]).toEqual([null, "unknown"]);
    expect(a.warnings.join(" ")).toMatch(/only one dated article/);
  });

  it("own: an article sharing only the common names gets no date", () => {
    const a = undated("n.txt", "Nothing in common\n\nA farmer in Wales grew a very large marrow this summer and won a prize for it at the village show.");
    expect(a.record.date).toBeNull();
    expect(a.record.date_basis).toBe("unknown");
  });
});
