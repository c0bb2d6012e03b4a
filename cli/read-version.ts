// The package version, read from package.json next to this file's directory: cli/ in source and
// build/ in the bundle are both one level below the package root.
import { readFile } from "node:fs/promises";

export async function readVersion(): Promise<string> {
  try {
    const text = await readFile(new URL("../package.json", import.meta.url), "utf8");
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === "string" ? version : "unknown";
  } catch {
    return "unknown";
  }
}
