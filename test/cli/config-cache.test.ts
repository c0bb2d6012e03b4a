// The validated config kept between runs (cli/config-cache.ts): used only for the same build,
// file and text, never for an invalid config, and always equal to a fresh parse.
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { parseConfig, type ConfigResult } from "../../shared/core/config/parse-config.js";
import { parseConfigCached, type ConfigCache } from "../../cli/config-cache.js";
import { MAX_CACHES } from "../../cli/load-cached-script.js";

const FILE = ".github/shipgate.yml";
const VALID = "rules:\n  size:\n    max-lines: 900\n";

let dir: string;
let cache: ConfigCache;
let parses: number;
const parse = (text: string | null, file: string): ConfigResult => {
  parses++;
  return parseConfig(text, file);
};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "shipgate-config-cache-"));
  cache = { dir: join(dir, "cache"), build: "run-check-AAAA.cjs-1-2-3-v20-x64" };
  parses = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entries = () =>
  existsSync(cache.dir) ? readdirSync(cache.dir).filter((name) => name.startsWith("config-")) : [];

describe("parseConfigCached", () => {
  it("parses once, then gives what it kept for the same build, file and text", () => {
    const first = parseConfigCached(VALID, FILE, cache, parse);
    const again = parseConfigCached(VALID, FILE, cache, parse);
    expect(parses).toBe(1);
    expect(again).toStrictEqual(first);
    expect(again).toStrictEqual(parseConfig(VALID, FILE));
    expect(entries()).toHaveLength(1);
  });

  it("keeps the defaults of a missing file apart from an empty one", () => {
    expect(parseConfigCached(null, FILE, cache, parse)).toStrictEqual(parseConfig(null, FILE));
    expect(parseConfigCached("", FILE, cache, parse)).toStrictEqual(parseConfig("", FILE));
    expect(parseConfigCached(null, FILE, cache, parse)).toStrictEqual(parseConfig(null, FILE));
    expect(parses).toBe(2);
  });

  it.each([
    ["another text", { text: "rules:\n  size:\n    max-lines: 901\n" }],
    ["another file", { file: "other.yml" }],
    ["another build", { build: "run-check-BBBB.cjs-1-2-3-v20-x64" }],
  ])("parses again for %s", (_name, change: { text?: string; file?: string; build?: string }) => {
    parseConfigCached(VALID, FILE, cache, parse);
    const result = parseConfigCached(
      change.text ?? VALID,
      change.file ?? FILE,
      { ...cache, build: change.build ?? cache.build },
      parse,
    );
    expect(parses).toBe(2);
    expect(result).toStrictEqual(parseConfig(change.text ?? VALID, change.file ?? FILE));
  });

  it("never keeps an invalid config: its errors come from a fresh parse every time", () => {
    const invalid = "rules:\n  size:\n    max-lines: -1\n";
    const first = parseConfigCached(invalid, FILE, cache, parse);
    const again = parseConfigCached(invalid, FILE, cache, parse);
    expect(first.ok).toBe(false);
    expect(again).toStrictEqual(first);
    expect(parses).toBe(2);
    expect(entries()).toEqual([]);
  });

  it("parses when the entry found by name is for other text, or is not an entry at all", () => {
    parseConfigCached(VALID, FILE, cache, parse);
    const [name] = entries();
    const file = join(cache.dir, name ?? "");
    // A name collision (or a hand-edited entry): same name, other text, a verdict-changing result.
    const forged = parseConfig("rules:\n  size:\n    max-lines: 1\n", FILE);
    writeFileSync(
      file,
      JSON.stringify({ build: cache.build, file: FILE, text: "x", result: forged }),
    );
    expect(parseConfigCached(VALID, FILE, cache, parse)).toStrictEqual(parseConfig(VALID, FILE));
    for (const junk of ["", "{", "null", '{"build":1}', JSON.stringify({ ok: true })]) {
      writeFileSync(file, junk);
      expect(parseConfigCached(VALID, FILE, cache, parse)).toStrictEqual(parseConfig(VALID, FILE));
    }
    expect(parses).toBe(7);
  });

  it(`keeps the ${MAX_CACHES} configs parsed last, beside the code caches`, () => {
    const text = (i: number) => `rules:\n  size:\n    max-lines: ${i}\n`;
    for (let i = 0; i < MAX_CACHES; i++) {
      const before = new Set(entries());
      parseConfigCached(text(i), FILE, cache, parse);
      const [written] = entries().filter((name) => !before.has(name));
      // Written i minutes apart, the first longest ago.
      const time = new Date(Date.now() - (MAX_CACHES - i) * 60_000);
      utimesSync(join(cache.dir, written ?? ""), time, time);
    }
    writeFileSync(join(cache.dir, "code.bin"), "");
    parseConfigCached(text(MAX_CACHES), FILE, cache, parse);
    expect(entries()).toHaveLength(MAX_CACHES);
    expect(readdirSync(cache.dir)).toContain("code.bin");
    parseConfigCached(text(1), FILE, cache, parse); // kept
    parseConfigCached(text(0), FILE, cache, parse); // the oldest: gone, parsed again
    expect(parses).toBe(MAX_CACHES + 2);
  });

  it("uses no folder that others can write, and keeps nothing without a cache", () => {
    chmodSync(dir, 0o700);
    parseConfigCached(VALID, FILE, cache, parse);
    chmodSync(cache.dir, 0o777);
    parseConfigCached(VALID, FILE, cache, parse);
    parseConfigCached(VALID, FILE, null, parse);
    parseConfigCached(VALID, FILE, null, parse);
    expect(parses).toBe(4);
  });

  it("gives exactly what a fresh parse gives, for any valid config", () => {
    let protoLevels = 0;
    const levelName = fc.constantFrom("low", "high", "__proto__", "constructor", "toString", "ü");
    const config = fc.record(
      {
        rules: fc.record(
          {
            size: fc.record(
              { "max-lines": fc.nat(), exclude: fc.array(fc.string({ minLength: 1 })) },
              { requiredKeys: [] },
            ),
            coverage: fc.record(
              {
                "min-patch": fc.oneof(
                  fc.constant(-0),
                  fc.double({ min: 0, max: 100, noNaN: true }),
                ),
                reports: fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }),
                "min-project": fc.option(fc.integer({ min: 0, max: 100 })),
              },
              { requiredKeys: [] },
            ),
            "linked-risks": fc.record(
              { patterns: fc.array(fc.constantFrom("RISK-\\d+", "[A-Z]+-\\d+", "ü+")) },
              { requiredKeys: [] },
            ),
          },
          { requiredKeys: [] },
        ),
        risk: fc.record({ levels: fc.uniqueArray(levelName, { minLength: 1 }) }),
        "risk-levels": fc.dictionary(
          levelName,
          fc.record({ size: fc.record({ "max-lines": fc.nat() }) }),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(config, (written) => {
        const text = stringify(written);
        if (text.includes("__proto__") && parseConfig(text, FILE).ok) protoLevels++;
        const fresh = parseConfig(text, FILE);
        const first = parseConfigCached(text, FILE, cache, parse);
        const kept = parseConfigCached(text, FILE, cache, parse);
        expect(same(first, fresh)).toBe(true);
        // JSON keeps every value a config can hold but the sign of a zero, which no rule reads
        // (it compares, prints and serialises -0 as 0).
        expect(same(kept, withoutNegativeZero(fresh))).toBe(true);
      }),
      { numRuns: 300 },
    );
    // Risk levels named __proto__ (an own key, not a prototype) were among the valid configs.
    expect(protoLevels).toBeGreaterThan(0);
  });
});

function withoutNegativeZero<T>(value: T): T {
  if (Object.is(value, -0)) return 0 as T;
  if (Array.isArray(value)) return value.map(withoutNegativeZero) as T;
  if (typeof value !== "object" || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    Object.defineProperty(copy, key, {
      value: withoutNegativeZero(inner),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy as T;
}

/**
 * Deep equality by own keys (in order), prototypes and Object.is. Jest's toStrictEqual compares
 * `a.constructor`, which for a risk level named "constructor" is that level's settings.
 */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
    return Object.is(a, b);
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keysA = Reflect.ownKeys(a);
  const keysB = Reflect.ownKeys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key, i) => key === keysB[i]) &&
    keysA.every((key) => same(Reflect.get(a, key), Reflect.get(b, key)))
  );
}
