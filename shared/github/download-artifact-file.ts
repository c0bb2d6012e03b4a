// Fetches one file from a workflow run's artifact (the fork setup's evaluation): list the run's
// artifacts by name, download the zip, read the file. A missing artifact is null, not an error.
import type { GitHubClient, RepoRef } from "./github-client.js";
import { readZipEntry } from "./read-zip-entry.js";

export interface ArtifactFileRequest extends RepoRef {
  runId: number;
  artifact: string;
  file: string;
}

interface ApiArtifact {
  id: number;
  name: string;
  expired: boolean;
}

export async function downloadArtifactFile(
  client: GitHubClient,
  request: ArtifactFileRequest,
): Promise<Uint8Array | null> {
  const listed = await client.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts", {
    owner: request.owner,
    repo: request.repo,
    run_id: request.runId,
    name: request.artifact,
  });
  const artifacts = (listed.data as { artifacts: ApiArtifact[] }).artifacts;
  const artifact = artifacts.find((a) => a.name === request.artifact && !a.expired);
  if (!artifact) return null;
  // GitHub answers 302 to a short-lived download URL; fetch follows it.
  const zip = await client.request(
    "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}",
    {
      owner: request.owner,
      repo: request.repo,
      artifact_id: artifact.id,
      archive_format: "zip",
    },
  );
  return readZipEntry(toBytes(zip.data), request.file);
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new Error("the artifact download did not return binary data");
}
