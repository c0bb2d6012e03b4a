// Usage text for `shipgate --help` and each command's --help.
import type { CommandName } from "./args.js";

const overview = `shipgate — a delivery quality gate for pull requests, run on a local git repository

Usage:
  shipgate check [options]      judge the current branch as a pull request against its base
  shipgate init [--force]       write .github/shipgate.yml and a pull request template
  shipgate validate [FILE]      check a config file (default .github/shipgate.yml)
  shipgate report [options]     a delivery report of the pull requests merged in a period
  shipgate --version

Every command takes --repo DIR (default: the current directory) and --help.
Run 'shipgate <command> --help' for its options.

Exit codes: 0 the gate passes, 1 the gate fails, 2 usage, configuration or I/O error.
`;

const check = `Usage: shipgate check [options]

Judges the commits from the merge base of BASE and HEAD up to HEAD, as GitHub would judge a pull
request from HEAD into BASE. Uncommitted changes are not included: commit first.

Options:
  --base REF          base branch (default: origin/HEAD's branch, else main, else master)
  --head REF          head commit (default: HEAD)
  --title TEXT        pull request title (default: the subject of the head commit)
  --body TEXT         pull request body (default: the message body of the head commit)
  --body-file FILE    read the body from FILE; '-' reads stdin
  --label NAME        a pull request label; repeat for more (e.g. --label risk:high)
  --coverage GLOB     coverage report file or glob, relative to the repository root; repeat for
                      more (default: rules.coverage.reports from the config)
  --config FILE       use this config file from disk instead of .github/shipgate.yml at BASE
  --format FORMAT     text (default), markdown (the pull request comment) or json
  --repo DIR          the repository (default: the current directory)
  -h, --help          show this help

The config is read from BASE, so a branch cannot relax the gate it is judged by; a change to it
on the branch is reported, not applied. Linked risk items cannot be verified without GitHub.
Colour is used when stdout is a terminal and NO_COLOR is not set.
`;

const init = `Usage: shipgate init [--force] [--repo DIR]

Writes .github/shipgate.yml (every rule with its default settings, explained) and
.github/pull_request_template.md (Rollout and Risks sections) at the repository root.

Options:
  --force             overwrite files that already exist
  --repo DIR          the repository (default: the current directory)
  -h, --help          show this help
`;

const validate = `Usage: shipgate validate [FILE] [--repo DIR]

Checks a config file and prints each problem as 'file:line:col key.path message'.
FILE defaults to .github/shipgate.yml in the working tree at the repository root.

Options:
  --repo DIR          the repository (default: the current directory)
  -h, --help          show this help
`;

const report = `Usage: shipgate report [options]

Reports the pull requests merged into BRANCH in a period, from git history alone: merge commits
("Merge pull request #N from ...") and squash merges ("Title (#N)") on the first-parent line,
each sized as the size rule counts it, with lead time from first commit to merge, by size.
Other merges and direct pushes are counted separately. See docs/report.md.

Options:
  --since DATE        start of the period, YYYY-MM-DD or an ISO 8601 time (UTC)
  --days N            the period is the N days before --until (default: 90)
  --until DATE        end of the period; a YYYY-MM-DD date includes that day (default: now)
  --branch REF        the branch (default: origin/HEAD's branch, else main, else master)
  --format FORMAT     markdown (default), html (one self-contained page) or json
  -o, --output FILE   write the report to FILE instead of stdout
  --github            add what only GitHub knows: time to first review, shipgate's verdict per
                      rule, overrides (token from GITHUB_TOKEN; API from GITHUB_API_URL;
                      repository from GITHUB_REPOSITORY, else the github.com origin remote)
  --max-requests N    with --github, send at most N API requests (default 1000; four per
                      pull request, one more per further page of 100 reviews or comments)
  --repo DIR          the repository (default: the current directory)
  -h, --help          show this help
`;

export function helpText(topic: CommandName | null): string {
  switch (topic) {
    case "check":
      return check;
    case "init":
      return init;
    case "validate":
      return validate;
    case "report":
      return report;
    case null:
      return overview;
  }
}
