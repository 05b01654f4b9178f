/** The body as Markdown: scraped text is text, so every character that Markdown would read as syntax is escaped. */
import { remark } from "remark";
import type { Root, RootContent } from "mdast";
import type { Block } from "./clean.ts";

// mdast-util-to-markdown escapes a "<" that a letter follows (an HTML tag or a URL autolink), but an
// email autolink may also start with a digit or one of .!#$%&'*+/=?^_`{|}~- ("<.a@b.org>"), which
// it leaves as it is, for remark to read back as a link.
const emailAutolink = "[\\d.!#$%&'*+/=?^_`{|}~-]";
const processor = remark().data("settings", {
  bullet: "*",
  emphasis: "_",
  rule: "-",
  unsafe: [
    { atBreak: true, character: "<", after: emailAutolink },
    { character: "<", after: emailAutolink, inConstruct: "phrasing" },
  ],
});

/** The body's Markdown tree: a level-2 heading for each crosshead, a paragraph for each paragraph, each one text. */
export function bodyTree(blocks: Block[]): Root {
  const children: RootContent[] = blocks.map((b) =>
    b.type === "crosshead"
      ? { type: "heading", depth: 2, children: [{ type: "text", value: b.text }] }
      : { type: "paragraph", children: [{ type: "text", value: b.text }] },
  );
  return { type: "root", children };
}

export function treeToMarkdown(tree: Root): string {
  return processor.stringify(tree);
}

// Text outside what tests/ingest/markdown.test.ts shows to read back as written: whitespace at its
// ends, line breaks and other control characters (NUL is read as U+FFFD), lone surrogates. The
// ingest writes none of these; what it did would be left to the build to render from the Markdown.
const UNPROVEN = /^\s|\s$|\p{Cc}|\p{Cs}/u;

/**
 * True when reading treeToMarkdown(tree) back gives this tree again (positions aside): every block
 * is a paragraph or heading of one text, of one line and none of the above. Then the tree can be
 * rendered without parsing the Markdown it was written as, to the same HTML.
 */
export function readsBackAsWritten(tree: Root): boolean {
  return tree.children.every((block) => {
    if ((block.type !== "paragraph" && block.type !== "heading") || block.children.length !== 1) return false;
    const text = block.children[0]!;
    return text.type === "text" && text.value !== "" && !UNPROVEN.test(text.value);
  });
}
