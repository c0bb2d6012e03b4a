// Page-based pagination as GitHub does it: per_page (default 30, max 100), page, and a Link
// header with first/prev/next/last relations built from the request URL.

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

export function paginate<T>(all: readonly T[], url: URL, defaultPerPage = 30): Page<T> {
  const perPage = clamp(
    parseInt(url.searchParams.get("per_page") ?? "", 10) || defaultPerPage,
    1,
    100,
  );
  const page = Math.max(1, parseInt(url.searchParams.get("page") ?? "", 10) || 1);
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  const items = all.slice((page - 1) * perPage, page * perPage);
  const link = (n: number, rel: string) => {
    const target = new URL(url);
    target.searchParams.set("per_page", String(perPage));
    target.searchParams.set("page", String(n));
    return `<${target.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, lastPage), "prev"));
  if (page < lastPage) links.push(link(page + 1, "next"), link(lastPage, "last"));
  if (page > 1) links.push(link(1, "first"));
  return { items, headers: links.length > 0 ? { link: links.join(", ") } : {} };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
