// The artifact reader (build/artifact-worker.mjs, built by test/global-setup.mjs) stops when the
// App that forked it is killed, instead of reading and judging on for nobody.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readProcessTable } from "../../process-guard/find-leftover-processes.mjs";
import { lcovBombZip } from "../../security/app-attack-kit.js";

const WORKER = path.resolve("build/artifact-worker.mjs");

let dir: string;
let app: ChildProcess | null = null;
let reader: number | null = null;
afterEach(() => {
  app?.kill("SIGKILL");
  if (reader !== null && alive(reader)) process.kill(reader, "SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** Running: a process that exited but was not yet reaped (a zombie) is not. */
function alive(pid: number): boolean {
  return readProcessTable().some(
    (entry) => entry.pid === pid && entry.state !== "Z" && entry.state !== "X",
  );
}

// /proc tells a zombie from a running process; elsewhere this is not checked.
const linux = process.platform === "linux";

(linux ? it : it.skip)(
  "stops reading when the App that forked it is killed",
  async () => {
    dir = mkdtempSync(path.join(tmpdir(), "shipgate-orphan-"));
    // 300 MB of LCOV: unpacking it alone takes the reader seconds, and parsing it longer.
    const zip = path.join(dir, "artifact.zip");
    writeFileSync(zip, await lcovBombZip(300 * 1024 * 1024));
    // A stand-in for the App: forks the reader as create-artifact-reader.ts does, hands it the
    // artifact, says the reader's pid, and waits.
    const stand = path.join(dir, "app.mjs");
    writeFileSync(
      stand,
      [
        'import { fork } from "node:child_process";',
        'import { readFileSync } from "node:fs";',
        "const [worker, zip] = process.argv.slice(2);",
        'const child = fork(worker, [], { serialization: "advanced", stdio: ["ignore", "ignore", "ignore", "ipc"] });',
        'child.send({ kind: "read", zip: new Uint8Array(readFileSync(zip)), options: { source: "artifact", maxBytes: 1024 ** 3 } });',
        "process.stdout.write(`${child.pid}\\n`);",
        "setInterval(() => {}, 1000);",
      ].join("\n"),
    );
    const started = spawn(process.execPath, [stand, WORKER, zip], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    app = started;
    reader = await new Promise<number>((resolve) =>
      started.stdout?.once("data", (data: Buffer) => resolve(Number(String(data).trim()))),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(alive(reader)).toBe(true); // still unpacking
    started.kill("SIGKILL");
    const killedAt = Date.now();
    while (alive(reader) && Date.now() - killedAt < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(alive(reader)).toBe(false);
    expect(Date.now() - killedAt).toBeLessThan(2000);
  },
  60_000,
);
