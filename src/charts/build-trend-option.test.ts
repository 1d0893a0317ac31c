import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../db/queries.ts';
import type { TrendChange } from '../db/trend-queries.ts';
import { buildTrendOption, MERGE_FADED_ABOVE, type TrendBands } from './build-trend-option.ts';
import { type ChartOption, echarts } from './echarts-setup.ts';

function renderSvg(option: ChartOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 500 });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const YEARS = [2021, 2022, 2023];
// 法律咨询 in test/fixtures/trend-small.csv; 古溪镇 did not report 2022, 宝龙镇 wrote 500多 for 2021.
const TOWNSHIPS = [
  { code: '500152001', name: '桂林街道', values: [600, 640, 700], changes: [null, 40, 60] },
  { code: '500152103', name: '古溪镇', values: [300, null, 560], changes: [null, null, null] },
  { code: '500152104', name: '宝龙镇', values: [500, 520, 560], changes: [null, 20, 40] },
  { code: '500152107', name: '玉溪镇', values: [500, 420, 720], changes: [null, -80, 300] },
] as const;

const CHANGES: TrendChange[] = TOWNSHIPS.flatMap((t) =>
  YEARS.map((year, i) => ({
    townshipCode: t.code,
    townshipName: t.name,
    year,
    value: t.values[i] ?? null,
    approximate: t.name === '宝龙镇' && year === 2021,
    previousValue: i === 0 ? null : (t.values[i - 1] ?? null),
    previousApproximate: t.name === '宝龙镇' && year === 2022,
    change: t.changes[i] ?? null,
    relativeChange: null,
  })),
);
const POINTS: SeriesPoint[] = CHANGES.map(({ townshipCode, townshipName, year, value, approximate }) => ({
  townshipCode,
  townshipName,
  year,
  value,
  approximate,
}));
const BANDS: TrendBands = {
  medianLabel: '中位数',
  bandLabel: '四分位区间',
  rows: [
    { year: 2021, median: 500, q1: 450, q3: 525, reported: 4, townships: 4 },
    { year: 2022, median: 520, q1: 470, q3: 580, reported: 3, townships: 4 },
    { year: 2023, median: 630, q1: 560, q3: 705, reported: 4, townships: 4 },
  ],
};
const BASE = {
  unit: '人次',
  title: '法律咨询：各镇街历年变化',
  highlighted: ['500152107', '500152103'],
  visible: [],
  approxMark: '≈',
  locale: 'zh-CN',
};

interface SeriesOut {
  name?: string;
  stack?: string;
  data: ({ value: number | null; detail?: string } | number | null)[];
  markLine?: { data: { yAxis: number }[] };
  endLabel?: { formatter?: string };
}
const seriesOf = (option: ChartOption) => option.series as SeriesOut[];
const valuesOf = (series: SeriesOut | undefined) =>
  series?.data.map((d) => (d !== null && typeof d === 'object' ? d.value : d));

describe('buildTrendOption: values (the current input)', () => {
  it('draws one line per township, names of highlighted ones at their ends, no legend', () => {
    const option = buildTrendOption({ ...BASE, points: POINTS });
    const svg = renderSvg(option);
    expect(svg).toContain('玉溪镇');
    expect(svg).toContain('古溪镇');
    expect(svg).toContain('法律咨询：各镇街历年变化');
    expect(svg).not.toContain('中位数');
    expect(seriesOf(option)).toHaveLength(4);
  });

  it('keeps a missing year a gap, never a zero (古溪镇 2022)', () => {
    const series = seriesOf(buildTrendOption({ ...BASE, points: POINTS })).find((s) => s.name === '古溪镇');
    expect(valuesOf(series)).toEqual([300, null, 560]);
  });
});

describe('buildTrendOption: district median and IQR band', () => {
  it('labels the median line and the band in the legend', () => {
    const svg = renderSvg(buildTrendOption({ ...BASE, points: POINTS, bands: BANDS }));
    expect(svg).toContain('中位数');
    expect(svg).toContain('四分位区间');
    expect(svg).toContain('玉溪镇');
  });

  it('takes the label texts from the input, so English works', () => {
    const bands = { ...BANDS, medianLabel: 'Median', bandLabel: 'Interquartile range' };
    const svg = renderSvg(buildTrendOption({ ...BASE, points: POINTS, bands }));
    expect(svg).toContain('Median');
    expect(svg).toContain('Interquartile range');
    expect(svg).not.toContain('中位数');
  });

  it('draws the band behind the lines: q1, then q3 − q1 stacked on it, then the median', () => {
    const [base, band, median, ...townships] = seriesOf(
      buildTrendOption({ ...BASE, points: POINTS, bands: BANDS }),
    );
    expect(valuesOf(base)).toEqual([450, 470, 560]);
    expect(valuesOf(band)).toEqual([75, 110, 145]);
    expect([base?.stack, band?.stack]).toEqual(['iqr', 'iqr']);
    expect(valuesOf(median)).toEqual([500, 520, 630]);
    expect(median?.data[1]).toMatchObject({ detail: '中位数<br/>2022：520<br/>四分位区间：470 – 580' });
    expect(townships).toHaveLength(4);
  });

  it('leaves a year nobody reported as a gap in the band and the median', () => {
    const rows = [
      { year: 2021, median: null, q1: null, q3: null, reported: 0, townships: 4 },
      ...BANDS.rows.slice(1),
    ];
    const [base, band, median] = seriesOf(
      buildTrendOption({ ...BASE, points: POINTS, bands: { ...BANDS, rows } }),
    );
    expect([valuesOf(base)?.[0], valuesOf(band)?.[0], valuesOf(median)?.[0]]).toEqual([null, null, null]);
  });
});

describe('buildTrendOption: 同比 change mode', () => {
  const option = buildTrendOption({ ...BASE, mode: 'change', points: CHANGES, bands: BANDS });

  it('plots the change, with gaps where either year is missing', () => {
    const series = seriesOf(option);
    expect(valuesOf(series.find((s) => s.name === '玉溪镇'))).toEqual([null, -80, 300]);
    expect(valuesOf(series.find((s) => s.name === '古溪镇'))).toEqual([null, null, null]);
  });

  it('marks the zero line and leaves the bands out', () => {
    const series = seriesOf(option);
    expect(series.flatMap((s) => s.markLine?.data ?? [])).toEqual([{ yAxis: 0 }]);
    expect(series.some((s) => s.stack !== undefined)).toBe(false);
    expect(renderSvg(option)).not.toContain('中位数');
  });

  it('shows the latest change at the end of a highlighted line', () => {
    const svg = renderSvg(option);
    expect(svg).toContain('玉溪镇  ▲300');
  });

  it('explains a point in its tooltip: both years, approximation carried over (宝龙镇 2022)', () => {
    const baolong = seriesOf(option).find((s) => s.name === '宝龙镇');
    expect(baolong?.data[1]).toMatchObject({
      value: 20,
      approximate: true,
      detail: '宝龙镇<br/>2022：≈▲20<br/>2021：≈500 → 2022：520',
    });
  });

  it('names the axis with the change unit when given', () => {
    const rate = buildTrendOption({
      ...BASE,
      unit: '%',
      mode: 'change',
      points: CHANGES,
      changeUnit: '百分点',
    });
    expect(rate.yAxis).toMatchObject({ name: '百分点', scale: false });
  });
});

it('escapes township names that reach the HTML tooltip', () => {
  const points = [{ ...POINTS[0], townshipName: '<img src=x onerror=alert(1)>镇' }] as SeriesPoint[];
  const [series] = seriesOf(buildTrendOption({ ...BASE, points }));
  expect(series?.data[0]).toMatchObject({ detail: '&#60;img src=x onerror=alert(1)&#62;镇<br/>2021：600' });
});

describe('a province-size trend', () => {
  const many = Array.from({ length: MERGE_FADED_ABOVE + 10 }, (_, i) => ({
    code: `t${i}`,
    name: `镇${i}`,
    values: [100 + i, i % 7 === 0 ? null : 110 + i, 120 + i],
  }));
  const points: SeriesPoint[] = many.flatMap((t) =>
    YEARS.map((year, i) => ({
      townshipCode: t.code,
      townshipName: t.name,
      year,
      value: t.values[i] ?? null,
      approximate: false,
    })),
  );
  const option = buildTrendOption({ ...BASE, highlighted: ['t3', 't5'], points, bands: BANDS });
  const series = seriesOf(option);

  it('draws the faded townships as one line broken between townships, highlighted ones on their own', () => {
    const [, , , faded, ...highlighted] = series;
    expect(series).toHaveLength(3 + 1 + 2);
    expect(highlighted.map((s) => s.name)).toEqual(['镇3', '镇5']);
    // 镇0: three years, then a break; 镇1 …; 镇7 has no 2022 (a gap, never a zero).
    expect(faded?.data.slice(0, 8)).toEqual([
      [0, 100],
      [1, '-'],
      [2, 120],
      [2, '-'],
      [0, 101],
      [1, 111],
      [2, 121],
      [2, '-'],
    ]);
    const fadedCount = many.length - 2;
    expect(faded?.data).toHaveLength(fadedCount * (YEARS.length + 1));
  });

  it('keeps tooltips and end labels on the highlighted lines', () => {
    const highlighted = series.find((s) => s.name === '镇3');
    expect(highlighted?.data[0]).toMatchObject({ value: 103, detail: '镇3<br/>2021：103' });
  });

  it('draws a district township by township, as before', () => {
    const district = buildTrendOption({ ...BASE, points: POINTS });
    expect(seriesOf(district)).toHaveLength(4);
  });
});
