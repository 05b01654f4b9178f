/** Markdown to HTML with remark + remark-html (sanitised): the site's one Markdown engine. */
import { remark } from "remark";
import remarkHtml from "remark-html";

const processor = remark().use(remarkHtml);

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
