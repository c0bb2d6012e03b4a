// Reads the command line into a typed command, or a usage error (exit 2) with a hint.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { cliError } from "./cli-error.js";

export type OutputFormat = "text" | "markdown" | "json";

export interface CheckCommand {
  command: "check";
  repo: string | null;
  base: string | null;
  head: string | null;
  body: { kind: "text"; text: string } | { kind: "file"; path: string } | null;
  title: string | null;
  labels: string[];
  coverage: string[];
  config: string | null;
  format: OutputFormat;
}

export interface InitCommand {
  command: "init";
  repo: string | null;
  force: boolean;
}

export interface ValidateCommand {
  command: "validate";
  repo: string | null;
  file: string | null;
}

export type ReportFormat = "html" | "markdown" | "json";

export interface ReportCommand {
  command: "report";
  repo: string | null;
  since: string | null;
  days: number | null;
  until: string | null;
  branch: string | null;
  format: ReportFormat;
  output: string | null;
  /** Add what only GitHub knows (token from GITHUB_TOKEN). */
  github: boolean;
  maxRequests: number;
}

export type CliCommand =
  | CheckCommand
  | InitCommand
  | ValidateCommand
  | ReportCommand
  | { command: "help"; topic: CommandName | null }
  | { command: "version" };

export type CommandName = "check" | "init" | "validate" | "report";

const commandNames: readonly CommandName[] = ["check", "init", "validate", "report"];
const reportFormats: readonly ReportFormat[] = ["html", "markdown", "json"];
const formats: readonly OutputFormat[] = ["text", "markdown", "json"];

const common = {
  repo: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

const checkOptions = {
  ...common,
  base: { type: "string" },
  head: { type: "string" },
  "body-file": { type: "string" },
  body: { type: "string" },
  title: { type: "string" },
  label: { type: "string", multiple: true },
  coverage: { type: "string", multiple: true },
  config: { type: "string" },
  format: { type: "string" },
} as const satisfies ParseArgsConfig["options"];

/** Parses argv (without node and the script); throws a usage CliError on bad input. */
export function parseCliArgs(argv: string[]): CliCommand {
  const [first, ...rest] = argv;
  if (first === undefined) throw usage("missing command");
  if (first === "--help" || first === "-h" || first === "help") {
    const topic = rest[0];
    return { command: "help", topic: isCommandName(topic) ? topic : null };
  }
  if (first === "--version" || first === "-v") return { command: "version" };
  if (!isCommandName(first)) {
    throw usage(first.startsWith("-") ? `unknown option '${first}'` : `unknown command '${first}'`);
  }
  switch (first) {
    case "check":
      return parseCheck(rest);
    case "report":
      return parseReport(rest);
    case "init": {
      const { values } = parse(first, rest, { ...common, force: { type: "boolean" } }, false);
      if (values.help) return { command: "help", topic: first };
      return { command: "init", repo: values.repo ?? null, force: values.force ?? false };
    }
    case "validate": {
      const { values, positionals } = parse(first, rest, common, true);
      if (values.help) return { command: "help", topic: first };
      if (positionals.length > 1) throw usage("validate takes at most one FILE", first);
      return { command: "validate", repo: values.repo ?? null, file: positionals[0] ?? null };
    }
  }
}

function parseCheck(args: string[]): CliCommand {
  const { values } = parse("check", args, checkOptions, false);
  if (values.help) return { command: "help", topic: "check" };
  const format = values.format ?? "text";
  if (!(formats as readonly string[]).includes(format)) {
    throw usage(`--format must be one of ${formats.join(", ")}, not '${format}'`, "check");
  }
  if (values.body !== undefined && values["body-file"] !== undefined) {
    throw usage("use either --body or --body-file, not both", "check");
  }
  const body =
    values.body !== undefined
      ? ({ kind: "text", text: values.body } as const)
      : values["body-file"] !== undefined
        ? ({ kind: "file", path: values["body-file"] } as const)
        : null;
  return {
    command: "check",
    repo: values.repo ?? null,
    base: values.base ?? null,
    head: values.head ?? null,
    body,
    title: values.title ?? null,
    labels: values.label ?? [],
    coverage: values.coverage ?? [],
    config: values.config ?? null,
    format: format as OutputFormat,
  };
}

const reportOptions = {
  ...common,
  since: { type: "string" },
  days: { type: "string" },
  until: { type: "string" },
  branch: { type: "string" },
  format: { type: "string" },
  output: { type: "string", short: "o" },
  github: { type: "boolean" },
  "max-requests": { type: "string" },
} as const satisfies ParseArgsConfig["options"];

/** `--max-requests` default: about 250 pull requests at four requests each. */
export const DEFAULT_MAX_REQUESTS = 1000;

function parseReport(args: string[]): CliCommand {
  const { values } = parse("report", args, reportOptions, false);
  if (values.help) return { command: "help", topic: "report" };
  const format = values.format ?? "markdown";
  if (!(reportFormats as readonly string[]).includes(format)) {
    throw usage(`--format must be one of ${reportFormats.join(", ")}, not '${format}'`, "report");
  }
  if (values.since !== undefined && values.days !== undefined) {
    throw usage("use either --since or --days, not both", "report");
  }
  const days = values.days === undefined ? null : Number(values.days);
  if (days !== null && !(Number.isInteger(days) && days > 0)) {
    throw usage(`--days must be a whole number of days above 0, not '${values.days}'`, "report");
  }
  const maxRequests = Number(values["max-requests"] ?? DEFAULT_MAX_REQUESTS);
  if (!(Number.isInteger(maxRequests) && maxRequests > 0)) {
    throw usage(
      `--max-requests must be a whole number above 0, not '${values["max-requests"]}'`,
      "report",
    );
  }
  if (values["max-requests"] !== undefined && values.github !== true) {
    throw usage("--max-requests goes with --github", "report");
  }
  return {
    command: "report",
    repo: values.repo ?? null,
    since: values.since ?? null,
    days,
    until: values.until ?? null,
    branch: values.branch ?? null,
    format: format as ReportFormat,
    output: values.output ?? null,
    github: values.github ?? false,
    maxRequests,
  };
}

function parse<O extends NonNullable<ParseArgsConfig["options"]>>(
  command: CommandName,
  args: string[],
  options: O,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    throw usage(describeParseError(error), command);
  }
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-[^' ]*)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) return `unknown option '${option}'`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    const arg = /'([^']*)'/.exec(message)?.[1];
    return arg ? `unexpected argument '${arg}'` : "unexpected argument";
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option) {
    return /argument missing|ambiguous/.test(message)
      ? `option '${option}' needs a value`
      : `option '${option}' does not take a value`;
  }
  return message;
}

function isCommandName(value: string | undefined): value is CommandName {
  return (commandNames as readonly (string | undefined)[]).includes(value);
}

function usage(message: string, command?: CommandName) {
  const help = command ? `shipgate ${command} --help` : "shipgate --help";
  return cliError(`${message}\nRun '${help}' for usage.`);
}
