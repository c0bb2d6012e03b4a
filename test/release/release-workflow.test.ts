// The release workflow (.github/workflows/release.yml), tested as far as this machine allows
// (no GitHub, no registry writes, no Docker daemon): it is triggered by version tags only, runs
// exactly what CI runs (.ci/run) before anything is published, packs the files package.json
// declares and publishes that tarball with provenance, pushes the App's image to ghcr.io, and
// moves the major tag last. Its shell steps run here for real, against stand-ins (a bare git
// repository for origin, an `npm` that records its arguments).
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import picomatch from "picomatch";
import { parse as parseYaml } from "yaml";

const ROOT = resolve(import.meta.dirname, "../..");

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}
interface Job {
  needs?: string | string[];
  container?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { push?: { tags?: string[]; branches?: string[] } } & Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parseYaml(
  readFileSync(join(ROOT, ".github/workflows/release.yml"), "utf8"),
) as Workflow;
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  files: string[];
};

function step(job: string, name: string): Step {
  const found = workflow.jobs[job]?.steps.find((s) => s.name === name);
  if (found === undefined) throw new Error(`release.yml: job ${job} has no step "${name}"`);
  return found;
}

const needsOf = (job: string): string[] => [workflow.jobs[job]?.needs ?? []].flat();
/** Every job that must succeed before `job` starts. */
function upstream(job: string): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    for (const need of needsOf(name)) {
      if (!seen.has(need)) {
        seen.add(need);
        visit(need);
      }
    }
  };
  visit(job);
  return seen;
}

/** Runs a step's script with bash in `cwd`, with the variables GitHub would set. */
function runStep(script: string, cwd: string, env: Record<string, string>) {
  return spawnSync("bash", ["-eo", "pipefail", "-c", script], {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "shipgate-release-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("release.yml: when it runs and in what order", () => {
  it("runs on version tags only, pre-releases included, and on nothing else", () => {
    expect(Object.keys(workflow.on)).toEqual(["push"]);
    expect(workflow.on.push?.branches).toBeUndefined();
    // GitHub's filter syntax: `+` repeats the previous character class, `*` anything but `/`.
    const toGlob = (pattern: string) => pattern.replace(/\[0-9\]\+/g, "+([0-9])");
    const isMatch = picomatch((workflow.on.push?.tags ?? []).map(toGlob), { dot: true });
    expect(["v1.0.0", "v12.3.45", "v1.3.0-rc.1"].filter((tag) => !isMatch(tag))).toEqual([]);
    expect(["v1", "1.0.0", "v1.0", "latest", "v1.0.0.0"].filter((tag) => isMatch(tag))).toEqual([]);
  });

  it("reads only, unless a job says what it writes", () => {
    expect(workflow.permissions).toEqual({ contents: "read" });
    expect(workflow.jobs.npm?.permissions).toEqual({ contents: "read", "id-token": "write" });
    expect(workflow.jobs.container?.permissions).toEqual({ contents: "read", packages: "write" });
    expect(workflow.jobs.action?.permissions).toEqual({ contents: "write" });
    expect(workflow.jobs.test?.permissions).toBeUndefined();
  });

  it("publishes nothing before the tests pass, and moves the major tag after every publish", () => {
    for (const job of Object.keys(workflow.jobs).filter((name) => name !== "test")) {
      expect([job, upstream(job).has("test")]).toEqual([job, true]);
    }
    expect(upstream("action")).toEqual(new Set(["npm", "container", "test"]));
    for (const job of Object.keys(workflow.jobs)) {
      for (const need of needsOf(job)) expect(Object.keys(workflow.jobs)).toContain(need);
    }
  });
});

describe("release.yml: the tests", () => {
  it("run .ci/run itself, the command CI runs, on the Debian image CI tests on", () => {
    const runs = workflow.jobs.test?.steps.map((s) => s.run?.trim()).filter(Boolean) ?? [];
    expect(runs).toContain("bash .ci/run");
    expect(workflow.jobs.test?.container).toBe("node:20-bookworm");
    const ciRun = readFileSync(join(ROOT, ".ci/run"), "utf8");
    for (const command of ["npm ci", "npm run typecheck", "npm run lint", "npm test"]) {
      expect(ciRun).toContain(command);
    }
    expect(ciRun).toContain("SHIPGATE_REQUIRE_ALL=1");
  });

  it.each([
    [`v${manifest.version}`, 0],
    ["v99.0.0", 1],
  ])("refuse a tag that is not package.json's version: %s exits %d", (tag, status) => {
    const check = runStep(step("test", "The tag is package.json's version").run ?? "", ROOT, {
      GITHUB_REF_NAME: tag,
    });
    expect(check.status).toBe(status);
    if (status !== 0) expect(check.stdout).toContain("::error title=Tag and version differ::");
  });
});

describe("release.yml: the npm package", () => {
  it("packs with the files package.json declares, nothing more and nothing less", () => {
    const pack = step("npm", "Pack").run ?? "";
    const command = /npm pack([^|]*)/.exec(pack)?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
    // Flags that would change what is packed (a --workspace, a path, a --dry-run) are not there.
    expect(command).toEqual(["--ignore-scripts"]);
    const out = execFileSync("npm", ["pack", ...command, "--dry-run", "--json"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const [{ files }] = JSON.parse(out) as [{ files: { path: string }[] }];
    const paths = files.map((file) => file.path);
    // npm adds these whatever `files` says.
    const always = ["package.json", "README.md", "LICENSE"];
    const under = (entry: string, path: string) => path === entry || path.startsWith(`${entry}/`);
    const undeclared = paths.filter(
      (path) => !always.includes(path) && !manifest.files.some((entry) => under(entry, path)),
    );
    expect(undeclared).toEqual([]);
    const missing = manifest.files.filter((entry) => !paths.some((path) => under(entry, path)));
    expect(missing).toEqual([]);
  });

  it.each([
    ["v1.2.3", "latest"],
    ["v1.3.0-rc.1", "next"],
  ])("publishes the packed tarball with provenance: %s under the npm tag %s", (tag, channel) => {
    const bin = join(work, `npm-${channel}`);
    execFileSync("mkdir", ["-p", bin]);
    writeFileSync(join(bin, "npm"), '#!/bin/sh\nprintf "%s\\n" "$@" > "$NPM_ARGS"\n');
    chmodSync(join(bin, "npm"), 0o755);
    const publish = step("npm", "Publish");
    expect(publish.env).toEqual({
      NODE_AUTH_TOKEN: "${{ secrets.NPM_TOKEN }}",
      TARBALL: "${{ steps.pack.outputs.tarball }}",
    });
    const args = join(work, `args-${channel}`);
    const result = runStep(publish.run ?? "", work, {
      GITHUB_REF_NAME: tag,
      TARBALL: "shipgate-1.2.3.tgz",
      NPM_ARGS: args,
      PATH: `${bin}:${process.env.PATH ?? ""}`,
    });
    expect(result.status).toBe(0);
    expect(readFileSync(args, "utf8").trim().split("\n")).toEqual([
      "publish",
      "--provenance",
      "--access",
      "public",
      "--tag",
      channel,
      "shipgate-1.2.3.tgz",
    ]);
  });

  it("names the repository it is built from, then the tarball npm pack wrote", () => {
    const bin = join(work, "npm-pack");
    execFileSync("mkdir", ["-p", bin]);
    // npm pack prints its notices on stderr and the file name last on stdout.
    writeFileSync(
      join(bin, "npm"),
      '#!/bin/sh\necho "$*" >> "$NPM_ARGS"\necho "npm notice" >&2\necho shipgate-1.2.3.tgz\n',
    );
    chmodSync(join(bin, "npm"), 0o755);
    const output = join(work, "github-output");
    const args = join(work, "pack-args");
    writeFileSync(output, "");
    const result = runStep(step("npm", "Pack").run ?? "", work, {
      GITHUB_OUTPUT: output,
      GITHUB_REPOSITORY: "acme/shipgate",
      NPM_ARGS: args,
      PATH: `${bin}:${process.env.PATH ?? ""}`,
    });
    expect(result.status).toBe(0);
    expect(readFileSync(args, "utf8").trim().split("\n")).toEqual([
      "pkg set repository.type=git repository.url=git+https://github.com/acme/shipgate.git",
      "pack --ignore-scripts",
    ]);
    expect(readFileSync(output, "utf8")).toBe("tarball=shipgate-1.2.3.tgz\n");
  });
});

describe("release.yml: the App's container", () => {
  it("builds the Dockerfile and pushes ghcr.io/<owner>/shipgate-app by version and major", () => {
    const steps = workflow.jobs.container?.steps ?? [];
    const meta = steps.find((s) => s.uses?.startsWith("docker/metadata-action@"));
    expect(meta?.with?.images).toBe("ghcr.io/${{ github.repository_owner }}/shipgate-app");
    expect(String(meta?.with?.tags).trim().split("\n")).toEqual([
      "type=semver,pattern={{version}}",
      "type=semver,pattern={{major}}",
    ]);
    const build = steps.find((s) => s.uses?.startsWith("docker/build-push-action@"));
    expect(build?.with).toMatchObject({ context: ".", push: true });
    const login = steps.find((s) => s.uses?.startsWith("docker/login-action@"));
    expect(login?.with?.registry).toBe("ghcr.io");
    expect(readFileSync(join(ROOT, "Dockerfile"), "utf8")).toMatch(
      /^CMD \["node".*"build\/app\.mjs"\]$/m,
    );
  });
});

describe("release.yml: the Action", () => {
  it("attaches action.yml and the committed bundle, which runs from the tarball alone", () => {
    const dir = join(work, "action");
    execFileSync("mkdir", ["-p", dir]);
    for (const path of ["action.yml", "dist", "LICENSE", "package.json"])
      cpSync(join(ROOT, path), join(dir, path), { recursive: true });
    const result = runStep(step("action", "Bundle the Action").run ?? "", dir, {
      GITHUB_REF_NAME: "v1.2.3",
    });
    expect(result.status).toBe(0);
    const listed = execFileSync("tar", ["-tzf", join(dir, "shipgate-action-v1.2.3.tar.gz")], {
      encoding: "utf8",
    }).split("\n");
    const action = parseYaml(readFileSync(join(ROOT, "action.yml"), "utf8")) as {
      runs: { main: string };
    };
    expect(listed).toEqual(expect.arrayContaining(["action.yml", "LICENSE", action.runs.main]));

    // Unpacked on its own, the bundle loads and runs (here it stops at the missing inputs).
    const unpacked = join(work, "action-unpacked");
    execFileSync("mkdir", ["-p", unpacked]);
    execFileSync("tar", ["-xzf", join(dir, "shipgate-action-v1.2.3.tar.gz"), "-C", unpacked]);
    const ran = spawnSync(process.execPath, [join(unpacked, action.runs.main)], {
      cwd: unpacked,
      encoding: "utf8",
      env: { PATH: process.env["PATH"] ?? "" },
      timeout: 30_000,
    });
    expect(`${ran.stdout}${ran.stderr}`).not.toMatch(/SyntaxError|Cannot use import statement/);
    expect(ran.stdout).toMatch(/^::error::/m);
  });

  it("moves v1 to each 1.x release, v2 to 2.x, and skips a pre-release", () => {
    const origin = join(work, "origin.git");
    const clone = join(work, "clone");
    const git = (cwd: string, ...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t.invalid", ...args], {
        cwd,
        encoding: "utf8",
      }).trim();
    execFileSync("git", ["init", "-q", "--bare", origin]);
    execFileSync("git", ["clone", "-q", origin, clone], { stdio: "ignore" });
    const shas: string[] = [];
    for (const message of ["one", "two", "three"]) {
      git(clone, "commit", "-q", "--allow-empty", "-m", message);
      shas.push(git(clone, "rev-parse", "HEAD"));
    }
    git(clone, "push", "-q", "origin", "HEAD:refs/heads/main");
    const move = step("action", "Move the major tag");
    expect(move.if).toBe("${{ !contains(github.ref_name, '-') }}");
    const release = (tag: string, sha: string) => {
      const result = runStep(move.run ?? "", clone, { GITHUB_REF_NAME: tag, GITHUB_SHA: sha });
      expect(result.stderr.replace(/^To .*\n|^ [+*].*\n/gm, "")).toBe("");
      expect(result.status).toBe(0);
    };
    const v1 = () => git(origin, "rev-parse", "refs/tags/v1");
    release("v1.0.0", shas[0] ?? "");
    expect(v1()).toBe(shas[0]);
    release("v1.1.0", shas[1] ?? "");
    expect(v1()).toBe(shas[1]);
    release("v2.0.0", shas[2] ?? "");
    expect([v1(), git(origin, "rev-parse", "refs/tags/v2")]).toEqual([shas[1], shas[2]]);
  });
});
