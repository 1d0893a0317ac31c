import { useEffect, useRef } from 'react';
import { CHART_FONT, type ChartOption, echarts } from './echarts-setup.ts';

interface ChartProps {
  readonly option: ChartOption;
  readonly height: number;
  /** Accessible name of the chart for screen readers and tests. */
  readonly label: string;
}

/** Every string in an option, so the font subsets that draw them can load before drawing. */
function collectText(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const item of value) collectText(item, out);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) collectText(item, out);
}

/**
 * Canvas text is drawn once: if the web font's subset for a glyph is not loaded yet, the
 * glyph is drawn in a fallback font (or as an empty box) and never redrawn. Load first.
 */
async function loadFontsFor(option: ChartOption): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const text = new Set<string>();
  collectText(option, text);
  const sample = [...text].join('');
  await Promise.all([
    document.fonts.load(`400 14px ${CHART_FONT}`, sample),
    document.fonts.load(`700 16px ${CHART_FONT}`, sample),
  ]);
}

/** Owns one ECharts instance: init, setOption, resize, dispose — nothing else. */
export function Chart({ option, height, label }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const instance = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    instance.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      instance.current = null;
    };
  }, []);

  useEffect(() => {
    let cancelled = false;
    void loadFontsFor(option).then(() => {
      if (cancelled) return;
      instance.current?.setOption(option, { notMerge: true });
      container.current?.setAttribute('data-rendered', 'true');
    });
    return () => {
      cancelled = true;
    };
  }, [option]);

  return <div ref={container} role="img" aria-label={label} className="chart" style={{ height }} />;
}
