// Makes user-influenced text safe for plain-text outputs (terminal, annotations, workflow commands,
// JSON): no escape sequences that could recolour or rewrite a terminal, no carriage returns that
// overwrite a line, no invisible bidi overrides that reorder what is shown.
import { toWellFormed } from "./measure-text.js";

/* eslint-disable no-control-regex */
const CSI = /\u001b\[[0-?]*[ -/]*[@-~]?/g;
const OSC = /\u001b\][^\u0007\u001b\n]*(?:\u0007|\u001b\\)?/g;
const STRING_COMMAND = /\u001b[PX^_][^\u001b\n]*(?:\u001b\\)?/g;
const OTHER_ESCAPE = /\u001b[^\n]?/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/* eslint-enable no-control-regex */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Keeps line feeds and tabs; a carriage return becomes a line feed. */
export function sanitizePlainText(text: string): string {
  return toWellFormed(text)
    .replace(/\r\n?/g, "\n")
    .replace(OSC, "")
    .replace(STRING_COMMAND, "")
    .replace(CSI, "")
    .replace(OTHER_ESCAPE, "")
    .replace(CONTROL, "")
    .replace(BIDI, "");
}
