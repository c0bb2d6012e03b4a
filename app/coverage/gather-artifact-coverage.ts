// Downloads the coverage artifact of a finished workflow run (a zip) and parses every coverage
// report inside it. A missing or expired artifact, or a zip too large, becomes a report error,
// so the coverage rule says what went wrong instead of silently finding nothing.
import { detectCoverageFormat } from "../../shared/core/coverage/detect-coverage-format.js";
import { parseCoverage } from "../../shared/core/coverage/parse-coverage.js";
import type { CoverageArtifact } from "../../shared/core/mark-coverage-pending.js";
import type { CoverageFacts } from "../../shared/core/types.js";
import { downloadArtifact } from "../../shared/github/download-artifact.js";
import type { GitHubClient, RepoRef } from "../../shared/github/github-client.js";
import { readZipEntries, type ZipEntry } from "../../shared/github/read-zip-entries.js";

/** Unpacked size past which an artifact is refused (a zip bomb, or not a coverage artifact). */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;

export async function gatherArtifactCoverage(
  client: GitHubClient,
  repo: RepoRef,
  runId: number,
  artifact: CoverageArtifact,
): Promise<CoverageFacts> {
  const source = `artifact ${artifact.name} of workflow ${artifact.workflow} (run ${runId})`;
  const download = await downloadArtifact(client, { ...repo, runId, artifact: artifact.name });
  if (download.found) return readReports(download.zip, source);
  const message =
    download.reason === "expired"
      ? "the artifact has expired; re-run the workflow"
      : "the workflow run finished without uploading this artifact";
  return { reports: [], errors: [{ source, message }] };
}

/** Parses every file in the zip that is a coverage report by content. */
export function readReports(zip: Uint8Array, source: string): CoverageFacts {
  let files: ZipEntry[];
  try {
    files = readZipEntries(zip, { select: () => true, maxBytes: MAX_UNZIPPED_BYTES });
  } catch (error) {
    return {
      reports: [],
      errors: [{ source, message: `cannot be read: ${(error as Error).message}` }],
    };
  }
  const facts: CoverageFacts = { reports: [], errors: [] };
  const byName = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, bytes } of byName) {
    if (bytes.subarray(0, 8000).includes(0)) continue;
    const text = new TextDecoder().decode(bytes);
    if (detectCoverageFormat(text) === null) continue;
    const parsed = parseCoverage(text, name);
    if (parsed.ok) facts.reports.push(parsed.report);
    else facts.errors.push(parsed.error);
  }
  if (facts.reports.length === 0 && facts.errors.length === 0) {
    facts.errors.push({
      source,
      message: "holds no coverage report (LCOV, Cobertura, Clover, JaCoCo, Istanbul JSON or Go)",
    });
  }
  return facts;
}
