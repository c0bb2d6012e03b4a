// Reads several git objects (`<rev>:<path>` blobs, commits) in one `git cat-file --batch` call.
import { describeArg, joined, partsOf } from "./output-line.js";
import { runGit, type GitArg, type GitRunOptions } from "./run-git.js";

/**
 * Returns each object's content in request order; null when it does not exist or is not the
 * expected kind (a blob for `rev:path`, anything for a bare rev).
 */
export async function readObjects(
  specs: GitArg[],
  options: GitRunOptions,
): Promise<(Buffer | null)[]> {
  if (specs.length === 0) return [];
  const { stdout } = await runGit(["cat-file", "--batch"], {
    ...options,
    input: joined(...specs.flatMap((spec) => [spec, "\n"])),
  });
  const results: (Buffer | null)[] = [];
  let offset = 0;
  for (const spec of specs) {
    const lineEnd = stdout.indexOf(0x0a, offset);
    if (lineEnd < 0) {
      throw new Error(`git cat-file --batch ended early, before ${describeArg(spec)}`);
    }
    const header = stdout.subarray(offset, lineEnd).toString("utf8");
    offset = lineEnd + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      // "<spec> missing" or "<spec> ambiguous": no content follows.
      results.push(null);
      continue;
    }
    const size = Number(match[2]);
    const content = stdout.subarray(offset, offset + size);
    offset += size + 1;
    const wantsBlob = partsOf(spec).some((part) => typeof part === "string" && part.includes(":"));
    results.push(wantsBlob && match[1] !== "blob" ? null : content);
  }
  return results;
}
