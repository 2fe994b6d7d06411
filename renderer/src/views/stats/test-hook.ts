/**
 * A way in for the e2e specs, only while the ledger's clock is pinned (PARTY_LEDGER_TODAY: tests, demos):
 * `window.__charts[chart]` gives a drawn chart's first-series data and the page position (CSS px) of a
 * data point (ECharts' convertToPixel), so a spec clicks a heat-map cell by its place, not by its colour.
 * Nothing is registered on a ledger running on the real clock.
 */
export interface ChartHook {
  data: () => unknown[];
  /** the viewport position of a data point, e.g. [month index, org index] */
  toPixel: (value: number[]) => { x: number; y: number } | null;
}

interface ChartLike {
  convertToPixel: (finder: { seriesIndex: number }, value: number[]) => number[] | number;
  getDom: () => HTMLElement;
}

type HookWindow = { __charts?: Record<string, ChartHook> };

export function registerChart(key: string, chart: () => ChartLike | null, data: () => unknown[]): () => void {
  const w = window as unknown as HookWindow;
  const hook: ChartHook = {
    data,
    toPixel: (value) => {
      const c = chart();
      if (!c) return null;
      const p = c.convertToPixel({ seriesIndex: 0 }, value);
      if (!Array.isArray(p)) return null;
      const box = c.getDom().getBoundingClientRect();
      return { x: box.left + p[0], y: box.top + p[1] };
    },
  };
  (w.__charts ??= {})[key] = hook;
  return () => {
    if (w.__charts?.[key] === hook) delete w.__charts[key];
  };
}
