// Downloads the coverage artifact of a finished workflow run (a zip), which the reader's process
// (create-artifact-reader.ts) reads where it evaluates the pull request. A missing or expired
// artifact, or one too large, becomes a report error, so the coverage rule says what went wrong
// instead of silently finding nothing.
import type { CoverageArtifact } from "../../shared/core/mark-coverage-pending.js";
import type { CoverageFacts } from "../../shared/core/types.js";
import { downloadArtifact, formatMegabytes } from "../../shared/github/download-artifact.js";
import type { GitHubClient, RepoRef } from "../../shared/github/github-client.js";

/** The downloaded zip, to read where the verdict is made, or why there is none. */
export type ArtifactCoverage =
  { found: true; zip: Uint8Array; source: string } | { found: false; coverage: CoverageFacts };

export async function downloadCoverageArtifact(
  client: GitHubClient,
  repo: RepoRef,
  runId: number,
  artifact: CoverageArtifact,
  /** The most the artifact may unpack to (COVERAGE_ARTIFACT_MAX_MB); a larger zip is refused. */
  maxBytes: number,
): Promise<ArtifactCoverage> {
  const source = `artifact ${artifact.name} of workflow ${artifact.workflow} (run ${runId})`;
  const download = await downloadArtifact(client, {
    ...repo,
    runId,
    artifact: artifact.name,
    // Compressed, a zip is smaller than what it unpacks to, give or take its directory.
    maxBytes,
  });
  if (download.found) return { found: true, zip: download.zip, source };
  const message =
    download.reason === "expired"
      ? "the artifact has expired; re-run the workflow"
      : download.reason === "too-large"
        ? `the artifact is ${formatMegabytes(download.bytes)}, over the ${formatMegabytes(maxBytes)} limit (COVERAGE_ARTIFACT_MAX_MB), so it was not downloaded; upload only the coverage reports`
        : "the workflow run finished without uploading this artifact";
  return { found: false, coverage: { reports: [], errors: [{ source, message }] } };
}
