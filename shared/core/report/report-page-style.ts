// The HTML report's only stylesheet, inline: light by default, dark when the reader's system
// prefers it. System fonts only, so the page loads nothing.

export const REPORT_PAGE_STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0;
  --card: #f6f8fa; --s0: #0969da; --s1: #bf8700; --s2: #cf222e;
  --link: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --card: #151b23;
    --s0: #4493f8; --s1: #d29922; --s2: #f85149;
    --link: #4493f8; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1120px; padding: 24px; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
a { color: var(--link); }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta, .caveat, footer { color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; padding: 0; list-style: none; }
.cards li { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 150px; }
.cards strong { display: block; font-size: 22px; }
.pair { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.pair figure { margin: 0; flex: 1 1 560px; }
.chart { width: 100%; height: auto; display: block; }
.chart text { fill: var(--muted); font: 11px system-ui, sans-serif; }
.chart .tick line { stroke: var(--line); }
.chart .s0 { fill: var(--s0); }
.chart .s1 { fill: var(--s1); }
.chart .s2 { fill: var(--s2); }
.scroll { flex: 0 1 360px; max-height: 320px; overflow: auto; }
table { border-collapse: collapse; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 10px; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); padding-bottom: 4px; }
`;
