import { useLayoutEffect, useRef } from 'react';
import { type ChartOption, echarts } from './echarts-setup.ts';
import { chartFontsToLoad } from './load-chart-fonts.ts';

interface ChartProps {
  readonly option: ChartOption;
  readonly height: number;
  /** Accessible name of the chart for screen readers and tests. */
  readonly label: string;
}

/**
 * Owns one ECharts instance: init, setOption, resize, dispose — nothing else.
 *
 * Redraw signals on the element (tests and `scripts/bench-views.ts` read them):
 * `data-option-version` counts the options received (bumped in the same commit as the new
 * option), `data-rendered-version` is the last one ECharts finished drawing (its `finished`
 * event: progressive rendering included), `data-rendered-at` when (performance.now()) and
 * `data-draw-ms` how long from setOption.
 */
export function Chart({ option, height, label }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const instance = useRef<ReturnType<typeof echarts.init> | null>(null);
  const version = useRef(0);
  const received = useRef<ChartOption | null>(null);
  /** The option version being drawn, and when its setOption began. */
  const pending = useRef<{ readonly version: number; readonly start: number } | null>(null);

  // Layout effects, this one first: the instance exists when the option below is drawn in the same
  // commit, before the browser paints, rather than in an effect after a frame.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    instance.current = chart;
    chart.on('finished', () => {
      const drawn = pending.current;
      if (drawn === null) return;
      pending.current = null;
      const now = performance.now();
      element.setAttribute('data-draw-ms', (now - drawn.start).toFixed(1));
      element.setAttribute('data-rendered-at', now.toFixed(1));
      element.setAttribute('data-rendered-version', String(drawn.version));
    });
    // ECharts redraws everything on resize(), even to the same size. Only a real change of size
    // redraws: not the observer's first call, nor a view being hidden (0 × 0) and shown again.
    let drawnSize = `${element.clientWidth}x${element.clientHeight}`;
    const redraw = () => {
      const { clientWidth: width, clientHeight: height } = element;
      const size = `${width}x${height}`;
      if (width === 0 || height === 0 || size === drawnSize) return;
      drawnSize = size;
      chart.resize();
    };
    // A chart in a hidden (inert) view is not redrawn when the window changes size, only once its
    // view is on screen again: a new window size would otherwise redraw every view's charts.
    let waiting: MutationObserver | null = null;
    const observer = new ResizeObserver(() => {
      const hiddenBy = element.closest('[inert]');
      if (!hiddenBy) {
        redraw();
        return;
      }
      if (waiting) return;
      const shown = new MutationObserver(() => {
        if (hiddenBy.hasAttribute('inert')) return;
        shown.disconnect();
        waiting = null;
        redraw();
      });
      shown.observe(hiddenBy, { attributes: true, attributeFilter: ['inert'] });
      waiting = shown;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      waiting?.disconnect();
      chart.dispose();
      instance.current = null;
    };
  }, []);

  // Counted in the same commit as the new option, before anything can paint or read the page.
  useLayoutEffect(() => {
    if (received.current === option) return;
    received.current = option;
    version.current += 1;
    container.current?.setAttribute('data-option-version', String(version.current));
  }, [option]);

  useLayoutEffect(() => {
    let cancelled = false;
    const drawn = version.current;
    const draw = () => {
      const chart = instance.current;
      if (cancelled || !chart) return;
      pending.current = { version: drawn, start: performance.now() };
      chart.setOption(option, { notMerge: true });
      container.current?.setAttribute('data-rendered', 'true');
    };
    // Glyphs already loaded for an earlier option are not waited for: the chart is drawn now.
    const fonts = chartFontsToLoad(option);
    if (fonts) void fonts.then(draw);
    else draw();
    return () => {
      cancelled = true;
    };
  }, [option]);

  return <div ref={container} role="img" aria-label={label} className="chart" style={{ height }} />;
}
