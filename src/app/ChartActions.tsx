import { useRef, useState } from 'react';
import { Chart } from '../charts/Chart.tsx';
import type { ChartSize } from '../charts/export-frame.ts';
import type { Messages } from '../messages/zh.ts';
import { useBasket } from './basket-context.ts';
import type { BuiltChart } from './chart-builds.ts';
import { copyChartPng, downloadChartPng, downloadChartSvg } from './export-actions.ts';

interface ChartActionsProps {
  readonly chart: BuiltChart;
  readonly t: Messages;
  /** The chart's CSS size now (the width follows the window). */
  readonly size: () => ChartSize;
}

/** PNG 2×/3×, SVG, copy as an image, and into the meeting pack: the chart as it stands alone. */
export function ChartActions({ chart, t, size }: ChartActionsProps) {
  const basket = useBasket();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const run = async (action: () => Promise<string | undefined>) => {
    setBusy(true);
    setStatus(t.exports.working);
    try {
      setStatus((await action()) ?? '');
    } catch (error) {
      setStatus(t.exports.failed(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };
  const inBasket = basket?.has(chart.key) ?? false;
  return (
    <div className="chart-actions" role="toolbar" aria-label={t.exports.chartMenu}>
      {[2, 3].map((ratio) => (
        <button
          key={ratio}
          type="button"
          disabled={busy}
          onClick={() => void run(async () => void (await downloadChartPng(chart, size(), ratio, t)))}
        >
          {t.exports.png(ratio)}
        </button>
      ))}
      <button
        type="button"
        disabled={busy}
        onClick={() => void run(async () => void (await downloadChartSvg(chart, size(), t)))}
      >
        {t.exports.svg}
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void run(async () =>
            (await copyChartPng(chart, size(), t)) ? t.exports.copied : t.exports.copyFailed,
          )
        }
      >
        {t.exports.copy}
      </button>
      {basket && (
        <button
          type="button"
          className="add-to-basket"
          aria-pressed={inBasket}
          onClick={() => {
            basket.add(chart, size().width);
            setStatus(t.exports.inBasket);
          }}
        >
          {inBasket ? `✓ ${t.exports.inBasket}` : t.exports.addToBasket}
        </button>
      )}
      <span className="export-status" role="status">
        {status}
      </span>
    </div>
  );
}

/** A chart with its export toolbar under it. */
export function ExportableChart({ chart, label, t }: { chart: BuiltChart; label: string; t: Messages }) {
  const figure = useRef<HTMLDivElement>(null);
  const size = (): ChartSize => {
    const element = figure.current?.querySelector<HTMLElement>('.chart');
    return {
      width: Math.max(320, element?.clientWidth ?? 960),
      height: element?.clientHeight || chart.height,
    };
  };
  return (
    <div className="chart-figure" ref={figure}>
      <Chart option={chart.option} height={chart.height} label={label} />
      <ChartActions chart={chart} t={t} size={size} />
    </div>
  );
}
