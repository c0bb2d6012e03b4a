// Parses an XML coverage report with fast-xml-parser: no entity expansion, nothing fetched for a
// DOCTYPE, attributes kept as strings under "@", repeated elements always as arrays.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { CoverageParseError } from "./coverage-parse-error.js";

/** An element as fast-xml-parser builds it: attributes under "@", children by tag name. */
export type XmlElement = { "@"?: Record<string, string> } & Record<string, unknown>;

export interface XmlDocument {
  rootName: string;
  root: XmlElement;
}

const REPEATED = new Set(["source", "package", "class", "line", "file", "sourcefile", "group"]);

/**
 * `skip` names elements whose insides are never needed (`..methods`), so they are not built:
 * that is most of the parse time for JaCoCo and Istanbul's Cobertura.
 */
export function parseXmlDocument(text: string, source: string, skip: string[]): XmlDocument {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    attributesGroupName: "@",
    parseAttributeValue: false,
    parseTagValue: false,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    jPath: false,
    stopNodes: skip,
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
  });
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(text) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/external entit/i.test(message)) {
      throw new CoverageParseError(
        source,
        "declares external entities in its DOCTYPE, which shipgate never reads: remove them",
      );
    }
    throw brokenXml(text, source, `is not well-formed XML: ${message}`);
  }
  const roots = Object.keys(parsed).filter((key) => !key.startsWith("#"));
  const rootName = roots[0];
  if (rootName === undefined) throw new CoverageParseError(source, "has no XML root element");
  if (roots.length > 1) {
    throw new CoverageParseError(
      source,
      "is not well-formed XML: it has more than one root element",
    );
  }
  // fast-xml-parser accepts a document cut short; a truncated report must not pass as complete.
  const root = parsed[rootName];
  if (!endsWithRootClose(text, rootName, isElement(root) ? root : {})) {
    throw brokenXml(
      text,
      source,
      `is not complete XML (it ends before its closing </${rootName}> tag)`,
    );
  }
  return { rootName, root: isElement(root) ? root : {} };
}

/** Looks only at the end of the text: a regex over megabytes of `/>` would cost more. */
function endsWithRootClose(text: string, rootName: string, root: XmlElement): boolean {
  const tail = text.slice(Math.max(0, text.length - 65_536)).replace(TRAILING_COMMENTS, "");
  if (
    tail.endsWith(`</${rootName}>`) ||
    new RegExp(`</${escapeRegExp(rootName)}\\s+>$`).test(tail)
  ) {
    return true;
  }
  // `<report name="x"/>`: a self-closed root has no children.
  return tail.endsWith("/>") && Object.keys(root).every((key) => key === "@");
}

const TRAILING_COMMENTS = /(?:\s*<!--[\s\S]*?-->)*\s*$/;

/**
 * Explains a document fast-xml-parser could not read or that never closes its root, with the
 * validator's line and column; an error in the last tag means the file was cut short.
 * `otherwise` is the message when the validator finds nothing more precise.
 */
function brokenXml(text: string, source: string, otherwise: string): CoverageParseError {
  let verdict: ReturnType<typeof XMLValidator.validate>;
  try {
    verdict = XMLValidator.validate(text);
  } catch {
    verdict = true;
  }
  if (verdict === true) return new CoverageParseError(source, truncatedHint(otherwise));
  const { msg, line, col } = verdict.err;
  if (/^Unclosed tag/.test(msg) || nearEnd(text, line, col)) {
    return new CoverageParseError(
      source,
      truncatedHint(`is not complete XML (${msg.replace(/\.$/, "")})`),
    );
  }
  return new CoverageParseError(source, `is not well-formed XML: ${msg}`, line, col);
}

function truncatedHint(message: string): string {
  return message.startsWith("is not complete XML")
    ? `${message}: the file looks truncated. Was it copied while the tests were still writing it?`
    : message;
}

/** Whether a line and column fall in the text's last tag: where a file cut short breaks. */
function nearEnd(text: string, line: number, column: number): boolean {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    offset = text.indexOf("\n", offset) + 1;
    if (offset === 0) return true;
  }
  return offset + column - 1 >= text.trimEnd().lastIndexOf("<");
}

export function isElement(value: unknown): value is XmlElement {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An attribute's raw value (entities not yet decoded). */
export function attr(element: XmlElement, name: string): string | undefined {
  return element["@"]?.[name];
}

/** The direct children called `name` that are elements (empty `<x></x>` counts, as `{}`). */
export function children(element: XmlElement, name: string): XmlElement[] {
  const value = element[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((item: unknown) => (isElement(item) ? item : {}));
}

/** Every element called `name` below `element`, at any depth, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement): void => {
    for (const key of Object.keys(node)) {
      if (key === "@") continue;
      const value = node[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (!isElement(child)) continue;
        if (key === name) found.push(child);
        visit(child);
      }
    }
  };
  visit(element);
  return found;
}

/** The text inside an element such as `<source>/a/b</source>`. */
export function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (isElement(value) && typeof value["#text"] === "string") return value["#text"];
  return "";
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes XML's predefined entities and character references; DTD entities stay as written. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, hex?: string, dec?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
