// Says so when the head has no commits its base lacks: the gate then judges nothing, and a
// silent "0 lines in 0 files" pass would look like a verdict.
import type { GitRepository } from "./open-repository.js";
import { runGit } from "./run-git.js";

/** A note for the verdict when head adds nothing to base, else null. */
export async function describeEmptyRange(repo: GitRepository): Promise<string | null> {
  const ancestor = await runGit(["merge-base", "--is-ancestor", repo.head.sha, repo.base.sha], {
    ...repo.git,
    okCodes: [1, 128],
  });
  if (ancestor.code !== 0) return null;
  const head = repo.head.ref === "HEAD" ? repo.head.sha.slice(0, 12) : repo.head.ref;
  const same = repo.head.sha === repo.base.sha;
  const note =
    `Nothing to judge: ${head} ${same ? "is the same commit as" : "has no commits that are not in"} ` +
    `the base ${repo.base.ref}, so the figures are empty.`;
  // origin/HEAD names the branch being checked (a clone made with -b): the base is wrong.
  const baseBranch = repo.base.ref.replace(/^[^/]+\//, "");
  return baseBranch === repo.head.ref || same
    ? `${note} Pass the branch it will merge into with --base (for example --base origin/main).`
    : note;
}
