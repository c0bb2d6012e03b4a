// `npm ci` on Node 20 prints no EBADENGINE warning: every locked package, dev tools included,
// admits the oldest Node 20 we develop on (docs/development.md). Where a new release of some
// transitive package needs Node 22, package.json's `overrides` pins the last one that does not.
import { readFileSync } from "node:fs";
import semver from "semver";

const OLDEST_NODE_20 = "20.19.0";

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
  packages: Record<string, LockedPackage>;
};

function nodeRange(entry: LockedPackage): string | undefined {
  return Array.isArray(entry.engines) ? undefined : entry.engines?.node;
}

it("locks only packages that run on Node 20", () => {
  const refusing = Object.entries(lock.packages)
    .filter(([path]) => path !== "")
    .flatMap(([path, entry]) => {
      const range = nodeRange(entry);
      if (range === undefined || semver.satisfies(OLDEST_NODE_20, range)) return [];
      return [`${path.replace(/^.*node_modules\//, "")}@${entry.version}: node ${range}`];
    });
  expect(refusing).toEqual([]);
});

it("reads engines from the lockfile (the check above is not vacuous)", () => {
  const ranges = Object.values(lock.packages).map(nodeRange).filter(Boolean);
  expect(ranges.length).toBeGreaterThan(100);
  expect(semver.satisfies("18.20.0", "^20.19.0 || >=22")).toBe(false);
});
