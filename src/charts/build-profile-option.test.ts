import { describe, expect, it } from 'vitest';
import type { Profile, ProfileIndicator, ProfilePoint } from '../db/overview-queries.ts';
import { buildProfileOption, type ProfileInput, profileChartHeight } from './build-profile-option.ts';
import { type ChartOption, echarts } from './echarts-setup.ts';

function renderTexts(option: ChartOption, height: number): string[] {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 960, height });
  try {
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
  } finally {
    chart.dispose();
  }
}

const point = (
  year: number,
  value: number,
  rank: number,
  ranked: number,
  approximate = false,
): ProfilePoint => ({
  year,
  value,
  approximate,
  rank,
  ranked,
});
const indicator = (
  indicatorId: string,
  zh: string,
  unit: string,
  points: ProfilePoint[],
): ProfileIndicator => ({
  indicatorId,
  name: { zh, en: indicatorId },
  unit: { zh: unit, en: unit },
  better: 'higher',
  points,
});

/** 宝龙镇 in test/fixtures/views-small.csv (three of its indicators), plus one it stopped reporting. */
const BAOLONG: Profile = {
  townshipCode: '500152104',
  townshipName: '宝龙镇',
  years: [2020, 2021, 2022, 2023],
  indicators: [
    indicator('officials_trained', '干部培训', '人', [
      point(2020, 10, 1, 1),
      point(2021, 12, 3, 4),
      point(2022, 11, 3, 3),
      point(2023, 17, 3, 4),
    ]),
    indicator('mediation_success_rate', '调解成功率', '%', [
      point(2021, (100 * 92) / 94, 1, 4),
      point(2022, (100 * 88) / 90, 2, 4),
      point(2023, 97.5, 1, 4),
    ]),
    indicator('exam_due', '法治考试应考', '人', [
      point(2021, 93, 3, 4),
      point(2022, 95, 3, 4),
      point(2023, 90, 3, 4, true),
    ]),
    indicator('petitions', '信访', '件', [point(2021, 31, 5, 23), point(2022, 27, 2, 3)]),
  ],
};

const INPUT: ProfileInput = {
  profile: BAOLONG,
  language: 'zh',
  title: '宝龙镇画像',
  approxMark: '≈',
  withUnit: (name, unit) => `${name}（${unit}）`,
  rankLabel: (rank, ranked, year) => `${year === undefined ? '' : `${year}年`}第${rank}/${ranked}名`,
  locale: 'zh-CN',
};

describe('buildProfileOption', () => {
  it('draws one panel per indicator, titled with its unit and latest rank, points labelled', () => {
    const option = buildProfileOption(INPUT);
    const texts = renderTexts(option, profileChartHeight(4));
    expect(texts).toContain('宝龙镇画像');
    expect(texts).toContain('干部培训（人） · 第3/4名');
    expect(texts).toContain('调解成功率（%） · 第1/4名');
    expect(texts).toContain('法治考试应考（人） · 第3/4名');
    // Its latest value is from 2022: the rank says so rather than pass for 2023's.
    expect(texts).toContain('信访（件） · 2022年第2/3名');
    for (const label of ['10', '12', '11', '17', '97.9%', '97.8%', '97.5%', '93', '95', '≈90', '31', '27']) {
      expect(texts).toContain(label);
    }
  });

  it('lays panels out in a grid of their own axes, gaps where a year has no value', () => {
    const option = buildProfileOption({ ...INPUT, columns: 2 });
    const grids = option.grid as { top: number }[];
    expect(grids.map((g) => g.top)).toEqual([110, 110, 290, 290]);
    expect((option.xAxis as { gridIndex: number }[]).map((a) => a.gridIndex)).toEqual([0, 1, 2, 3]);
    const series = option.series as { xAxisIndex: number; data: { value: number | null }[] }[];
    expect(series.map((s) => s.xAxisIndex)).toEqual([0, 1, 2, 3]);
    expect(series[3]?.data.map((d) => d.value)).toEqual([null, 31, 27, null]);
    expect(profileChartHeight(4, 2)).toBe(64 + 2 * 180);
    expect(profileChartHeight(10)).toBe(64 + 4 * 180);
  });

  it('escapes names in the HTML tooltip', () => {
    const option = buildProfileOption({ ...INPUT, profile: { ...BAOLONG, townshipName: '<i>宝龙镇</i>' } });
    const [first] = option.series as { data: unknown[]; tooltip: { formatter: (p: unknown) => string } }[];
    expect(first?.tooltip.formatter({ data: first.data[1] })).toBe(
      '&#60;i&#62;宝龙镇&#60;/i&#62; 2021<br/>干部培训：12（第3/4名）',
    );
  });
});
