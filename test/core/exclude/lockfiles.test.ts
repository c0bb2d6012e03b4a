import { LOCKFILE_NAMES, isLockfile } from "../../../shared/core/exclude/lockfiles.js";

describe("isLockfile", () => {
  it.each(LOCKFILE_NAMES)("knows %s at the root and in a package", (name) => {
    expect(isLockfile(name)).toBe(true);
    expect(isLockfile(`packages/web/${name}`)).toBe(true);
  });

  it.each([
    ["gradle/dependency-locks/compileClasspath.lockfile", true],
    ["app/gradle/dependency-locks/runtimeClasspath.lockfile", true],
    ["gradle/dependency-locks/notes.txt", false],
    ["other/compileClasspath.lockfile", false],
    ["mygradle/dependency-locks/x.lockfile", false],
    ["package.json", false],
    ["src/yarn.lock.ts", false],
    ["docs/Cargo.lock.md", false],
    ["cargo.lock", false],
    ["go.mod", false],
    ["yarn.lock/readme.md", false],
  ])("%s -> %s", (path, expected) => {
    expect(isLockfile(path)).toBe(expected);
  });
});
