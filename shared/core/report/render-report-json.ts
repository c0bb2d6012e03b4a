// The report as JSON: the versioned contract documented in docs/report.md.
import type { DeliveryReport } from "./report-types.js";

export function renderReportJson(report: DeliveryReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
