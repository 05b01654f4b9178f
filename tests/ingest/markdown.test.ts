/**
 * A body's HTML made from the Markdown tree the ingest wrote it from (ingest-worker.ts) must be the
 * HTML remark makes from the Markdown itself, as the build would: the render cache cannot tell them apart.
 */
import fc from "fast-check";
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import { renderMarkdown, renderTree } from "../../src/build/render-body.ts";
import { readsBackAsWritten, treeToMarkdown } from "../../src/ingest/markdown.ts";

// Text heavy in what Markdown reads as syntax, entities and HTML, with letters, spaces and non-ASCII between.
const piece = fc.constantFrom(
  ..."*_`#>-+=.!()[]{}<>|~\\&;:'\"/ 0123456789".split(""),
  "1.", "1)", "- ", "* ", "# ", "> ", "```", "~~~", "---", "***", "&amp;", "&#42;", "&copy", "<b>", "</p>", "<!--", "-->",
  "[a](b)", "![i](s)", "<http://x.org>", "http://x.org", "a@b.org", "\u00a0", "é", "ß", "日本", "😀", "\u200b", "\u2028",
  "word", "Lavrov", "  ",
);
const text = fc.array(piece, { minLength: 1, maxLength: 30 }).map((ps) => ps.join("").trim()).filter((t) => t !== "" && t === t.trim());
const block = fc.record({ heading: fc.boolean(), text });
const tree = fc.array(block, { minLength: 1, maxLength: 6 }).map(
  (blocks): Root => ({
    type: "root",
    children: blocks.map((b) =>
      b.heading ? { type: "heading", depth: 2, children: [{ type: "text", value: b.text }] } : { type: "paragraph", children: [{ type: "text", value: b.text }] },
    ),
  }),
);

const paragraph = (value: string): Root => ({ type: "root", children: [{ type: "paragraph", children: [{ type: "text", value }] }] });

describe("a body rendered from its tree", () => {
  it("is the HTML of its Markdown, for any text of one line without whitespace at its ends", () => {
    fc.assert(
      fc.property(tree, (t) => {
        expect(readsBackAsWritten(t)).toBe(true);
        expect(renderTree(t)).toBe(renderMarkdown(treeToMarkdown(t)));
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps text that reads like an email autolink starting with no letter as text (<.a@b.org>)", () => {
    for (const value of ["<.a@b.org>", "<-a@b.org> said", "a <0a@b.org>"]) {
      expect(renderMarkdown(treeToMarkdown(paragraph(value))), value).toBe(renderTree(paragraph(value)));
      expect(renderTree(paragraph(value))).not.toContain("<a href");
    }
  });

  it("is not made for text outside what the property above covers, which may read back otherwise", () => {
    for (const value of ["a  \nb", " a", "a\t", "a\u0000b", "a\n\nb", "\ud800x", ""]) {
      expect(readsBackAsWritten(paragraph(value)), JSON.stringify(value)).toBe(false);
    }
    expect(renderTree(paragraph("a\u0000b"))).not.toBe(renderMarkdown(treeToMarkdown(paragraph("a\u0000b")))); // NUL is read as U+FFFD
    expect(readsBackAsWritten({ type: "root", children: [{ type: "thematicBreak" }] })).toBe(false);
  });
});
