/** Publisher, agency and photo credits kept apart; the whole pipeline on texts written for the test. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalise } from "../../src/ingest/normalise.ts";
import { agencyByline, bylineName, chooseSource, datelineAgency, lookupSource } from "../../src/ingest/source.ts";
import { loadRegistries } from "../../src/registry.ts";

const registries = loadRegistries();
const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
const raw = { path: "raw/x.txt", sha256: "0" };

describe("sources", () => {
  it.each([
    ["seed 002: sign-off with 'and agencies'", "TRTWorld and agencies", "TRT World"],
    ["own: alias", "Russia Today", "RT"],
    ["own: unknown", "The Daily Bugle", null],
  ])("%s", (_name, text, expected) => {
    expect(lookupSource(text, registries.sources)?.name ?? null).toBe(expected);
  });

  it("own: a byline in capitals becomes a name", () => {
    expect(bylineName("By ADAM SCHRECK")).toBe("Adam Schreck");
    expect(bylineName("By Jane McDonald")).toBe("Jane McDonald");
  });

  it("seed 004: By Press Association is the agency, not the publisher", () => {
    const s = chooseSource({ signoff: null, bylines: [bylineName("By Press Association")!], datelineAgency: null }, "", registries.sources);
    expect([s.source, s.source_basis, s.agency]).toEqual(["Unknown", "unknown", "Press Association"]);
  });

  it("seed 002: the sign-off names the publisher", () => {
    const s = chooseSource({ signoff: "TRTWorld and agencies", bylines: [], datelineAgency: null }, "", registries.sources);
    expect([s.source, s.source_basis]).toEqual(["TRT World", "signoff"]);
  });

  it.each([
    ["own: place and date", "LONDON, April 12 (Reuters) - The minister said", "Reuters"],
    ["own: date only", "Feb 10 (Reuters) - Moscow is yet to receive an offer", "Reuters"],
    ["own: AP style", "KYIV, Ukraine (AP) — Russia assaulted cities", "AP"],
    ["own: a bracket in running text is no dateline", "The agency (AFP) said on Monday - later - that", null],
  ])("dateline agency: %s", (_name, line, agency) => {
    expect(datelineAgency(line)).toBe(agency);
  });

  it("own: 'Reuters, Washington' under the headline credits the agency; an unknown name is not an author", () => {
    const withAgency = normalise("Arms for the front\nReuters, Washington\nThe United States will send more artillery, the president told reporters on Tuesday.\nMore details were due later in the week, officials said.", raw, registries);
    const unknown = normalise("Arms for the front\nKyiv, Ukraine\nThe United States will send more artillery, the president told reporters on Tuesday.\nMore details were due later in the week, officials said.", raw, registries);
    if (!withAgency.ok || !unknown.ok) throw new Error("refused");
    expect([withAgency.draft.record.agency, withAgency.draft.record.author]).toEqual(["Reuters", null]);
    expect([unknown.draft.record.agency, unknown.draft.record.author]).toEqual([null, null]);
  });

  it("own: a capitals signature with its agency", () => {
    expect(agencyByline("JANE ROE , Associated Press, Associated Press")).toEqual(["Jane Roe", "Associated Press"]);
    expect(agencyByline("Talks went on, officials said")).toBeNull();
  });

  it("seed 003: the site's known boilerplate is its signature", () => {
    const s = chooseSource({ signoff: null, bylines: [], datelineAgency: null }, "We use your sign-up to provide content in ways you’ve consented to", registries.sources);
    expect([s.source, s.source_basis]).toEqual(["Express", "signature"]);
  });
});

describe("the whole pipeline on own fixtures", () => {
  it("refuses a cookie policy page with a clear reason", () => {
    const r = normalise(fixture("cookie-policy.txt"), raw, registries);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/not an article: a cookie or privacy policy page/);
  });

  it("refuses a page of other stories' headlines", () => {
    const r = normalise(fixture("hub-page.txt"), raw, registries);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/not an article: a page of other stories' headlines/);
  });

  it("keeps an article whose paragraphs are short sentences", () => {
    const text = ["Budget vote delayed", ...Array.from({ length: 8 }, (_, i) => `The council met again on day ${i + 1} and did not vote.`)].join("\n");
    expect(normalise(text, raw, registries).ok).toBe(true);
  });

  it("a wire story: prefix date with the stamp's time, agency, photo credit, clean body, quote", () => {
    const r = normalise(fixture("wire-article.txt"), raw, registries);
    if (!r.ok) throw new Error(r.reason);
    const rec = r.draft.record;
    expect([rec.title, rec.title_basis]).toEqual(["Harbour strike ends after a week of talks", "headline"]);
    expect([rec.date, rec.time, rec.date_basis, rec.date_confidence]).toEqual(["2023-05-04", "09:05", "prefix", "high"]);
    expect([rec.source, rec.agency, rec.credits]).toEqual(["Unknown", "Press Association", ["Jane Roe/PA"]]);
    expect(rec.quotes).toEqual([{ speaker: null, text: "This is a fair result for everyone who works on the docks" }]);
    expect(r.draft.body).toBe(
      [
        "Dock workers in the port city have voted to end a week-long strike after talks with the harbour board.",
        "Union leaders said the deal met their main demands on pay and hours.",
        "“This is a fair result for everyone who works on the docks,” union secretary Mary Holt said.",
        "The harbour board said ships would be loaded again from Friday morning.",
      ].join("\n\n") + "\n",
    );
    expect(rec.removed.map((x) => x.kind)).toEqual(["byline", "caption", "dateline", "icon-labels", "read-more"]);
  });
});
