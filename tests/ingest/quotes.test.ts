/** Quotes and their speakers: each attribution rule with seed lines and lines written for the test. */
import { describe, expect, it } from "vitest";
import { normalise } from "../../src/ingest/normalise.ts";
import { findQuotes, quoteSpans } from "../../src/ingest/quotes.ts";
import { loadRegistries } from "../../src/registry.ts";

const registries = loadRegistries();
const registry = registries.entities;
const speakers = (paragraphs: string[]) => findQuotes(paragraphs, registry).map((q) => [q.speaker, q.text]);

describe("after: the attribution follows the quote", () => {
  it.each([
    [
      "seed 000: Truss told Lavrov",
      ["Sergey Lavrov met Liz Truss.", '"Russia must respect the sovereignty of Ukraine, as it signed up to do," Truss told Lavrov.'],
      "Liz Truss",
    ],
    ["seed 002: said Truss, who ...", ["Liz Truss flew.", '"Russia should be in no doubt about the strength of our response," said Truss, who will meet him.'], "Liz Truss"],
    ["seed 003: Mr Scholz told reporters", ["Olaf Scholz spoke.", "Aggression “would have very serious political consequences for Russia,” Mr Scholz told reporters in Berlin."], "Olaf Scholz"],
    ["own: an unnamed official is no one", ["Joe Biden spoke.", "“That is bad news for everyone involved,” the official said."], null],
    ["own: a statement is not a person", ['"They discussed the recent meetings in Paris," a White House statement said.'], null],
  ])("%s", (_name, paragraphs, speaker) => {
    expect(speakers(paragraphs).at(-1)?.[0]).toBe(speaker);
  });
});

describe("before: the attribution leads into the quote", () => {
  it.each([
    ["seed 003: Mr Lavrov said:", ["Mr Lavrov said: “I’m honestly disappointed by this conversation today.”"], "Sergey Lavrov"],
    ["seed 003: Ms Truss tried to counterblast:", ["Ms Truss tried to counterblast: “I certainly wasn’t mute in our discussions.”"], "Liz Truss"],
    ["own: Witkoff, writing on X, said:", ['Steve Witkoff, writing on the X platform, said: "The discussions were constructive and focused."'], "Steve Witkoff"],
    [
      "seed 004: a Foreign Office spokesman after two named people is not either of them",
      ["Following Ms Truss’s meeting with Mr Lavrov, a Foreign Office spokesman said: “The Foreign Secretary expressed concern about rising tensions.”"],
      null,
    ],
  ])("%s", (_name, paragraphs, speaker) => {
    expect(speakers(paragraphs).at(-1)?.[0]).toBe(speaker);
  });
});

describe("continued, follow-on and in-sentence", () => {
  it("seed 003: a quote left open continues in the next paragraph with the same speaker", () => {
    const q = speakers([
      "Mr Lavrov said: “I’m honestly disappointed that what we have is a conversation between a mute person and a deaf person.",
      "“Our most detailed explanations fell on unprepared soil.”",
    ]);
    expect(q).toEqual([
      ["Sergey Lavrov", "I’m honestly disappointed that what we have is a conversation between a mute person and a deaf person."],
      ["Sergey Lavrov", "Our most detailed explanations fell on unprepared soil."],
    ]);
  });

  it("seed 000: a second quote after the attribution sentence has the same speaker", () => {
    const q = speakers(['Liz Truss spoke. "Russia must respect the sovereignty of Ukraine," Truss told Lavrov. "If these principles are respected, we can make progress."']);
    expect(q.map((x) => x[0])).toEqual(["Liz Truss", "Liz Truss"]);
  });

  it("seed 000: '..., adding that, \"...\"' keeps the speaker", () => {
    const q = speakers(['Emmanuel Macron met him. Macron told journalists, "My aim was to freeze the game," adding that, "this objective for me is fulfilled."']);
    expect(q.map((x) => x[0])).toEqual(["Emmanuel Macron", "Emmanuel Macron"]);
  });

  it("seed 000: a quote inside a sentence whose named subject speaks", () => {
    const q = speakers(["Sergey Lavrov met Liz Truss.", 'Truss used the meeting to urge the Kremlin "to take the path of diplomacy" today.']);
    expect(q).toEqual([["Liz Truss", "to take the path of diplomacy"]]);
  });

  it("own: a subject far from any speech verb does not speak the quote", () => {
    const q = speakers(['Joe Biden flew to Warsaw on a long and tiring trip and then the crowd chanted "we stand with Ukraine today".']);
    expect(q[0]?.[0]).toBeNull();
  });
});

describe("pronouns resolve to the nearest speaking person of that pronoun, or to no one", () => {
  it("seed 004: he after Mr Blinken warned is Blinken, not Lavrov named before him", () => {
    const q = speakers([
      "Liz Truss and Antony Blinken met their counterpart Sergei Lavrov in Stockholm.",
      "In a blunt message, Mr Blinken warned there would be “serious consequences” if Moscow went on.",
      "“The best way to avert a crisis is through diplomacy,” he said.",
    ]);
    expect(q.at(-1)).toEqual(["Antony Blinken", "The best way to avert a crisis is through diplomacy"]);
  });

  it("seed 003: she skips Mr Lavrov and finds Ms Truss", () => {
    const q = speakers([
      "Ms Truss tried to counterblast: “I certainly wasn’t mute in our discussions.”",
      "The UK Foreign Secretary challenged Mr Lavrov over his assertion.",
      "“I can’t see any other reason for having 100,000 troops on the border,” she said.",
    ]);
    expect(q.at(-1)?.[0]).toBe("Liz Truss");
  });

  it("own: he after a person named only in passing is left null", () => {
    const q = speakers([
      "The army chief, Valerii Zaluzhnyi, was frustrated that Volodymyr Zelensky did not want to act. “You are about to fight a much bigger enemy,” he said.",
    ]);
    expect(q.at(-1)?.[0]).toBeNull();
  });

  it("own: he after a person named in a that-clause is not that person", () => {
    const q = speakers([
      "Volodymyr Zelensky described it as unfair that Donald Trump continued pressing Ukraine to strike a deal. “I hope it is just his tactics and not the decision,” he said.",
    ]);
    expect(q.at(-1)?.[0]).toBeNull();
  });

  it("own: they never resolves to a person", () => {
    const q = speakers(["Sergey Lavrov spoke.", "“We have heard all of this before today,” they said."]);
    expect(q[0]?.[0]).toBeNull();
  });
});

describe("the whole article names the speaker", () => {
  it("own: a surname alone in the body is the person the headline names in full", () => {
    const text = [
      "Sergey Lavrov rejects the West's warnings over Ukraine",
      "Russia's foreign minister spoke to reporters in Moscow after a day of talks with European envoys.",
      "“We will not be lectured by anyone about our own borders,” Lavrov said, before leaving the hall.",
    ].join("\n");
    const r = normalise(text, { path: "raw/x.txt", sha256: "0" }, registries);
    if (!r.ok) throw new Error(r.reason);
    expect(r.draft.record.quotes).toEqual([{ speaker: "Sergey Lavrov", text: "We will not be lectured by anyone about our own borders" }]);
    expect(r.draft.record.people).toEqual(["Sergey Lavrov"]);
  });
});

describe("spans", () => {
  it("skips scare quotes under four words and keeps quote text verbatim", () => {
    const q = speakers(["Ms Truss urged the government to “de-escalate the situation.” and said “Russia has a choice here, really.”"]);
    expect(q.map((x) => x[1])).toEqual(["Russia has a choice here, really."]);
  });

  it("own: unbalanced straight quotes give no quote rather than a wrong one", () => {
    expect(quoteSpans('Sergei Shoigu said the army would fully liberate" eastern Ukraine and "defend" it.')).toEqual([]);
  });

  it("marks a quote the paragraph leaves open", () => {
    expect(quoteSpans("He said: “I am disappointed.").map((s) => s.open)).toEqual([true]);
    expect(quoteSpans('He said: "I am disappointed."').map((s) => s.open)).toEqual([false]);
  });
});
