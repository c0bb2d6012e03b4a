// Compares rendered output with a file under test/fixtures/golden, or rewrites the file when the
// test runs with UPDATE_GOLDEN=1 (then review the diff before committing it).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const GOLDEN_DIR = join(process.cwd(), "test", "fixtures", "golden");

export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(
      `Golden file ${name} is missing: run the tests with UPDATE_GOLDEN=1 to write it.`,
    );
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}
