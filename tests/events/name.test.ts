/**
 * An event's name, worked out again only when what it is made from changed: a long-running build
 * names the same events on every save.
 */
import { describe, expect, it } from "vitest";
import { eventName } from "../../src/events/name.ts";

describe("an event's name", () => {
  let reads = 0;
  const report = (title: string) => ({
    title,
    people: ["Anna Alpha", "Bob Beta"],
    places: [],
    organisations: [],
    get body() {
      reads++;
      return "Anna Alpha met Bob Beta on Tuesday.";
    },
  });
  const members = [report("First report"), report("Second report")];
  const alphaRarer = (name: string) => (name === "Anna Alpha" ? 1 : 5);
  const betaRarer = (name: string) => (name === "Anna Alpha" ? 5 : 1);

  it("names the rarer of two shared people first, and is kept for the same reports, spellings and rarities", () => {
    expect(eventName(members, {}, alphaRarer)).toBe("Anna Alpha and Bob Beta");
    const before = reads;
    expect(eventName([...members], {}, alphaRarer)).toBe("Anna Alpha and Bob Beta");
    expect(reads, "the reports' texts are not read again").toBe(before);
  });

  it("is worked out again when a name's rarity, the spellings or a report changed", () => {
    expect(eventName(members, {}, betaRarer)).toBe("Bob Beta and Anna Alpha");
    const before = reads;
    expect(eventName(members, { "Anna Alpha": ["A. Alpha"] }, betaRarer)).toBe("Bob Beta and Anna Alpha");
    expect(reads).toBeGreaterThan(before);
    const edited = { ...members[1]!, people: ["Anna Alpha"], body: "Anna Alpha spoke." };
    expect(eventName([members[0]!, edited], {}, betaRarer)).toBe("Anna Alpha");
  });
});
