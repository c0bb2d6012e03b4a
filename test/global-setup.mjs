// Builds the bundles users run (build/cli.cjs, build/app.mjs) once before any test runs them,
// so tests exercise today's sources and never race each other rebuilding the same file.
import { execFileSync } from "node:child_process";

export default function globalSetup() {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
}
