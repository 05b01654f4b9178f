/**
 * Very long lines must not hang the cleaning rules. Each row is a 256 KB single line built from a
 * piece that once made a rule rescan the rest of the line from every occurrence (an unclosed
 * Markdown link or emphasis, a consent keyword, thousands of dates, quotes in one paragraph): at
 * this size a quadratic rule takes minutes, a linear one well under a second. The timeout is a hang
 * guard, not a speed target; measured figures are in the report of issue 7.
 */
import { describe, expect, it } from "vitest";
import { ingestArchive } from "../../src/ingest/archive.ts";
import { loadRegistries } from "../../src/registry.ts";

const registries = loadRegistries();
const SIZE = 256 * 1024;
const HANG_GUARD_MS = 30_000;

const pieces = [
  "The minister said the talks in Moscow were difficult. ",
  "February 9, 2022 ",
  "9 February 2022 ",
  "[x](",
  "[x](y ",
  "**a ",
  "__a ",
  "cookies ",
  "newsletter ",
  "sign up to ",
  "third party ",
  '"We have no plans, ',
  "“We have no plans,” Liz Truss said. ",
  "KYIV, ",
  "a",
];

describe.each(pieces)("a 256 KB line of %j", (piece) => {
  it(
    "is ingested or refused, in one pass",
    () => {
      const line = piece.repeat(Math.ceil(SIZE / piece.length)).slice(0, SIZE);
      const result = ingestArchive([{ path: "raw/long.txt", bytes: new TextEncoder().encode(`Delegates report on a long session\n${line}`) }], registries);
      expect(result.articles.length + result.refused.length).toBe(1);
    },
    HANG_GUARD_MS,
  );
});
