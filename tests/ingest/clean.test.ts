/** Body cleaning: line classes, credits, run-together paragraphs, crossheads, lead titles. */
import { describe, expect, it } from "vitest";
import { classifyLine } from "../../src/ingest/boilerplate.ts";
import { cleanText, isMenu } from "../../src/ingest/clean.ts";
import { readCredit } from "../../src/ingest/credits.ts";
import { firstSentence, titleFromLead } from "../../src/ingest/lead-title.ts";
import { splitRunTogether } from "../../src/ingest/paragraphs.ts";

describe("line classes", () => {
  it.each([
    ["seed 004: icon labels", "Calendar An icon of a desk calendar. Cancel An icon of a circle. Caret An icon of a block arrow.", "icon-labels"],
    ["seed 002: reading time", "4 MIN READ", "reading-time"],
    ["seed 002: READ MORE", "READ MORE:Most Europeans stand with Ukraine against Russia", "read-more"],
    ["seed 002: Recommended", "Recommended", "read-more"],
    ["seed 003: link tag", "France erupts in chaos as bitter anti-Macron journey begins [ANALYSIS]", "link-line"],
    ["seed 003: consent", "We use your sign-up to provide content in ways you’ve consented to and to improve our understanding of you.", "consent"],
    ["seed 003: source link", "Source: Read Full Article", "source-link"],
    ["seed 002: sign-off", "SOURCE:TRTWorld and agencies", "signoff"],
    ["own: newsletter promo", "The Daily Bugle newsletter is your essential guide to the week. Sign up here.", "consent"],
    ["own: site promo glued to a brand", "Exclusive news and data for professionalsLearn more aboutAcme", "consent"],
    ["own: player furniture", "Your browser does not support the video tag.", "widget"],
    ["own: advert label", "Advertisement", "widget"],
    ["own: cookie banner", "By using this website, you agree to our use of cookies.", "consent"],
    ["own: paywall prompt", "Already a subscriber?", "consent"],
    ["own: subscription promo", "Support independent journalism and get bonus content for just $5 a month.", "consent"],
    ["own: related list item", "* list 2 of 3Talks resume in Geneva", "read-more"],
    ["own: footer links", "Advertise with Us | About Us | Site Map | Privacy", "navigation"],
    ["own: share button", "Tweet", "share-prompt"],
  ])("%s", (_name, line, kind) => {
    expect(classifyLine(line)).toBe(kind);
  });

  it.each([
    ["seed 002: a sentence", "The White House has said repeatedly that it is working to maintain a united front."],
    ["own: a sentence that mentions a newsletter", "The minister said the newsletter had been read by millions of voters."],
    ["own: a quote beginning with Watch", "Watch what they do, not what they say, she told the hearing on Monday."],
  ])("%s stays body", (_name, line) => {
    expect(classifyLine(line)).toBeNull();
  });

  it("own: a menu row is not a headline", () => {
    expect(isMenu("World Politics Business Sport Weather Culture Travel Science Health")).toBe(true);
    expect(isMenu("Russia pours in more troops and presses attack in the east")).toBe(false);
  });
});

describe("credits and captions", () => {
  it.each([
    ["seed 000: ©", "© Sputnik / Russian Foreign Ministry", "Sputnik / Russian Foreign Ministry", false],
    ["seed 001: Image:", "Image: AP", "AP", false],
    ["seed 004: (Name/PA)", "Foreign Secretary Liz Truss (Stefan Rousseau/PA)", "Stefan Rousseau/PA", true],
    ["seed 002: / AA", "Ukraine has been holding training for civilians. / AA", "AA", true],
    ["own: [File: Name/AFP]", "A soldier stands in a field near the front [File: Jane Roe/AFP]", "Jane Roe/AFP", true],
    ["own: slashed credit after a caption sentence", "Two leaders meet in Osaka, June 28, 2019. REUTERS/John Doe/File Photo Purchase Licensing Rights, opens new tab", "REUTERS/John Doe/File Photo", true],
    ["own: Photograph:", "Photograph: Jane Roe/Getty Images", "Jane Roe/Getty Images", false],
  ])("%s", (_name, line, credit, caption) => {
    expect(readCredit(line)).toEqual({ credit, caption });
  });

  it("own: a sentence with a slash in it is not a credit", () => {
    expect(readCredit("The 24/7 news cycle has changed how ministers speak to the public, she said.")).toBeNull();
  });
});

describe("paragraphs", () => {
  it("seed 000: run-together paragraphs are split where a sentence meets a capital", () => {
    expect(splitRunTogether("tensions continue to flare over Ukraine.Truss used the meeting to urge the Kremlin.")).toEqual([
      "tensions continue to flare over Ukraine.",
      "Truss used the meeting to urge the Kremlin.",
    ]);
  });

  it("seed 000: a closing quote stays with its paragraph, an opening one goes with the next", () => {
    expect(splitRunTogether('argued that "a war would be bad for European security."London has sounded the alarm. "Russia must," Truss told Lavrov.')).toEqual([
      'argued that "a war would be bad for European security."',
      'London has sounded the alarm. "Russia must," Truss told Lavrov.',
    ]);
  });

  it.each([
    ["own: U.S.", "Talks with the U.S. President went on."],
    ["own: Mr.", "He met Mr.Smith at noon."],
    ["own: decimal", "Growth was 2.5 percent."],
  ])("%s is not a paragraph break", (_name, text) => {
    expect(splitRunTogether(text)).toEqual([text]);
  });

  it("seed 002: crossheads become headings, furniture is removed by kind", () => {
    const c = cleanText(
      [
        "WORLD",
        "4 MIN READ",
        "Leaders meet to ease the border crisis",
        "The leaders of both countries met on Monday to talk about the border, officials said.",
        "Talks go on",
        "They will meet again next week in the capital, the officials added.",
        "READ MORE:Another story about something else",
      ].join("\n"),
    );
    expect(c.headline).toBe("Leaders meet to ease the border crisis");
    expect(c.blocks.map((b) => b.type)).toEqual(["paragraph", "crosshead", "paragraph"]);
    expect(c.removed.map((r) => r.kind).sort()).toEqual(["read-more", "reading-time", "section-label"]);
  });

  it("own: a wire story ends at its closing credits; what follows is other stories", () => {
    const c = cleanText(
      [
        "Harbour strike ends after a week",
        "Dock workers voted to end their strike on Tuesday after talks with the harbour board, union leaders said.",
        "Reporting by Jane Roe; Editing by John Doe",
        "Our Standards: The Trust Principles.",
        "Ferry timetable changes for the summer",
        "Worldcategory · May 4, 2023 · 7:54 PM UTC · 2 mins ago",
        "A different story about something else entirely happened in another country today, officials said.",
      ].join("\n"),
    );
    expect(c.blocks.map((b) => b.text)).toEqual(["Dock workers voted to end their strike on Tuesday after talks with the harbour board, union leaders said."]);
    expect(c.removed.filter((r) => r.kind === "end-matter").map((r) => r.text)).toEqual(["Reporting by Jane Roe; Editing by John Doe", "Our Standards: The Trust Principles."]);
  });

  it("own: stamps with only a time, and lines with no words, are not body", () => {
    const c = cleanText(["Budget vote delayed again", "The vote on the budget was delayed for a third time on Monday, the speaker said.", "\\_", "Updated at 3:06 p.m."].join("\n"));
    expect(c.blocks.map((b) => b.text)).toEqual(["The vote on the budget was delayed for a third time on Monday, the speaker said."]);
    expect(c.removed.map((r) => r.kind).sort()).toEqual(["dateline", "empty-markup"]);
  });

  it("own: a lone sentence among the page's menus is not the lead; a headline far above the article is not its headline", () => {
    const menu = Array.from({ length: 16 }, (_, i) => `* Other story number ${i + 1} about something else`);
    const c = cleanText(
      [
        "Election results tonight across the region",
        "Ground Floor Exclusive insights and key stories from the world of politics.",
        "Sport Weather Culture Travel Science Health Money Video",
        ...menu,
        "The vote on the budget was delayed for a third time on Monday, the speaker said.",
        "Members will try again next week, after the holiday, she added.",
      ].join("\n"),
    );
    expect(c.headline).toBeNull();
    expect(c.blocks.map((b) => b.text)).toEqual([
      "The vote on the budget was delayed for a third time on Monday, the speaker said.",
      "Members will try again next week, after the holiday, she added.",
    ]);
    expect(c.removed.filter((r) => r.kind === "navigation").length).toBeGreaterThanOrEqual(16);
  });

  it("own: a wire summary's bullet points are not the headline", () => {
    const c = cleanText(
      ["Summary Talks hit a dead end - minister", "Sanctions have failed - minister", "LONDON, April 12 (Reuters) - The minister said on Tuesday that talks had hit a dead end.", "He spoke at a news briefing in the capital, officials said."].join("\n"),
    );
    expect(c.headline).toBeNull();
    expect(c.removed.map((r) => r.kind)).toEqual(["summary", "summary"]);
  });

  it("own: a caption repeated with its credit glued on goes, both copies", () => {
    const c = cleanText(
      [
        "The President is pictured in Munich on Feb. 14.",
        "The President is pictured in Munich on Feb. 14.Jane Roe—Getty Images",
        "The second day of peace talks ended abruptly on Wednesday morning, after two hours.",
      ].join("\n"),
    );
    expect(c.blocks.map((b) => b.text)).toEqual(["The second day of peace talks ended abruptly on Wednesday morning, after two hours."]);
  });
});

describe("titles from the lead", () => {
  it.each([
    ["seed 000", "Russian Foreign Minister Sergey Lavrov has expressed frustration at the lack of progress made during high-stakes negotiations with his British counterpart.", "Russian Foreign Minister Sergey Lavrov has expressed frustration at the lack of progress made…"],
    ["own: a Reuters dateline is not part of the title", "KYIV, Feb 5 (Reuters) - Ukraine and Russia swapped prisoners.", "Ukraine and Russia swapped prisoners"],
    ["own: an AP dateline", "KYIV, Ukraine (AP) — Russia assaulted cities in the east.", "Russia assaulted cities in the east"],
    ["own: U.S. does not end the sentence", "U.S. officials met in Geneva. Then they left.", "U.S. officials met in Geneva"],
  ])("%s", (_name, lead, title) => {
    expect(titleFromLead(lead)).toBe(title);
  });

  it("own: the first sentence skips honorific full stops", () => {
    expect(firstSentence("Mr. Smith went to Washington. He stayed.")).toBe("Mr. Smith went to Washington.");
  });
});
