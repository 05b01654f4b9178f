/** Date candidates and the choice of one publication date: seed lines and lines written for the test. */
import { describe, expect, it } from "vitest";
import { chooseDate, findDateCandidates, nextWeekday, PREFIX } from "../../src/ingest/dates.ts";

const one = (line: string) => findDateCandidates([line]).map((c) => ({ kind: c.kind, date: c.date, monthDay: c.monthDay, time: c.time }));

describe("candidates", () => {
  it.each([
    ["seed 002: a date stamp line", "February 9, 2022", { kind: "published", date: "2022-02-09", monthDay: "02-09", time: null }],
    ["seed 004: date and time, pm", "December 2, 2021, 4:17 pm", { kind: "published", date: "2021-12-02", monthDay: "12-02", time: "16:17" }],
    ["own: p.m. with 'at'", "April 19, 2022 at 12:19 p.m.", { kind: "published", date: "2022-04-19", monthDay: "04-19", time: "12:19" }],
    ["own: day first, dotted time", "19 April 2022, 7.51pm", { kind: "published", date: "2022-04-19", monthDay: "04-19", time: "19:51" }],
    ["own: year/month/day stamp", "2022/04/19 21:01", { kind: "published", date: "2022-04-19", monthDay: "04-19", time: "21:01" }],
    ["own: time before the date", "Posted: 4:13 PM Apr. 7, 2022", { kind: "published", date: "2022-04-07", monthDay: "04-07", time: "16:13" }],
    ["own: Updated label", "Updated: April 19 2022, 8.32pm", { kind: "updated", date: "2022-04-19", monthDay: "04-19", time: "20:32" }],
    ["own: Reuters dateline, no year", "KYIV, Feb 5 (Reuters) - Ukraine and Russia concluded talks", { kind: "dateline", date: null, monthDay: "02-05", time: null }],
    ["own: a date in running text is a mention", "The talks, held on February 10, 2022, failed.", { kind: "mention", date: "2022-02-10", monthDay: "02-10", time: null }],
    ["own: an unambiguous numeric date", "25/02/2022", { kind: "published", date: "2022-02-25", monthDay: "02-25", time: null }],
    ["own: an ambiguous numeric date is not read", "09/02/2022", { kind: "published", date: null, monthDay: null, time: null }],
    ["own: a month glued to the day", "pictured in Munich on Feb.14 2026.", { kind: "mention", date: "2026-02-14", monthDay: "02-14", time: null }],
    ["own: a month in capitals", "FEB 29, 2024", { kind: "published", date: "2024-02-29", monthDay: "02-29", time: null }],
    ["own: 'Sept' for September", "Sept 3, 2021", { kind: "published", date: "2021-09-03", monthDay: "09-03", time: null }],
  ])("%s", (_name, line, expected) => {
    expect(one(line)[0]).toEqual(expected);
  });

  it("own: one stamp line with a published and an updated date", () => {
    expect(one("Wed Apr 20, 2022 01:20 AM Last update on: Wed Apr 20, 2022 01:26 AM").map((c) => [c.kind, c.time])).toEqual([
      ["published", "01:20"],
      ["updated", "01:26"],
    ]);
  });

  it.each([
    ["29 February of a common year", "February 29, 2022"],
    ["31 April", "31 April 2022"],
    ["a thirteenth month", "2022-13-01"],
    ["day zero", "2022/04/00"],
  ])("own: no such day is no date: %s", (_name, line) => {
    expect(findDateCandidates([line]).filter((c) => c.date !== null)).toEqual([]);
  });

  it("own: a line without a digit still gives its weekday stamp and its relative date", () => {
    expect(findDateCandidates(["Posted Thursday", "updated an hour ago", "Yesterday"]).map((c) => [c.kind, c.weekday ?? null])).toEqual([
      ["published", 4],
      ["relative", null],
      ["relative", null],
    ]);
  });

  it("own: relative dates are found but carry no date", () => {
    expect(findDateCandidates(["Posted 2 days ago"]).map((c) => [c.kind, c.date])).toEqual([["relative", null]]);
  });

  it.each([
    ["the same day", "2022-02-10", 4, "2022-02-10"],
    ["later that week", "2022-02-08", 4, "2022-02-10"],
    ["into the next month", "2022-02-26", 1, "2022-02-28"],
  ])("nextWeekday: %s", (_name, anchor, weekday, expected) => {
    expect(nextWeekday(anchor, weekday)).toBe(expected);
  });

  it("reads the scraper's prefix", () => {
    expect(PREFIX.exec(" date 2022-02-10 © Sputnik")?.[1]).toBe("2022-02-10");
  });
});

describe("choice", () => {
  const choose = (prefix: string | null, lines: string[]) => chooseDate(prefix, findDateCandidates(lines));

  it("seed 004: the prefix, with the stamp's time, is high", () => {
    const c = choose("2021-12-02", ["December 2, 2021, 4:17 pm"]);
    expect([c.date, c.time, c.date_basis, c.date_confidence]).toEqual(["2021-12-02", "16:17", "prefix", "high"]);
    expect(c.date_evidence).toContain("December 2, 2021, 4:17 pm");
  });

  it("own: a prefix that is no day of the calendar is not used, and the warning says so", () => {
    const c = choose("2022-02-29", ["Liz Truss flies to Moscow"]);
    expect([c.date, c.date_basis]).toEqual([null, "unknown"]);
    expect(c.warnings).toContain("the scraper's date 2022-02-29 is no day of the calendar; it was not used");
    expect(choose("2024-02-29", []).date).toBe("2024-02-29");
    expect(choose("2022-04-31", ["April 30, 2022"]).date).toBe("2022-04-30");
  });

  it("seed 002: a stamp line is the text's date, high", () => {
    const c = choose(null, ["February 9, 2022"]);
    expect([c.date, c.date_basis, c.date_confidence, c.date_evidence]).toEqual(["2022-02-09", "text", "high", "February 9, 2022"]);
  });

  it("own: a prefix the text contradicts gives way to the text, at medium", () => {
    const c = choose("2022-02-12", ["February 9, 2022"]);
    expect([c.date, c.date_confidence]).toEqual(["2022-02-09", "medium"]);
    expect(c.warnings.join(" ")).toMatch(/disagree/);
  });

  it("own: only an update date: that date, low, with a warning", () => {
    const c = choose(null, ["Updated 5:44 PM UTC, January 26, 2026"]);
    expect([c.date, c.date_confidence]).toEqual(["2026-01-26", "low"]);
  });

  it("own: a dateline without a year is not a date, but is kept for the archive to place", () => {
    const c = choose(null, ["KYIV, Feb 5 (Reuters) - Ukraine and Russia concluded talks"]);
    expect([c.date, c.date_basis, c.partial]).toEqual([null, "unknown", "02-05"]);
  });

  it("own: a photo caption of the dateline's month and day gives its year, at medium", () => {
    const c = chooseDate(
      null,
      findDateCandidates(["KYIV, Feb 5 (Reuters) - Ukraine and Russia concluded talks"]),
      findDateCandidates(["Soldiers rest near the front, Ukraine, February 5, 2026. John Doe/Handout via REUTERS"]),
    );
    expect([c.date, c.date_basis, c.date_confidence]).toEqual(["2026-02-05", "dateline", "medium"]);
    expect(c.date_evidence).toMatch(/Feb 5; the year from a photo caption/);
  });

  it("own: a caption of another day (a file photo) tells nothing", () => {
    const c = chooseDate(
      null,
      findDateCandidates(["MOSCOW, Feb 10 (Reuters) - Russia said on Monday"]),
      findDateCandidates(["Two leaders meet in Osaka, Japan June 28, 2019. REUTERS/John Doe/File Photo"]),
    );
    expect([c.date, c.partial]).toEqual([null, "02-10"]);
  });

  it("own: a weekday-only stamp is resolved against the latest date the text states, inferred and low", () => {
    const c = chooseDate(null, findDateCandidates(["Posted Thursday 10:45 am"]), [], ["2022-02-07", "2022-02-08"]);
    expect([c.date, c.time, c.date_basis, c.date_confidence]).toEqual(["2022-02-10", "10:45", "inferred", "low"]);
    expect(c.date_evidence).toMatch(/first thursday on or after 2022-02-08/);
  });

  it("own: a weekday-only stamp with no date in the text to anchor it gives no date", () => {
    const c = chooseDate(null, findDateCandidates(["Posted Thursday"]));
    expect([c.date, c.date_basis]).toEqual([null, "unknown"]);
  });

  it("own: a date only mentioned in running text is not the publication date", () => {
    const c = choose(null, ["The invasion began on February 24, 2022, and has not ended."]);
    expect([c.date, c.date_basis]).toEqual([null, "unknown"]);
  });

  it("own: 'on Thursday' and '2 days ago' alone give no date", () => {
    const c = choose(null, ["The talks ended on Thursday.", "Posted 2 days ago"]);
    expect(c.date).toBeNull();
    expect(c.warnings.join(" ")).toMatch(/relative/);
  });

  it("own: an ambiguous numeric stamp gives no date and says why", () => {
    const c = choose(null, ["09/02/2022"]);
    expect(c.date).toBeNull();
    expect(c.warnings.join(" ")).toMatch(/day-first and month-first/);
  });
});
