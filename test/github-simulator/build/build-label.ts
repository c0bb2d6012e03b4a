// Builds GitHub's label object.
import type { LabelRecord, RepoRecord } from "../types.js";
import { nodeId, type BuildContext } from "./context.js";

export function buildLabel(repo: RepoRecord, label: LabelRecord, ctx: BuildContext) {
  return {
    id: label.id,
    node_id: nodeId("Label", label.id),
    url: `${ctx.api}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: false,
  };
}

/** Label objects for the names on an issue, in the order they were added. */
export function buildLabels(repo: RepoRecord, names: readonly string[], ctx: BuildContext) {
  return names.flatMap((name) => {
    const label = repo.labels.get(name.toLowerCase());
    return label ? [buildLabel(repo, label, ctx)] : [];
  });
}
