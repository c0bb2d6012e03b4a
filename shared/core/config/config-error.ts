// What a user did wrong in a config file, and where: the one error shape every adapter publishes.

export interface ConfigError {
  file: string;
  /** 1-based; 1 when the problem is the file as a whole. */
  line: number;
  column: number;
  /** Dotted key path, e.g. `rules.size.max-lines`; empty for the whole document. */
  path: string;
  message: string;
}

/** `file:line:col key.path message`, the format editors and CI logs understand. */
export function formatConfigError(error: ConfigError): string {
  const where = `${error.file}:${error.line}:${error.column}`;
  return error.path ? `${where} ${error.path} ${error.message}` : `${where} ${error.message}`;
}
