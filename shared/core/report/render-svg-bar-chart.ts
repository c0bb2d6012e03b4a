// One bar chart as inline SVG: a <title> and <desc> for screen readers, a tooltip per bar, and
// colours from CSS classes so the page's light and dark styles apply. No script, no fonts.
import { escapeHtml } from "./escape-html.js";

export interface BarChart {
  /** Unique in the page: ids of the title and description derive from it. */
  id: string;
  title: string;
  description: string;
  categories: readonly string[];
  /** One or two series; a null value draws no bar. */
  series: readonly { name: string; values: readonly (number | null)[] }[];
  /** Names a value in tooltips, e.g. "pull requests" or "hours". */
  unit: string;
}

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 12, bottom: 44, left: 48 };
const MAX_LABELS = 14;

export function renderSvgBarChart(chart: BarChart): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const values = chart.series.flatMap((s) => s.values.map((v) => v ?? 0));
  const max = niceMax(Math.max(0, ...values), values.every(Number.isInteger));
  const y = (value: number): number => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const band = plotWidth / Math.max(1, chart.categories.length);
  const barWidth = (band * 0.8) / Math.max(1, chart.series.length);
  const labelEvery = Math.ceil(chart.categories.length / MAX_LABELS);

  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const value = max * f;
    return `<g class="tick"><line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${fixed(y(value))}" y2="${fixed(y(value))}"/><text x="${MARGIN.left - 6}" y="${fixed(y(value) + 4)}" text-anchor="end">${formatTick(value)}</text></g>`;
  });
  const bars = chart.categories.flatMap((category, c) =>
    chart.series.flatMap((series, s) => {
      const value = series.values[c];
      if (value === null || value === undefined) return [];
      const x = MARGIN.left + c * band + band * 0.1 + s * barWidth;
      const top = y(value);
      const label = `${category}: ${formatTick(value)} ${chart.unit}${chart.series.length > 1 ? ` (${series.name})` : ""}`;
      return [
        `<rect class="bar s${s}" x="${fixed(x)}" y="${fixed(top)}" width="${fixed(Math.max(1, barWidth - 1))}" height="${fixed(MARGIN.top + plotHeight - top)}"><title>${escapeHtml(label)}</title></rect>`,
      ];
    }),
  );
  const labels = chart.categories.map((category, c) =>
    c % labelEvery === 0
      ? `<text class="label" x="${fixed(MARGIN.left + c * band + band / 2)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${escapeHtml(category)}</text>`
      : "",
  );
  const legend =
    chart.series.length > 1
      ? chart.series.map(
          (series, s) =>
            `<g class="legend"><rect class="s${s}" x="${MARGIN.left + s * 110}" y="${HEIGHT - 16}" width="10" height="10"/><text x="${MARGIN.left + s * 110 + 14}" y="${HEIGHT - 7}">${escapeHtml(series.name)}</text></g>`,
        )
      : [];
  return [
    `<svg id="${chart.id}" class="chart" role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" aria-labelledby="${chart.id}-title ${chart.id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${chart.id}-title">${escapeHtml(chart.title)}</title>`,
    `<desc id="${chart.id}-desc">${escapeHtml(chart.description)}</desc>`,
    ...ticks,
    ...bars,
    ...labels.filter((label) => label !== ""),
    ...legend,
    "</svg>",
  ].join("\n");
}

/**
 * A round axis maximum at or above `value`: 1, 2 or 5 times a power of ten. For counts it is
 * also a multiple of 4 (1, 2, 4 or 8 times a power of ten), so the four gridlines are whole.
 */
export function niceMax(value: number, integers = false): number {
  if (value <= 0) return integers ? 4 : 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const steps = integers ? [1, 2, 4, 8, 10] : [1, 2, 5, 10];
  for (const scale of [power, power * 10]) {
    for (const step of steps) {
      const max = step * scale;
      if (max >= value && (!integers || max % 4 === 0)) return max;
    }
  }
  return 10 * power;
}

function formatTick(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

function fixed(value: number): string {
  return String(Math.round(value * 10) / 10);
}
