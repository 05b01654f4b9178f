/** The benchmark's results as a readable table. */
import type { BenchResult } from "./run.ts";

const s = (ms: number | null) => (ms === null ? "–" : `${(ms / 1000).toFixed(1)} s`);
const mb = (x: number | null) => (x === null ? "–" : `${Math.round(x)} MB`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")).join("\n");
}

export function formatResult(r: BenchResult): string {
  const rows: string[][] = [["stage", "wall", "CPU", "peak RSS"]];
  const ingest = r.archive.steps[0]!;
  rows.push(["archive: ingest", s(ingest.wallMs), s(ingest.cpuMs), mb(ingest.peakRssMB)]);
  for (const st of r.archive.stages) rows.push([`archive: build ${st.stage}`, s(st.wallMs), s(st.cpuMs), ""]);
  const build = r.archive.steps[1]!;
  rows.push(["archive: build process", s(build.wallMs), s(build.cpuMs), mb(build.peakRssMB)]);
  rows.push(["archive: total", s(r.archive.totalWallMs), s(r.archive.totalCpuMs), mb(r.archive.peakRssMB)]);
  if (r.peer) {
    for (const st of r.peer.steps) rows.push([`peer: ${st.name}`, s(st.wallMs), s(st.cpuMs), mb(st.peakRssMB)]);
    rows.push(["peer: total", s(r.peer.totalWallMs), s(r.peer.totalCpuMs), mb(r.peer.peakRssMB)]);
  }
  if (r.edit) rows.push(["one edited record: rebuild", s(r.edit.wallMs), s(r.edit.cpuMs), mb(r.edit.peakRssMB)]);
  if (r.edit) rows.push(["one edited record: npm start (median)", s(r.edit.serve.wallMs), "", ""]);

  const lines = [
    `${r.articles} articles (seed ${r.seed}; ${r.machine.cores} cores, node ${r.machine.node}): ` +
      `${r.ingested} ingested, ${r.refused} refused, ${r.archive.site.htmlPages} pages, ${r.archive.indexed} indexed in ${r.archive.shards} search shard(s)`,
    "",
    table(rows),
    "",
    `output: archive ${r.archive.site.files} files, ${(r.archive.site.bytes / 1048576).toFixed(1)} MB` +
      (r.peer ? `; peer ${r.peer.site.files} files, ${(r.peer.site.bytes / 1048576).toFixed(1)} MB (${r.peer.indexed} indexed)` : ""),
  ];
  for (const who of ["archive", "peer"] as const) {
    const p = r.payload[who];
    if (p) lines.push(`search payload (${who}): ` + p.map((q) => `"${q.query}" ${kb(q.bytes)} in ${q.requests} requests, ${q.results} results (${Object.entries(q.byKind).map(([k, v]) => `${k} ${kb(v)}`).join(", ")})`).join("; "));
  }
  if (r.peer?.failed) lines.push(`peer did not complete: ${r.peer.failed}`);
  if (r.ratio !== null) lines.push(`full build time, archive / peer: ${r.ratio.toFixed(2)} (wall)` + (r.cpuRatio !== null ? `, ${r.cpuRatio.toFixed(2)} (CPU)` : ""));
  if (r.edit) {
    const st = r.edit.stages.map((x) => `${x.stage} ${s(x.wallMs)}`).join(", ");
    lines.push(`one edited record: ${s(r.edit.wallMs)} (${st}; ${r.edit.reusedShards} search shard(s) reused); new title on ${r.edit.pagesWithNewTitle} pages, old title on ${r.edit.pagesWithOldTitle}`);
    lines.push(
      `one edited record while npm start serves the site: rebuilt ${s(r.edit.serve.wallMs)} after the save (median of ${r.edit.serve.samples.length}: ${r.edit.serve.samples.map(s).join(", ")}); ` +
        `the served pages ${r.edit.serve.shown ? "show" : "do not show"} the new titles`,
    );
  }
  return lines.join("\n");
}
