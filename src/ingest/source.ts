/**
 * Who published the text, which wire agency wrote it, and whose photos it shows: three different
 * things that scrapes run together. A photo credit is never the publisher.
 */
import type { SourceBasis } from "../record.ts";
import type { SourceEntry } from "../registry.ts";

export interface SourceChoice {
  source: string;
  source_basis: SourceBasis;
  agency: string | null;
  author: string | null;
  /** The words the publisher and the agency were read from, for the report. */
  source_evidence: string | null;
  agency_evidence: string | null;
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** The registry entry a name means, by canonical name or alias, or by its leading words ("TRTWorld and agencies"). */
export function lookupSource(name: string, registry: SourceEntry[]): SourceEntry | null {
  const n = norm(name);
  if (!n) return null;
  for (const entry of registry) {
    for (const alias of [entry.name, ...(entry.aliases ?? [])]) {
      const a = norm(alias);
      if (n === a || n.startsWith(a + " and ") || n.startsWith(a + " with ")) return entry;
    }
  }
  return null;
}

const BYLINE = /^by\s+(.{2,80})$/i;
/** A dateline without a place: "Feb 10 (Reuters) - Moscow is yet to..." */
const DATE_ONLY_DATELINE = /^[\p{Lu}][\p{Ll}]{2,8}\.?\s+\d{1,2}\s*\(([A-Za-z][\w .&-]{1,30})\)\s*[-–—]/u;
const REUTERS_STYLE = /^[\p{Lu}][\p{Lu} .'-]+,?\s.*?\(([A-Za-z][\w .&-]{1,30})\)\s*[-–—]/u;

export interface SourceEvidence {
  signoff: string | null;
  bylines: string[];
  datelineAgency: string | null;
  /** Names from "Name, Place" head lines; used only when the registry knows the name. */
  placeBylines?: string[];
}

/** The agency named in a news dateline such as "KYIV, Feb 5 (Reuters) -". */
export function datelineAgency(line: string): string | null {
  const m = REUTERS_STYLE.exec(line) ?? DATE_ONLY_DATELINE.exec(line);
  return m ? (m[1] ?? null) : null;
}

/**
 * A signature line without "By": a name in capitals, then its employer ("DAVID KLEPPER ,
 * Associated Press, Associated Press"). Returns the name and each credited organisation.
 */
const CAPS_SIGNATURE = /^((?:[\p{Lu}][\p{Lu}.'-]+\s+){1,3}[\p{Lu}][\p{Lu}.'-]+)\s*,\s*([\p{L} .,&'-]{2,80})$/u;

export function agencyByline(line: string): string[] | null {
  const m = CAPS_SIGNATURE.exec(line.trim());
  if (!m) return null;
  const orgs = (m[2] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return [titleCaseCaps((m[1] ?? "").trim()), ...new Set(orgs)];
}

/** "ADAM SCHRECK" as a person's name: "Adam Schreck". Mixed-case names are left as written. */
function titleCaseCaps(name: string): string {
  if (name !== name.toUpperCase() || !/\p{Lu}{2}/u.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

export function bylineName(line: string): string | null {
  const m = BYLINE.exec(line.trim());
  if (!m) return null;
  const name = titleCaseCaps((m[1] ?? "").replace(/[*_|]/g, "").replace(/,.*$/, "").trim());
  return name.split(/\s+/).length <= 6 ? name : null;
}

export function chooseSource(evidence: SourceEvidence, fullText: string, registry: SourceEntry[]): SourceChoice {
  let agency: string | null = null;
  let author: string | null = null;
  const agencyFrom: string[] = [];
  for (const by of evidence.bylines) {
    const entry = lookupSource(by, registry);
    if (entry?.kind === "agency" && !agency) {
      agency = entry.name;
      agencyFrom.push(`byline "By ${by}"`);
    } else if (!entry) author ??= by;
  }
  for (const name of evidence.placeBylines ?? []) {
    const entry = lookupSource(name, registry);
    if (entry?.kind === "agency" && !agency) {
      agency = entry.name;
      agencyFrom.push(`credit line "${name}, ..."`);
    }
  }
  const withAgency = (c: Omit<SourceChoice, "agency" | "author" | "agency_evidence">): SourceChoice => ({
    ...c,
    agency,
    author,
    agency_evidence: agencyFrom[0] ?? null,
  });
  if (evidence.signoff) {
    const entry = lookupSource(evidence.signoff, registry);
    if (entry) {
      if (entry.kind === "publisher") return withAgency({ source: entry.name, source_basis: "signoff", source_evidence: `sign-off "SOURCE: ${evidence.signoff}"` });
      if (!agency) {
        agency = entry.name;
        agencyFrom.push(`sign-off "SOURCE: ${evidence.signoff}"`);
      }
    }
  }
  if (evidence.datelineAgency) {
    const entry = lookupSource(evidence.datelineAgency, registry);
    if (entry) {
      if (entry.kind === "agency" && !agency) {
        agency = entry.name;
        agencyFrom.push(`dateline "(${evidence.datelineAgency})"`);
      }
      return withAgency({ source: entry.name, source_basis: "dateline", source_evidence: `dateline "(${evidence.datelineAgency})"` });
    }
  }
  for (const entry of registry) {
    const signature = (entry.signatures ?? []).find((s) => new RegExp(s, "i").test(fullText));
    if (signature) return withAgency({ source: entry.name, source_basis: "signature", source_evidence: `the site's boilerplate /${signature}/` });
  }
  return withAgency({ source: "Unknown", source_basis: "unknown", source_evidence: null });
}
