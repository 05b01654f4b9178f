/**
 * Vitest global setup: every test's temporary folders (os.tmpdir()) go under one folder of this
 * run, removed when the run ends, so that runs do not leave sites and archives behind in /tmp.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "archive-tests-"));
  process.env["TMPDIR"] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
