// Builds GitHub's artifact object for the workflow-run artifacts list.
import type { ArtifactRecord } from "../types.js";
import { nodeId, type BuildContext } from "./context.js";

export function buildArtifact(artifact: ArtifactRecord, ctx: BuildContext) {
  const url = `${ctx.api}/repos/${artifact.owner}/${artifact.repo}/actions/artifacts/${artifact.id}`;
  return {
    id: artifact.id,
    node_id: nodeId("Artifact", artifact.id),
    name: artifact.name,
    size_in_bytes: artifact.data.length,
    url,
    archive_download_url: `${url}/zip`,
    expired: artifact.expired,
    created_at: artifact.createdAt,
    updated_at: artifact.createdAt,
    expires_at: artifact.expired ? artifact.createdAt : "2099-01-01T00:00:00Z",
    digest: null,
    workflow_run: {
      id: artifact.runId,
      repository_id: 1,
      head_repository_id: 1,
      head_branch: "main",
      head_sha: "0".repeat(40),
    },
  };
}
