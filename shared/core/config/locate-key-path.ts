// Turns a key path into a line and column in the YAML source, for errors a user can jump to.
import { isMap, isSeq, type Document, type LineCounter, type Node } from "yaml";

export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Position of the node at `path`; with `atKey`, of the map key that names the last segment.
 * Walks as far as the path exists, so a missing key points at its parent.
 */
export function locateKeyPath(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
  atKey = false,
): SourcePosition {
  let node: Node | null = (doc.contents as Node | null) ?? null;
  let offset = node?.range?.[0] ?? 0;
  for (const [index, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => String((item.key as { value?: unknown })?.value) === String(segment),
      );
      if (!pair) break;
      const key = pair.key as Node | null;
      const last = index === path.length - 1;
      if (last && atKey && key?.range) {
        offset = key.range[0];
        break;
      }
      node = (pair.value as Node | null) ?? null;
      offset = node?.range?.[0] ?? key?.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof segment === "number") {
      node = (node.items[segment] as Node | undefined) ?? null;
      if (!node) break;
      offset = node.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
