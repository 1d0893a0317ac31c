import { describe, expect, it } from 'vitest';
import type { Completeness, CompletenessCell, CompletenessStatus } from '../db/overview-queries.ts';
import { buildCompletenessOption } from './build-completeness-option.ts';
import { type ChartOption, echarts } from './echarts-setup.ts';

function renderTexts(option: ChartOption): string[] {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 360 });
  try {
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
  } finally {
    chart.dispose();
  }
}

const cell = (
  townshipName: string,
  year: number,
  reported: number,
  expected: number,
  status: CompletenessStatus,
): CompletenessCell => ({ townshipCode: townshipName, townshipName, year, reported, expected, status });

/** test/fixtures/views-small.csv, 2020 and 2022, as loadCompleteness returns it. */
const COMPLETENESS: Completeness = {
  years: [
    { year: 2020, expected: 2, complete: 1, partial: 0, missing: 3 },
    { year: 2022, expected: 8, complete: 3, partial: 1, missing: 0 },
  ],
  cells: [
    cell('桂林街道', 2020, 0, 2, 'missing'),
    cell('桂林街道', 2022, 8, 8, 'complete'),
    cell('梓潼街道', 2020, 0, 2, 'missing'),
    cell('梓潼街道', 2022, 8, 8, 'complete'),
    cell('上和镇', 2020, 0, 2, 'missing'),
    cell('上和镇', 2022, 6, 8, 'partial'),
    cell('宝龙镇', 2020, 2, 2, 'complete'),
    cell('宝龙镇', 2022, 8, 8, 'complete'),
  ],
};

describe('buildCompletenessOption', () => {
  it('shows each township-year’s count or “未报送”, and each year’s totals', () => {
    const option = buildCompletenessOption({
      completeness: COMPLETENESS,
      title: '报送完整度',
      statusLabels: { complete: '完整', partial: '部分', missing: '未报送' },
      yearLabel: (y) => `${y.year}年 完整${y.complete} 部分${y.partial} 未报送${y.missing}`,
      countLabel: (reported, expected) => `${reported}/${expected}`,
    });
    const texts = renderTexts(option);
    expect(texts.slice(0, 4)).toEqual(['桂林街道', '梓潼街道', '上和镇', '宝龙镇']);
    expect(texts).toContain('2020年 完整1 部分0 未报送3');
    expect(texts).toContain('2022年 完整3 部分1 未报送0');
    expect(texts.filter((t) => t === '未报送')).toHaveLength(4);
    expect(texts).toContain('6/8');
    expect(texts).toContain('2/2');
    expect(texts).toContain('完整');
    expect(texts).toContain('部分');
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter({ dataIndex: 5 });
    expect(tooltip).toBe('上和镇 2022<br/>部分：6/8');
  });
});
