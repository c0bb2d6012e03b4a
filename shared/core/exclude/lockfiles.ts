// Dependency lockfiles: machine-written, so they never count towards a pull request's size.

/** Basenames of lockfiles, matched at any depth (monorepos keep one per package). */
export const LOCKFILE_NAMES: readonly string[] = [
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lockb",
  "bun.lock",
  "Cargo.lock",
  "go.sum",
  "go.work.sum",
  "poetry.lock",
  "uv.lock",
  "Pipfile.lock",
  "Gemfile.lock",
  "composer.lock",
  "gradle.lockfile",
];

const names = new Set(LOCKFILE_NAMES);

// Gradle's older per-configuration locks: `gradle/dependency-locks/<configuration>.lockfile`.
const GRADLE_LOCKS_DIR = "gradle/dependency-locks/";

export function isLockfile(path: string): boolean {
  const slash = path.lastIndexOf("/");
  const basename = path.slice(slash + 1);
  if (names.has(basename)) return true;
  if (!basename.endsWith(".lockfile")) return false;
  const dir = path.slice(0, slash + 1);
  return dir === GRADLE_LOCKS_DIR || dir.endsWith(`/${GRADLE_LOCKS_DIR}`);
}
