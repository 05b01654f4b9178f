// Completes package-lock.json with the platform-specific optional packages that npm leaves out
// when the registry it reaches does not carry them (npm/cli#4828, #8320): without those entries
// `npm ci` stops with "Missing: <pkg>@ from lock file" before installing anything.
// Each added entry is optional and names its platform (read from the package name), so npm skips
// it on every other machine and never fetches it. Run after changing dependencies:
//   npm install && node .ci/complete-lock.mjs
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;

const OS = { darwin: "darwin", win32: "win32", windows: "win32", freebsd: "freebsd", openbsd: "openbsd", android: "android", linux: "linux", openharmony: "openharmony", sunos: "sunos", aix: "aix", netbsd: "netbsd" };
const CPU = { arm64: "arm64", x64: "x64", ia32: "ia32", arm: "arm", loong64: "loong64", ppc64: "ppc64", riscv64: "riscv64", s390x: "s390x", mips64el: "mips64el" };

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.map((p) => OS[p]).find(Boolean);
  const cpu = parts.map((p) => CPU[p]).find(Boolean);
  const libc = parts.some((p) => p === "musl" || p === "musleabihf") ? "musl" : parts.some((p) => p === "gnu" || p === "gnueabihf") ? "glibc" : null;
  return { os, cpu, libc };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const here = `${path ? path + "/" : ""}node_modules/${dep}`;
    if (packages[here] || packages[`node_modules/${dep}`]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os && !cpu) continue; // not a platform package: leave it to npm
    packages[`node_modules/${dep}`] = {
      version,
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`complete-lock: ${added} platform entries added`);
