/**
 * The naive peer the archive is measured against: Eleventy 3.1.7 over one Markdown file per
 * article, rendered by Eleventy's default engine (markdown-it) into a minimal layout, with a
 * paginated index; then Pagefind's CLI over the whole output.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseRecordFile } from "../record-file.ts";

const LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body>
<main>
<h1>{{ title }}</h1>
<p><time>{{ date }}</time> · {{ source }}</p>
{{ content | safe }}
</main>
</body>
</html>
`;

const INDEX = `---
layout: layout.njk
title: Archive
pagination:
  data: collections.article
  size: 100
permalink: "{% if pagination.pageNumber > 0 %}page/{{ pagination.pageNumber + 1 }}/{% endif %}index.html"
---
<ul>
{% for a in pagination.items %}<li><a href="{{ a.url }}">{{ a.data.title }}</a></li>
{% endfor %}
</ul>
`;

/** Write the peer's Eleventy project into dir from an archive's records; returns how many articles. */
export function writePeerProject(articlesDir: string, dir: string): number {
  const src = join(dir, "src");
  mkdirSync(join(src, "articles"), { recursive: true });
  mkdirSync(join(src, "_includes"), { recursive: true });
  writeFileSync(join(dir, "eleventy.config.mjs"), "export default function () {}\n");
  writeFileSync(join(src, "_includes", "layout.njk"), LAYOUT);
  writeFileSync(join(src, "index.njk"), INDEX);
  writeFileSync(join(src, "articles", "articles.json"), JSON.stringify({ layout: "layout.njk", tags: ["article"] }));
  let count = 0;
  for (const name of readdirSync(articlesDir).filter((n) => n.endsWith(".md"))) {
    const { data, body } = parseRecordFile(readFileSync(join(articlesDir, name), "utf8"));
    const front = { title: data["title"], date: data["date"] ?? undefined, source: data["source"] };
    writeFileSync(join(src, "articles", name), `---\n${JSON.stringify(front)}\n---\n${body}`);
    count++;
  }
  return count;
}
