/**
 * Every field of a record set by hand to every kind of YAML value: the build either reports a
 * problem at a line of the file, or the record makes it into the site's data. Nothing throws (a
 * throw would be a build failure that names no file and no line).
 */
import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/build/load-records.ts";
import { buildSiteData } from "../../src/build/site-data.ts";
import { ingestArchive } from "../../src/ingest/archive.ts";
import { serializeRecord } from "../../src/record-file.ts";
import { FIELD_ORDER } from "../../src/record.ts";
import { loadRegistries } from "../../src/registry.ts";
import { article } from "./article.ts";

const VALUES = ["42", "true", "null", "[]", "[1, 2]", "{}", "{a: 1}", '"text"', "\n  - x\n  - y", "[{speaker: 3, text: x}]", "[{speaker: null, text: 5}]", "[null]", "2022-01-01", '"2022-02-30"', "[{kind: 1}]", '""', "[[]]"];

const ingested = ingestArchive([{ path: "raw/a.txt", bytes: new TextEncoder().encode(`${article("fields")}\n"We will go on," Liz Truss said after the talks in Moscow.`) }], loadRegistries());
const text = serializeRecord(ingested.articles[0]!.record, ingested.articles[0]!.body);

/** The record with one top-level field (and its indented lines) replaced. */
function withField(field: string, value: string): string {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.startsWith(`${field}:`));
  let end = i + 1;
  while (end < lines.length && /^\s/.test(lines[end]!)) end++;
  lines.splice(i, end - i, `${field}: ${value}`);
  return lines.join("\n");
}

describe.each([...FIELD_ORDER])("the field %s set by hand", (field) => {
  it.each(VALUES)("to %j: a problem at its line, or a record the site takes", (value) => {
    const edited = withField(field, value);
    const { article: record, problems } = parseArticle("articles/x.md", edited);
    if (problems.length) {
      const line = edited.split("\n").findIndex((l) => l.startsWith(`${field}:`)) + 1;
      expect(problems.map((p) => p.line)).toContain(line);
      return;
    }
    expect(() => buildSiteData([record!])).not.toThrow();
  });
});
