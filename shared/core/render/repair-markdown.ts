// Makes a piece of markdown self-contained so that what follows it renders as intended: closes a
// code fence left open and balances <details>/<summary> (a cut or a sloppy rule can leave either).

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FOLD_TAG = /<details(?: open)?>|<\/details>|<summary>|<\/summary>/g;
const ZERO_WIDTH_JOINER = "\u200d";

/** The line opens a fence (returns its run) or, given the open run, closes it. */
function fenceLine(line: string, open: string | null): string | null {
  const match = FENCE.exec(line);
  if (match === null) return null;
  const run = match[1] ?? "";
  const rest = match[2] ?? "";
  if (open === null) {
    // A backtick fence's info string cannot contain a backtick: then it is inline code.
    return run.startsWith("`") && rest.includes("`") ? null : run;
  }
  return run[0] === open[0] && run.length >= open.length && rest.trim() === "" ? run : null;
}

/** The fence (e.g. "````") still open at the end of `markdown`, or null. */
export function openFence(markdown: string): string | null {
  let open: string | null = null;
  for (const line of markdown.split("\n")) {
    if (fenceLine(line, open) !== null) open = open === null ? fenceLine(line, null) : null;
  }
  return open;
}

/**
 * Closes an open fence, then any open <summary> and <details>. Fold tags inside code are shown as
 * text by GitHub, and stray closing tags would close the renderer's own fold: both are broken with
 * a zero-width joiner, which looks the same.
 */
export function repairMarkdown(markdown: string): string {
  const stray = (tag: string): string => `<${ZERO_WIDTH_JOINER}${tag.slice(1)}`;
  let fence: string | null = null;
  let depth = 0;
  let summaryOpen = false;
  const lines = markdown.split("\n").map((line) => {
    if (fenceLine(line, fence) !== null) {
      fence = fence === null ? fenceLine(line, null) : null;
      return line;
    }
    if (fence !== null) return line.replace(FOLD_TAG, stray);
    return line.replace(FOLD_TAG, (tag) => {
      if (tag === "</details>") {
        if (depth === 0 || summaryOpen) return stray(tag);
        depth -= 1;
      } else if (tag === "<summary>") {
        if (summaryOpen || depth === 0) return stray(tag);
        summaryOpen = true;
      } else if (tag === "</summary>") {
        if (!summaryOpen) return stray(tag);
        summaryOpen = false;
      } else {
        if (summaryOpen) return stray(tag);
        depth += 1;
      }
      return tag;
    });
  });
  if (fence !== null) {
    if (lines[lines.length - 1] === "") lines[lines.length - 1] = fence;
    else lines.push(fence);
  }
  if (summaryOpen) lines.push("</summary>");
  for (let i = 0; i < depth; i++) lines.push("", "</details>");
  return lines.join("\n");
}
