import { describe, expect, it } from 'vitest';
import type { HeatmapCell } from '../db/overview-queries.ts';
import { zh } from '../messages/zh.ts';
import {
  buildHeatmapOption,
  type HeatmapInput,
  heatmapChartHeight,
  LABELLED_ROWS,
} from './build-heatmap-option.ts';
import { chartPageOf } from './chart-pages.ts';
import { type ChartOption, DIVERGING, echarts, SEQUENTIAL } from './echarts-setup.ts';

function renderTexts(option: ChartOption): string[] {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 400 });
  try {
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
      (m[1] ?? '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'),
    );
  } finally {
    chart.dispose();
  }
}

const cell = (
  townshipCode: string,
  townshipName: string,
  year: number,
  value: number,
  change: number | null,
  approximate = false,
  changeApproximate = approximate,
): HeatmapCell => ({
  townshipCode,
  townshipName,
  year,
  value,
  approximate,
  previous: change === null ? null : value - change,
  change,
  changeApproximate,
});

/** 法律咨询 in test/fixtures/views-small.csv, as loadHeatmap returns it. */
const CONSULTATIONS: Pick<HeatmapInput, 'cells' | 'townships' | 'years' | 'better'> = {
  better: 'higher',
  years: [2020, 2021, 2022, 2023],
  townships: [
    { code: '104', name: '宝龙镇' },
    { code: '002', name: '梓潼街道' },
    { code: '001', name: '桂林街道' },
    { code: '101', name: '上和镇' },
  ],
  cells: [
    cell('001', '桂林街道', 2021, 1000, null),
    cell('001', '桂林街道', 2022, 1100, 100),
    cell('002', '梓潼街道', 2021, 800, null, true),
    cell('002', '梓潼街道', 2022, 850, 50, false, true),
    cell('002', '梓潼街道', 2023, 900, 50),
    cell('101', '上和镇', 2021, 300, null),
    cell('101', '上和镇', 2022, 300, 0, true),
    cell('104', '宝龙镇', 2020, 400, null),
    cell('104', '宝龙镇', 2021, 420, 20),
    cell('104', '宝龙镇', 2022, 410, -10),
    cell('104', '宝龙镇', 2023, 2000, 1590),
  ],
};

const WORDS = {
  unit: '人次',
  title: '法律咨询（人次）',
  approxMark: '≈',
  changeLabel: '同比',
  pointsUnit: '个百分点',
  noChangeLabel: '无同比',
  locale: 'zh-CN',
} as const;

type VisualMaps = { min?: number; max?: number; inRange?: { color: string[] } }[];
type Series = { data: { value: [number, number, number] }[] }[];

describe('buildHeatmapOption', () => {
  it('value mode: one labelled cell per reported value, townships in the given order', () => {
    const option = buildHeatmapOption({ ...CONSULTATIONS, ...WORDS, mode: 'value' });
    const texts = renderTexts(option);
    expect(texts.slice(0, 8)).toEqual([
      '宝龙镇',
      '梓潼街道',
      '桂林街道',
      '上和镇',
      '2020',
      '2021',
      '2022',
      '2023',
    ]);
    const labels = ['1,000', '1,100', '≈800', '850', '900', '300', '≈300', '400', '420', '410', '2,000'];
    for (const label of labels) expect(texts).toContain(label);
    // A value nobody reported is a gap: no cell, and never a 0.
    expect((option.series as Series)[0]?.data).toHaveLength(11);
    expect(texts).not.toContain('0');
    // 宝龙镇 (row 0) 2023 (column 3) is coloured by its value.
    expect((option.series as Series)[0]?.data[10]?.value).toEqual([3, 0, 2000]);
    const [scale] = option.visualMap as VisualMaps;
    expect(scale).toMatchObject({ min: 300, max: 2000, inRange: { color: [...SEQUENTIAL] } });
    expect(texts).toContain('法律咨询（人次）');
  });

  it('change mode: 同比 changes as ▲/▼ (as elsewhere in the app), grey “无同比” cells where the year before is missing', () => {
    const option = buildHeatmapOption({ ...CONSULTATIONS, ...WORDS, mode: 'change' });
    const texts = renderTexts(option);
    for (const label of ['▲100', '≈▲50', '▲50', '≈±0', '▲20', '▼10', '▲1,590'])
      expect(texts).toContain(label);
    expect(texts).toContain('▼1,590');
    expect(texts.filter((t) => t === '无同比')).toHaveLength(4);
    const [scale] = option.visualMap as VisualMaps;
    // Symmetric around no change, orange (worse) to blue (better).
    expect(scale).toMatchObject({ min: -1590, max: 1590, inRange: { color: [...DIVERGING] } });
  });

  it('rates change in percentage points', () => {
    const option = buildHeatmapOption({
      better: 'higher',
      years: [2021, 2022],
      townships: [{ code: '101', name: '上和镇' }],
      cells: [
        cell('101', '上和镇', 2021, (100 * 92) / 94, null),
        cell('101', '上和镇', 2022, 97.5, 97.5 - (100 * 92) / 94),
      ],
      ...WORDS,
      unit: '%',
      mode: 'change',
    });
    expect(renderTexts(option)).toContain('▼0.4');
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter({
      data: (option.series as Series)[0]?.data[0],
    });
    expect(tooltip).toBe('上和镇 2022<br/>97.5%<br/>同比 ▼0.4 个百分点');
  });

  it('turns the colour scale where lower is better, so the better end keeps its colour', () => {
    const option = buildHeatmapOption({ ...CONSULTATIONS, ...WORDS, better: 'lower', mode: 'value' });
    const [scale] = option.visualMap as VisualMaps;
    expect(scale?.inRange?.color).toEqual([...SEQUENTIAL].reverse());
  });

  it('escapes names in the HTML tooltip', () => {
    const option = buildHeatmapOption({
      better: 'higher',
      years: [2021],
      townships: [{ code: 'x', name: '<b>镇</b>' }],
      cells: [cell('x', '<b>镇</b>', 2021, 5, null)],
      ...WORDS,
      mode: 'value',
    });
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter({
      data: (option.series as Series)[0]?.data[0],
    });
    expect(tooltip).toBe('&#60;b&#62;镇&#60;/b&#62; 2021<br/>5<br/>同比 无同比');
  });
});

describe('a province-size heatmap', () => {
  const townships = Array.from({ length: LABELLED_ROWS + 40 }, (_, i) => ({ code: `t${i}`, name: `镇${i}` }));
  const cells = townships.flatMap((t, i) => [
    cell(t.code, t.name, 2021, 100 + i, null),
    cell(t.code, t.name, 2022, 110 + i, 10, i === 3),
  ]);
  const input = { better: 'higher', years: [2021, 2022], townships, cells, ...WORDS } as const;

  it('draws thin rows without cell labels: cells are plain [year, row, value] arrays', () => {
    const option = buildHeatmapOption({ ...input, mode: 'value' });
    const [series] = option.series as { data: unknown[]; label: { show: boolean } }[];
    expect(series?.label.show).toBe(false);
    expect(series?.data[1]).toEqual([1, 0, 110]);
    expect(heatmapChartHeight(townships.length)).toBeLessThan(heatmapChartHeight(LABELLED_ROWS) * 1.2);
    expect(heatmapChartHeight(4)).toBe(420);
  });

  it('still explains every cell in its tooltip, found by its index', () => {
    const option = buildHeatmapOption({ ...input, mode: 'change' });
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    // Series 0 holds the cells with a change (2022), series 1 the grey ones without (2021).
    expect(formatter({ data: [1, 3, 10], seriesIndex: 0, dataIndex: 3 })).toBe(
      '镇3 2022<br/>≈113<br/>同比 ≈▲10',
    );
    expect(formatter({ data: [0, 0, 0], seriesIndex: 1, dataIndex: 0 })).toBe(
      '镇0 2021<br/>100<br/>同比 无同比',
    );
  });
});

describe('a province’s heatmap, a page of 100 township rows at a time', () => {
  // 250 townships, best first as loadHeatmap orders them: 青山1镇 reported 2,600 in 2022, 青山250镇 110.
  const townships = Array.from({ length: 250 }, (_, i) => ({ code: `t${i + 1}`, name: `青山${i + 1}镇` }));
  const cells = townships.flatMap((t, i) => [
    cell(t.code, t.name, 2021, 2500 - 10 * i, null),
    cell(t.code, t.name, 2022, 2600 - 10 * i, 100),
  ]);
  const input = {
    better: 'higher',
    years: [2021, 2022],
    townships,
    cells,
    ...WORDS,
    rowRange: zh.viewText.pageRange,
  } as const;
  const page2 = buildHeatmapOption({ ...input, mode: 'value', page: 1 });
  const texts = renderTexts(page2);

  it('page 2 draws townships 101 to 200, in order, and says so under the title', () => {
    const rows = (page2.yAxis as { data: string[] }).data;
    expect(rows).toHaveLength(100);
    expect(rows[0]).toBe('青山101镇');
    expect(rows.at(-1)).toBe('青山200镇');
    expect(rows).not.toContain('青山100镇');
    expect(rows).not.toContain('青山201镇');
    expect(texts).toContain('第 101–200 个，共 250 个镇街');
    // Two years of the page's 100 townships.
    expect((page2.series as Series)[0]?.data).toHaveLength(200);
  });

  it('explains the cells of the page in the tooltip: 青山101镇 2022 is 1,600', () => {
    const formatter = (page2.tooltip as { formatter: (p: unknown) => string }).formatter;
    // The page's cells in the order given: 青山101镇 2021, 青山101镇 2022, …
    expect(formatter({ data: [1, 0, 1600], seriesIndex: 0, dataIndex: 1 })).toBe(
      '青山101镇 2022<br/>1,600<br/>同比 ▲100',
    );
  });

  it('colours every page on the whole province’s scale', () => {
    const [scale] = page2.visualMap as VisualMaps;
    // The province runs from 青山250镇’s 2021 value, 10, to 青山1镇’s 2022 value, 2,600.
    expect(scale).toMatchObject({ min: 10, max: 2600 });
    expect(texts).toContain('2,600');
    const [lastScale] = buildHeatmapOption({ ...input, mode: 'value', page: 2 }).visualMap as VisualMaps;
    expect(lastScale).toMatchObject({ min: 10, max: 2600 });
  });

  it('opens at the page of the first highlighted township with a row', () => {
    expect(chartPageOf(townships, [], (t) => t.code)).toBe(0);
    expect(chartPageOf(townships, ['t150'], (t) => t.code)).toBe(1);
    expect(chartPageOf(townships, ['nowhere', 't201'], (t) => t.code)).toBe(2);
  });

  it('keeps the last page short and a page past the end on the last page', () => {
    const last = buildHeatmapOption({ ...input, mode: 'change', page: 9 });
    expect((last.yAxis as { data: string[] }).data).toEqual(townships.slice(200).map((t) => t.name));
    expect(renderTexts(last)).toContain('第 201–250 个，共 250 个镇街');
    // 2021 has no year before: 50 grey cells, 50 coloured by their change.
    expect((last.series as Series)[0]?.data).toHaveLength(50);
    expect((last.series as Series)[1]?.data).toHaveLength(50);
  });

  it('leaves a district of one page as it was', () => {
    const option = buildHeatmapOption({ ...CONSULTATIONS, ...WORDS, mode: 'value', page: 0 });
    expect(renderTexts(option)).toEqual(
      renderTexts(buildHeatmapOption({ ...CONSULTATIONS, ...WORDS, mode: 'value' })),
    );
    expect(renderTexts(option).join('')).not.toContain('共');
  });
});
