/**
 * Run a command as a child process and measure it: wall time, CPU time (user + sys) of it and
 * every process it waited for, and the peak resident memory of the largest of them. GNU time
 * (/usr/bin/time) reads those from wait4(); without it, only wall time is known.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Measured {
  wallMs: number;
  cpuMs: number | null;
  peakRssMB: number | null;
  exitCode: number;
  stdout: string;
  stderr: string;
}

const GNU_TIME = "/usr/bin/time";

export function haveGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

export async function measure(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; echo?: boolean } = {}): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), "bench-time-"));
  const timeFile = join(dir, "time");
  const useTime = haveGnuTime();
  const [file, argv] = useTime ? [GNU_TIME, ["-o", timeFile, "-f", "%e %U %S %M", cmd, ...args]] : [cmd, args];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  child.stderr.on("data", (d: Buffer) => {
    stderr += d;
    if (opts.echo) process.stderr.write(d);
  });
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
  const wallMs = performance.now() - started;
  let cpuMs: number | null = null;
  let peakRssMB: number | null = null;
  if (useTime && existsSync(timeFile)) {
    // The last line holds the figures; GNU time writes "Command exited with non-zero status" above it.
    const last = readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "";
    const [, user, sys, rssKB] = last.split(" ").map(Number);
    if (user !== undefined && sys !== undefined && rssKB !== undefined && [user, sys, rssKB].every(Number.isFinite)) {
      cpuMs = (user + sys) * 1000;
      peakRssMB = rssKB / 1024;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return { wallMs, cpuMs, peakRssMB, exitCode, stdout, stderr };
}
