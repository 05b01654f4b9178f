import { describe, expect, it } from "vitest";
import { groupEvents, GROUPING, LinkMemo, type EventInput } from "../../src/events/group.ts";
import { generatedEventInputs } from "../helpers/event-inputs.ts";

// Small synthetic records: two stories told by different outlets, and what keeps reports apart.
function report(id: string, date: string | null, over: Partial<EventInput> = {}): EventInput {
  return {
    id,
    title: id,
    date,
    source: "Outlet",
    people: [],
    places: [],
    organisations: [],
    quotes: [],
    body: "",
    event: null,
    ...over,
  };
}

const summit = (id: string, date: string | null, source: string) =>
  report(id, date, {
    source,
    people: ["Anna Berg", "Tomas Field"],
    places: ["Oslo"],
    organisations: ["Harbour Council"],
    quotes: [{ speaker: "Anna Berg", text: "We will not sign a treaty that gives away the northern fishing grounds" }],
    body:
      `Anna Berg met Tomas Field in Oslo for talks on the fishing dispute (${source}).\n\n` +
      "Anna Berg said the Harbour Council would meet again. Tomas Field called the talks frank.\n\n" +
      `"We will not sign a treaty that gives away the northern fishing grounds," Berg said.`,
  });

const flood = (id: string, date: string | null, source: string) =>
  report(id, date, {
    source,
    people: ["Marta Quinn", "Ivo Lund"],
    places: ["Riverton"],
    quotes: [{ speaker: "Marta Quinn", text: "The levee held for six hours before the water came through" }],
    body:
      "Marta Quinn toured flooded Riverton with Ivo Lund after the levee broke.\n\n" +
      `"The levee held for six hours before the water came through," Quinn told reporters (${source}).`,
  });

describe("grouping reports into events", () => {
  it("puts reports of one event together and states what joined them", () => {
    const result = groupEvents([summit("a", "2024-03-01", "One"), summit("b", "2024-03-02", "Two"), flood("c", "2024-03-01", "Three")]);
    expect(result.events).toHaveLength(1);
    const [event] = result.events;
    expect(event!.members).toEqual(["a", "b"]);
    expect(event!.basis).toBe("similarity");
    expect([event!.start, event!.end]).toEqual(["2024-03-01", "2024-03-02"]);
    const [link] = event!.links;
    expect(link).toMatchObject({ a: "a", b: "b", gap_days: 1 });
    expect(link!.names).toEqual(expect.arrayContaining(["Anna Berg", "Tomas Field"]));
    expect(link!.quotes).toEqual(["We will not sign a treaty that gives away the northern fishing grounds"]);
    expect(link!.score).toBeGreaterThanOrEqual(GROUPING.threshold);
  });

  it("names an event after the people most reports name and where it happened", () => {
    const result = groupEvents([summit("a", "2024-03-01", "One"), summit("b", "2024-03-02", "Two")]);
    expect(result.events[0]!.name).toBe("Anna Berg and Tomas Field in Oslo");
    expect(result.events[0]!.slug).toBe("2024-03-01-anna-berg-and-tomas-field-in-oslo");
  });

  it("leaves an article that shares no event alone, with no event", () => {
    const result = groupEvents([summit("a", "2024-03-01", "One"), flood("c", "2024-03-01", "Three")]);
    expect(result.events).toEqual([]);
    expect(result.stats.alone).toBe(2);
  });

  it("never links reports further apart than the date window", () => {
    const apart = groupEvents([summit("a", "2024-03-01", "One"), summit("b", "2024-03-10", "Two")]);
    expect(apart.events).toEqual([]);
    const edge = groupEvents([summit("a", "2024-03-01", "One"), summit("b", `2024-03-0${1 + GROUPING.windowDays}`, "Two")]);
    expect(edge.events).toHaveLength(1);
  });

  it("keeps a run of daily reports on one subject from chaining past the longest event span", () => {
    const days = Array.from({ length: 20 }, (_, i) => summit(`d${String(i).padStart(2, "0")}`, `2024-05-${String(i + 1).padStart(2, "0")}`, `Outlet ${i}`));
    const result = groupEvents(days);
    const dayOf = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    for (const e of result.events) expect(dayOf(e.end) - dayOf(e.start)).toBeLessThanOrEqual(GROUPING.maxSpanDays);
    expect(result.refused.length).toBeGreaterThan(0);
    expect(result.refused[0]!.reason).toMatch(/past 7 days/);
  });

  it("follows the editor's event field: same value, one event; none, alone", () => {
    const result = groupEvents([
      summit("a", "2024-03-01", "One"),
      summit("b", "2024-03-02", "Two"),
      { ...summit("c", "2024-03-02", "Three"), event: "none" },
      { ...flood("d", "2024-03-01", "Four"), event: "Fishing Talks" },
      { ...flood("e", null, "Five"), event: "fishing-talks" },
      { ...flood("f", "2024-03-01", "Six"), event: "only-me" },
    ]);
    const editor = result.events.find((e) => e.basis === "editor")!;
    expect(editor.slug).toBe("fishing-talks");
    expect(editor.members).toEqual(["d", "e"]);
    expect(editor.links).toEqual([]);
    const auto = result.events.find((e) => e.basis === "similarity")!;
    expect(auto.members).toEqual(["a", "b"]);
    expect(result.excluded).toContainEqual({ id: "c", reason: "event: none (editor)" });
    expect(result.lone_editor_events).toEqual([{ event: "only-me", id: "f" }]);
    expect(result.events.flatMap((e) => e.members)).not.toContain("f");
  });

  it("groups undated articles only by the editor's field", () => {
    const result = groupEvents([summit("a", "2024-03-01", "One"), summit("u", null, "Two")]);
    expect(result.events).toEqual([]);
    expect(result.excluded.map((x) => x.id)).toEqual(["u"]);
  });

  it("gives the same events whatever order the articles come in", () => {
    const list = [summit("a", "2024-03-01", "One"), flood("c", "2024-03-01", "Three"), summit("b", "2024-03-02", "Two"), flood("d", "2024-03-03", "Four")];
    const forward = groupEvents(list);
    expect(forward.events).toHaveLength(2);
    expect(groupEvents([...list].reverse())).toEqual(forward);
  });

  it("compares only reports close in time that share a name or phrase (blocking), not every pair", () => {
    // 300 reports over 150 days: each day, two outlets report one story of its own.
    const list: EventInput[] = [];
    for (let d = 0; d < 150; d++) {
      const date = new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10);
      for (const outlet of ["One", "Two"]) {
        list.push(
          report(`s${d}-${outlet}`, date, {
            source: outlet,
            people: [`Person ${d} Alpha`, `Person ${d} Beta`],
            places: ["Capital"],
            body: `Person ${d} Alpha and Person ${d} Beta signed accord number ${d} in the capital.`,
          }),
        );
      }
    }
    const result = groupEvents(list);
    expect(result.events).toHaveLength(150);
    expect(result.events.every((e) => e.members.length === 2 && e.start === e.end)).toBe(true);
    // All pairs would be 44,850; the shared place "Capital" is in every report but proposes only
    // reports within the window, and each day's own names propose its partner.
    expect(result.stats.compared_pairs).toBeLessThan(list.length * 2 * (GROUPING.windowDays + 1));
  });

  it("lets no name or phrase that many reports in the window carry propose candidates", () => {
    const list = Array.from({ length: 6 }, (_, i) => summit(`r${i}`, "2024-03-01", `Outlet ${i}`));
    expect(groupEvents(list).events).toHaveLength(1);
    // With 2 as the limit, every name and phrase here is too common in these days to single out a story.
    const capped = groupEvents(list, {}, { ...GROUPING, commonInWindow: 2 });
    expect(capped.stats.compared_pairs).toBe(0);
    expect(capped.events).toEqual([]);
  });

  it("does not count people common in those days as particular to one story", () => {
    // 60 reports in one day all name the same two leaders; two by two they share a town.
    const day = (k: number, outlet: string, people: string[]) =>
      report(`t${String(k).padStart(2, "0")}-${outlet}`, "2024-06-01", {
        source: outlet,
        people,
        places: [`Town ${k}`],
        body: `Report ${k} ${outlet}.`,
      });
    const leaders = ["Big Leader", "Other Leader"];
    const list = Array.from({ length: 30 }, (_, k) => [day(k, "One", leaders), day(k, "Two", leaders)]).flat();
    expect(groupEvents(list).events).toEqual([]);
    // The same, with each town's own two officials named in both of its reports: 30 events.
    const own = (k: number) => [...leaders, `Mayor ${k}`, `Clerk ${k}`];
    const withOwn = Array.from({ length: 30 }, (_, k) => [day(k, "One", own(k)), day(k, "Two", own(k))]).flat();
    const events = groupEvents(withOwn).events;
    expect(events).toHaveLength(30);
    expect(events.every((e) => e.members.length === 2 && e.members[0]!.slice(0, 3) === e.members[1]!.slice(0, 3))).toBe(true);
  });

  it("links the reports again only when an edit changes what links them, and groups as from nothing either way", () => {
    const { inputs: articles, forms } = generatedEventInputs(11, "2021", 300);
    const inputs: EventInput[] = articles.map((a) => ({ ...a, id: a.slug }));
    const memo = new LinkMemo();
    const first = groupEvents(inputs, forms, GROUPING, undefined, memo);
    expect(first.events.length).toBeGreaterThan(3);
    expect(first).toEqual(groupEvents(inputs, forms));
    const linked = memo.links;

    // A new headline: the same links (an event is named by its headline only when no name or place is shared).
    const member = first.events.find((e) => e.basis === "similarity")!.members[0]!;
    const retitled = inputs.map((a) => (a.id === member ? { ...a, title: "A headline written by an editor" } : a));
    const afterTitle = groupEvents(retitled, forms, GROUPING, undefined, memo);
    expect(memo.links).toBe(linked);
    expect(afterTitle).toEqual(groupEvents(retitled, forms));

    // The same values in new objects (a record read again) link as before too.
    groupEvents(retitled.map((a) => ({ ...a, people: [...a.people] })), forms, GROUPING, undefined, memo);
    expect(memo.links).toBe(linked);

    // A new body is linked again: the member's event loses it.
    const rewritten = retitled.map((a) => (a.id === member ? { ...a, body: "A short note on the weather.", people: [], places: [], organisations: [], quotes: [] } : a));
    const afterBody = groupEvents(rewritten, forms, GROUPING, undefined, memo);
    expect(memo.links).not.toBe(linked);
    expect(afterBody).toEqual(groupEvents(rewritten, forms));
    expect(afterBody.events.some((e) => e.members.includes(member))).toBe(false);
  });
});
