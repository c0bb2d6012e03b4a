// Config errors as check-run annotations at the line and column in the config file. Errors in a
// file of another repository (an `extends` base) cannot be annotated here; the summary lists them.
import type { ConfigError } from "../../shared/core/config/config-error.js";
import type { CheckAnnotation } from "../../shared/github/complete-check-run.js";

export function configErrorAnnotations(
  errors: readonly ConfigError[],
  file: string,
): CheckAnnotation[] {
  return errors
    .filter((error) => error.file === file)
    .map((error) => ({
      path: file,
      start_line: error.line,
      end_line: error.line,
      start_column: error.column,
      end_column: error.column,
      annotation_level: "failure",
      title: "Invalid configuration",
      message: error.path === "" ? error.message : `${error.path}: ${error.message}`,
    }));
}
