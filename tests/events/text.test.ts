import { describe, expect, it } from "vitest";
import { contentWords, sentences, tokenize } from "../../src/events/text.ts";

describe("the text the event comparison reads", () => {
  it("splits a body into sentences, paragraph by paragraph, headings left out", () => {
    const body =
      'Gen. Mark Milley spoke on Feb. 10 with his counterpart. "We are ready," he said. U.S. officials agreed!\n\n' +
      "## A crosshead\n\n" +
      "Mr. Lavrov left at 5 p.m. on Thursday. Did St. Louis reply? It did.";
    expect(sentences(body)).toEqual([
      "Gen. Mark Milley spoke on Feb. 10 with his counterpart.",
      '"We are ready," he said.',
      "U.S. officials agreed!",
      "Mr. Lavrov left at 5 p.m. on Thursday.",
      "Did St. Louis reply?",
      "It did.",
    ]);
  });

  it("reads words with their apostrophes, and content words folded", () => {
    expect(tokenize("Russia’s envoy wasn't there").words).toEqual(["russia's", "envoy", "wasn't", "there"]);
    expect(contentWords("The talks in Moscow were Russia's idea, officials said")).toEqual(["talk", "moscow", "russia", "idea", "official"]);
  });
});
