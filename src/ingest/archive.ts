/**
 * The archive-wide steps of ingest, over every raw file at once: decode and normalise each,
 * refuse duplicates, infer dates from neighbours, give unique slugs. Pure.
 */
import type { ArticleRecord } from "../record.ts";
import { sha256 } from "../record-file.ts";
import type { Registries } from "../registry.ts";
import { decodeRaw } from "./decode.ts";
import { DatedArticles, documentFrequency, inferDate } from "./infer-dates.ts";
import { normalise, type Draft } from "./normalise.ts";
import { makeSlug, uniqueSlugs } from "./slug.ts";

export interface RawFile {
  /** Path relative to the articles folder, e.g. raw/001.txt */
  path: string;
  /**
   * The file's bytes. A folder read from disk (store.ts) reads them each time they are asked for, so
   * that a hundred thousand files are not all held at once; that read throws if the file has gone.
   */
  readonly bytes: Uint8Array;
  /** Why the reader could not give the bytes (too large, unreadable); the file is then refused with it. */
  problem?: string;
}

/** Why a raw file could not be read, from the error reading it. */
export function couldNotRead(error: unknown): string {
  return `it could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
}

/** A raw file's bytes, or why they cannot be had: its reader's problem, or the error reading it now. */
export function rawBytes(file: RawFile): { ok: true; bytes: Uint8Array } | { ok: false; reason: string } {
  if (file.problem) return { ok: false, reason: file.problem };
  try {
    return { ok: true, bytes: file.bytes };
  } catch (error) {
    return { ok: false, reason: couldNotRead(error) };
  }
}

export interface IngestedArticle {
  record: ArticleRecord;
  body: string;
  warnings: string[];
  encoding: string;
  evidence: Draft["evidence"];
}

export interface Refused {
  path: string;
  reason: string;
}

export interface ArchiveIngest {
  articles: IngestedArticle[];
  refused: Refused[];
}

/** A rule that throws on one file refuses that file, with the error, and the others go on. */
function normaliseSafely(normaliseText: typeof normalise, ...args: Parameters<typeof normalise>): ReturnType<typeof normalise> {
  try {
    return normaliseText(...args);
  } catch (error) {
    return { ok: false, reason: `the ingest failed on this file (${(error as Error).message}); it is a bug: please report it with the file` };
  }
}

/** `ownerOf` tells which raw file an existing record with a given slug came from, so that no new article takes its name. */
/** `normaliseText` is the per-file step: the build passes one that answers from its cache. */
export function ingestArchive(
  files: RawFile[],
  registries: Registries,
  ownerOf: (slug: string) => string | undefined = () => undefined,
  normaliseText: typeof normalise = normalise,
): ArchiveIngest {
  const refused: Refused[] = [];
  const drafts: { path: string; draft: Draft; encoding: string }[] = [];
  const byHash = new Map<string, string>();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const read = rawBytes(file);
    if (!read.ok) {
      refused.push({ path: file.path, reason: read.reason });
      continue;
    }
    const decoded = decodeRaw(read.bytes);
    if (!decoded.ok) {
      refused.push({ path: file.path, reason: decoded.reason });
      continue;
    }
    const hash = sha256(read.bytes);
    const twin = byHash.get(hash);
    if (twin) {
      refused.push({ path: file.path, reason: `the same text as ${twin}, which is ingested` });
      continue;
    }
    byHash.set(hash, file.path);
    const result = normaliseSafely(normaliseText, decoded.text, { path: file.path, sha256: hash }, registries);
    if (!result.ok) refused.push({ path: file.path, reason: result.reason });
    else drafts.push({ path: file.path, draft: result.draft, encoding: decoded.encoding });
  }

  // Dated articles get their slugs first, so that inferred dates can name them.
  const datedSlugs = uniqueSlugs(drafts.map((d) => (d.draft.record.date ? makeSlug(d.draft.record.date, d.draft.record.title) : "")));
  const dated = drafts.flatMap((d, i) => (d.draft.record.date ? [{ id: datedSlugs[i]!, draft: d.draft }] : []));
  const datedIndex = new DatedArticles(dated, documentFrequency(drafts.map((d) => d.draft)));
  for (const d of drafts) {
    if (d.draft.record.date) continue;
    const inferred = inferDate(d.draft, datedIndex);
    if (!inferred.ok) {
      d.draft.warnings.push(`undated: ${inferred.reason}`);
      continue;
    }
    Object.assign(d.draft.record, {
      date: inferred.date,
      date_basis: "inferred",
      date_evidence: inferred.evidence,
      date_confidence: "low",
    });
    d.draft.warnings.push(`date inferred from other articles (${inferred.date}); an editor should confirm it`);
  }
  const slugs = uniqueSlugs(
    drafts.map((d) => makeSlug(d.draft.record.date, d.draft.record.title)),
    drafts.map((d) => d.path),
    ownerOf,
  );
  const articles = drafts.map((d, i) => ({
    record: { ...d.draft.record, slug: slugs[i]! } as ArticleRecord,
    body: d.draft.body,
    warnings: d.draft.warnings,
    evidence: d.draft.evidence,
    encoding: d.encoding,
  }));
  return { articles, refused };
}
