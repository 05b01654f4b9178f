/**
 * Timing of a build's stages: wall time, CPU time of this process and of the processes it waited
 * for (Pagefind), and this process's peak memory so far. Written to the file named by
 * BENCH_TIMINGS when it is set (the benchmark reads it); shown as a live line on a terminal.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { progress } from "../progress.ts";

export interface StageTiming {
  stage: string;
  wallMs: number;
  cpuMs: number;
  peakRssMB: number | null;
  detail?: Record<string, number>;
}

const timings: StageTiming[] = [];

/** CPU milliseconds of this process and its waited-for children (Linux /proc; self only elsewhere). */
function cpuMs(): number {
  const self = process.cpuUsage();
  let children = 0;
  if (existsSync("/proc/self/stat")) {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    children = ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // cutime + cstime, in USER_HZ (100)
  }
  return (self.user + self.system) / 1000 + children;
}

function peakRssMB(): number | null {
  if (!existsSync("/proc/self/status")) return null;
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return m ? Number(m[1]) / 1024 : null;
}

export async function stage<T>(name: string, run: () => Promise<T>, detail?: (result: T) => Record<string, number>): Promise<T> {
  const live = progress(name);
  live.tick(0, 1, "…");
  const wall = performance.now();
  const cpu = cpuMs();
  const result = await run();
  live.done();
  timings.push({ stage: name, wallMs: performance.now() - wall, cpuMs: cpuMs() - cpu, peakRssMB: peakRssMB(), ...(detail ? { detail: detail(result) } : {}) });
  writeTimings(); // after every stage, so that a build that fails later still shows what it measured
  return result;
}

export function stageTimings(): StageTiming[] {
  return [...timings];
}

/** For the benchmark: the stages so far, to the file named by BENCH_TIMINGS. */
export function writeTimings(): void {
  const file = process.env["BENCH_TIMINGS"];
  if (file) writeFileSync(file, JSON.stringify(timings, null, 2) + "\n");
}
