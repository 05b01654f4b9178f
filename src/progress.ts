/** Progress for long runs: a line that updates in place on a terminal; nothing under CI or when piped. */
export interface Progress {
  tick(done: number, total: number, label?: string): void;
  done(): void;
}

export function progress(stage: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = stream.isTTY === true && !process.env["CI"];
  let last = 0;
  return {
    tick(done, total, label = "") {
      if (!live) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const pct = total ? Math.floor((done / total) * 100) : 100;
      stream.write(`\r\x1b[2K${stage}: ${done}/${total} (${pct}%) ${label}`.slice(0, (stream.columns || 80) - 1));
    },
    done() {
      if (live) stream.write("\r\x1b[2K");
    },
  };
}
