// Makes untrusted text (titles, file names, report lines) safe to print in an Actions log: a line
// that starts with `::` would be run by the runner as a command, and so would the older `##[`
// form anywhere in a line (the runner falls back to searching for it).
const ZERO_WIDTH_SPACE = "\u200b";

export function neutralizeCommands(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .replace(/^(\s*)(:)(:)/, `$1$2${ZERO_WIDTH_SPACE}$3`)
        .replace(/##\[/g, `#${ZERO_WIDTH_SPACE}#[`),
    )
    .join("\n");
}
