import { describe, expect, it } from "vitest";
import { compareCoverage, type CoverageInput } from "../../src/events/compare.ts";
import { quoteKey, quotesMatch } from "../../src/events/quotes.ts";

const state = { country: "Atlantis", ownership: "state-owned" };
const privateUk = { country: "United Kingdom", ownership: "private" };

function input(id: string, source: string, body: string, quotes: string[], people: string[], facts: CoverageInput["facts"]): CoverageInput {
  return { id, source, body, people, quotes: quotes.map((text) => ({ speaker: null, text })), facts };
}

const reports = [
  input(
    "wire",
    "Wire",
    "The minister said the bridge would reopen on Monday after repairs costing four million pounds.\n\n" +
      '"We will reopen the bridge on Monday, as promised to every commuter," the minister said.\n\n' +
      "Engineers found cracks in two of the bridge supports last month.",
    ["We will reopen the bridge on Monday, as promised to every commuter", "Safety comes first"],
    ["Ada Minister", "Ben Engineer"],
    privateUk,
  ),
  input(
    "state",
    "State TV",
    "Repairs costing four million pounds mean the bridge will reopen on Monday, the minister said.\n\n" +
      '"We will reopen the bridge on Monday," she told state television.\n\n' +
      "Opposition deputies called the repair contract a scandal and demanded an inquiry.",
    ["We will reopen the bridge on Monday"],
    ["Ada Minister", "Cy Deputy"],
    state,
  ),
  input("unknown", "Unknown", "A short note on the bridge reopening with no quote at all in it.", [], [], null),
];

describe("comparing one event's reports", () => {
  const c = compareCoverage(reports);

  it("matches a quote cut short to its fuller version in another outlet", () => {
    expect(c.sharedQuotes).toHaveLength(1);
    expect(c.sharedQuotes[0]!.outlets).toEqual(["Wire", "State TV"]);
    expect(c.reports[0]!.quotes[0]!.alsoIn).toEqual(["State TV"]);
    expect(c.reports[1]!.quotes[0]!.alsoIn).toEqual(["Wire"]);
  });

  it("marks the quotes only one outlet carried", () => {
    expect(c.reports[0]!.quotes[1]).toMatchObject({ text: "Safety comes first", alsoIn: [] });
  });

  it("does not match quotes that share only a stock phrase", () => {
    expect(quotesMatch(quoteKey("to take the path of diplomacy"), quoteKey("We strongly encourage them to engage and choose the path of diplomacy"))).toBe(false);
    expect(quotesMatch(quoteKey("change in the tone"), quoteKey("a change in the tone of British rhetoric"))).toBe(true);
  });

  it("finds the sentences only one outlet's report carries", () => {
    expect(c.reports[0]!.onlyHere).toEqual(["Engineers found cracks in two of the bridge supports last month."]);
    expect(c.reports[1]!.onlyHere).toEqual(["Opposition deputies called the repair contract a scandal and demanded an inquiry."]);
  });

  it("lists whom each outlet named", () => {
    expect(c.people.map((p) => [p.name, p.namedBy])).toEqual([
      ["Ada Minister", [true, true, false]],
      ["Ben Engineer", [true, false, false]],
      ["Cy Deputy", [false, true, false]],
    ]);
  });

  it("summarises the coverage by outlet, ownership and country; an unknown source is an outlet of its own", () => {
    expect(c.summary.reports).toBe(3);
    expect(c.summary.outlets).toBe(3);
    expect(c.reports[2]!.outlet).toBe("Unknown outlet 1");
    expect(c.summary.byOwnership).toEqual([
      { label: "private", outlets: ["Wire"] },
      { label: "state-owned", outlets: ["State TV"] },
      { label: "not known", outlets: ["Unknown outlet 1"] },
    ]);
    expect(c.summary.byCountry.map((l) => l.label)).toEqual(["Atlantis", "United Kingdom", "not known"]);
  });

  it("counts an outlet that ran the quoted words without quotation marks as carrying the quote", () => {
    const paraphrase = input(
      "plain",
      "Plain News",
      "The minister promised commuters: we will reopen the bridge on Monday, as promised to every commuter. Repairs went on.",
      [],
      [],
      null,
    );
    const withPlain = compareCoverage([reports[0]!, paraphrase]);
    expect(withPlain.reports[0]!.quotes[0]!.alsoIn).toEqual(["Plain News"]);
    expect(withPlain.sharedQuotes[0]!.versions.map((v) => [v.outlet, v.text])).toEqual([
      ["Wire", "We will reopen the bridge on Monday, as promised to every commuter"],
      ["Plain News", "The minister promised commuters: we will reopen the bridge on Monday, as promised to every commuter."],
    ]);
    expect(withPlain.reports[0]!.quotes[1]!.alsoIn).toEqual([]);
  });
});
