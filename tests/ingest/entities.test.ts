/** Names: registry spellings folded to one canonical name; short names only when the article names the person. */
import { describe, expect, it } from "vitest";
import { entitiesOf, findMentions } from "../../src/ingest/entities.ts";
import { loadRegistries } from "../../src/registry.ts";

const registry = loadRegistries().entities;
const people = (text: string) => entitiesOf(findMentions(text, registry)).people;
const places = (text: string) => entitiesOf(findMentions(text, registry)).places;

describe("variants fold to one canonical name", () => {
  it.each([
    ["seed 004: Sergei Lavrov", "met their Russian counterpart Sergei Lavrov in the margins", ["Sergey Lavrov"]],
    ["seed 000: Sergey Lavrov", "Russian Foreign Minister Sergey Lavrov has expressed frustration", ["Sergey Lavrov"]],
    ["seed 002: Zelenskyy", "Ukrainian President Volodymyr Zelenskyy this week", ["Volodymyr Zelensky"]],
    ["own: Zelenskiy", "President Volodymyr Zelenskiy said", ["Volodymyr Zelensky"]],
    ["seed 004: Dmitri Peskov", "Kremlin spokesman Dmitri Peskov said", ["Dmitry Peskov"]],
    ["own: both spellings in one text", "Dmitry Peskov said. Later Dmitri Peskov added", ["Dmitry Peskov"]],
  ])("%s", (_name, text, expected) => {
    expect(people(text)).toEqual(expected);
  });

  it.each([
    ["seed 000: Kiev", "their families from Kiev over fears", ["Kyiv"]],
    ["own: Kyiv and Kiev", "from Kyiv to Kiev", ["Kyiv"]],
  ])("%s", (_name, text, expected) => {
    expect(places(text)).toEqual(expected);
  });
});

describe("short names count at article level", () => {
  it.each([
    ["seed 003: Mr Lavrov alone names him", "the UK Secretary was upbraided by Mr Lavrov who accused her", ["Sergey Lavrov"]],
    ["seed 003: Ms Truss alone names her", "Ms Truss tried to counterblast", ["Liz Truss"]],
    ["own: a title other than Mr/Ms", "Chancellor Scholz said Germany was ready", ["Olaf Scholz"]],
    ["own: a bare surname with no full name and no title is not enough", "Truss travels to Moscow", []],
    ["own: full name in one paragraph, surname in another", "Liz Truss flew to Moscow.\n\nTruss said the talks were hard.", ["Liz Truss"]],
    ["own: Johnson without a title or full name stays out", "Johnson & Johnson shares rose", []],
  ])("%s", (_name, text, expected) => {
    expect(people(text)).toEqual(expected);
  });

  it("counts every occurrence once the person is named, for quotes to use", () => {
    const found = findMentions("Mr Lavrov spoke. Then Lavrov left.", registry).filter((m) => m.kind === "people");
    expect(found.map((m) => m.text)).toEqual(["Lavrov", "Lavrov"]);
  });
});

describe("nationality adjectives are not places", () => {
  it.each([
    ["seed 000: Russian troops", "a buildup of Russian troops", []],
    ["own: British and Ukrainian", "British diplomats met Ukrainian officials", []],
    ["own: Russia is a place", "troops in Russia", ["Russia"]],
  ])("%s", (_name, text, expected) => {
    expect(places(text)).toEqual(expected);
  });

  it("a longer organisation name wins over the place inside it", () => {
    const names = entitiesOf(findMentions("The Russian Foreign Ministry retorted", registry));
    expect(names.organisations).toEqual(["Russian Foreign Ministry"]);
    expect(names.places).toEqual([]);
  });
});
