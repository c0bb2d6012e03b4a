// Fetches one file from a workflow run's artifact (the fork setup's evaluation): download the
// artifact, read the file. A missing or expired artifact, or a missing file, is null; an artifact
// far larger than such a file is an error (it is not downloaded).
import { downloadArtifact, formatMegabytes, type ArtifactRequest } from "./download-artifact.js";
import type { GitHubClient } from "./github-client.js";
import { readZipEntries } from "./read-zip-entries.js";

/** An evaluation file is a few kilobytes; anything near this is not one. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface ArtifactFileRequest extends Omit<ArtifactRequest, "maxBytes"> {
  file: string;
}

export async function downloadArtifactFile(
  client: GitHubClient,
  request: ArtifactFileRequest,
): Promise<Uint8Array | null> {
  const download = await downloadArtifact(client, { ...request, maxBytes: MAX_FILE_BYTES });
  if (!download.found && download.reason === "too-large") {
    throw new Error(
      `the "${request.artifact}" artifact of workflow run ${request.runId} is ${formatMegabytes(download.bytes)}; it should hold one small ${request.file}, so it was not downloaded`,
    );
  }
  if (!download.found) return null;
  const [entry] = await readZipEntries(download.zip, {
    select: (name) => name === request.file,
    maxBytes: MAX_FILE_BYTES,
  });
  return entry?.bytes ?? null;
}
