// Downloads the coverage artifact of a finished workflow run (a zip) and has `readArtifact` (the
// separate-process reader, create-artifact-reader.ts) parse every coverage report inside it. A
// missing or expired artifact, or one too large, becomes a report error, so the coverage rule says
// what went wrong instead of silently finding nothing.
import type { CoverageArtifact } from "../../shared/core/mark-coverage-pending.js";
import type { CoverageFacts } from "../../shared/core/types.js";
import { downloadArtifact } from "../../shared/github/download-artifact.js";
import type { GitHubClient, RepoRef } from "../../shared/github/github-client.js";
import type { ArtifactReader } from "./create-artifact-reader.js";

export async function gatherArtifactCoverage(
  client: GitHubClient,
  repo: RepoRef,
  runId: number,
  artifact: CoverageArtifact,
  readArtifact: ArtifactReader,
): Promise<CoverageFacts> {
  const source = `artifact ${artifact.name} of workflow ${artifact.workflow} (run ${runId})`;
  const download = await downloadArtifact(client, {
    ...repo,
    runId,
    artifact: artifact.name,
    // Compressed, a zip is smaller than what it unpacks to, give or take its directory.
    maxBytes: readArtifact.maxBytes,
  });
  if (download.found) return readArtifact(download.zip, source);
  const message =
    download.reason === "expired"
      ? "the artifact has expired; re-run the workflow"
      : download.reason === "too-large"
        ? `the artifact is ${megabytes(download.bytes)}, over the ${megabytes(readArtifact.maxBytes)} limit (COVERAGE_ARTIFACT_MAX_MB), so it was not downloaded; upload only the coverage reports`
        : "the workflow run finished without uploading this artifact";
  return { reports: [], errors: [{ source, message }] };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
