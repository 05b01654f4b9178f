/** The body as Markdown: scraped text is text, so every character that Markdown would read as syntax is escaped. */
import { remark } from "remark";
import type { Root, RootContent } from "mdast";
import type { Block } from "./clean.ts";

const processor = remark().data("settings", { bullet: "*", emphasis: "_", rule: "-" });

export function blocksToMarkdown(blocks: Block[]): string {
  const children: RootContent[] = blocks.map((b) =>
    b.type === "crosshead"
      ? { type: "heading", depth: 2, children: [{ type: "text", value: b.text }] }
      : { type: "paragraph", children: [{ type: "text", value: b.text }] },
  );
  const tree: Root = { type: "root", children };
  return processor.stringify(tree);
}
