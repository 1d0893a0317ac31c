import { describe, expect, it } from 'vitest';
import type { Ranking } from '../db/queries.ts';
import type { RankingWithChange } from '../db/ranking-queries.ts';
import { en } from '../messages/en.ts';
import { zh } from '../messages/zh.ts';
import { buildRankingOption } from './build-ranking-option.ts';
import { chartPageOf } from './chart-pages.ts';
import { type ChartOption, echarts, MUTED, PALETTE } from './echarts-setup.ts';

function renderSvg(option: ChartOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 500 });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

// 调解成功率 2022 against 2021: 宝龙镇 92/94 (was 88/91, 4th), 桂林街道 126/130 (was 114/120, 2nd).
const WITH_CHANGE: RankingWithChange = {
  indicatorId: 'mediation_success_rate',
  year: 2022,
  previousYear: 2021,
  average: 95.8,
  median: 96.2,
  missing: ['梓潼街道'],
  rows: [
    {
      townshipCode: '500152104',
      townshipName: '宝龙镇',
      value: 9200 / 94,
      approximate: false,
      rank: 1,
      previousValue: 8800 / 91,
      previousApproximate: false,
      change: 9200 / 94 - 8800 / 91,
      relativeChange: 0.0121,
      previousRank: 4,
      rankChange: 3,
    },
    {
      townshipCode: '500152001',
      townshipName: '桂林街道',
      value: 12600 / 130,
      approximate: false,
      rank: 2,
      previousValue: 95,
      previousApproximate: false,
      change: 12600 / 130 - 95,
      relativeChange: 0.0202,
      previousRank: 2,
      rankChange: 0,
    },
    {
      townshipCode: '500152107',
      townshipName: '玉溪镇',
      value: 95.5,
      approximate: true,
      rank: 3,
      previousValue: 97.1,
      previousApproximate: false,
      change: -1.6,
      relativeChange: -0.0165,
      previousRank: 1,
      rankChange: -2,
    },
    {
      townshipCode: '500152103',
      townshipName: '古溪镇',
      value: 93,
      approximate: false,
      rank: 4,
      previousValue: null,
      previousApproximate: false,
      change: null,
      relativeChange: null,
      previousRank: null,
      rankChange: null,
    },
  ],
};
const PLAIN: Ranking = {
  average: WITH_CHANGE.average,
  missing: WITH_CHANGE.missing,
  rows: WITH_CHANGE.rows.map(({ townshipCode, townshipName, value, approximate, rank }) => ({
    townshipCode,
    townshipName,
    value,
    approximate,
    rank,
  })),
};
const BASE = {
  unit: '%',
  title: '2022年调解成功率排名',
  averageLabel: '镇街平均',
  approxMark: '≈',
  highlighted: [],
  locale: 'zh-CN',
};

interface BarItem {
  label: { formatter: string };
  detail: string;
  itemStyle: { color: string };
}
interface BarSeries {
  data: BarItem[];
  markLine?: { data: { xAxis: number }[] };
}
const barsOf = (option: ChartOption) => (option.series as BarSeries[])[0];

describe('buildRankingOption with the year before', () => {
  const option = buildRankingOption({ ...BASE, ranking: WITH_CHANGE, medianLabel: '中位数' });
  const svg = renderSvg(option);

  it('lists the townships best first with their ranks', () => {
    for (const name of ['1. 宝龙镇', '2. 桂林街道', '3. 玉溪镇', '4. 古溪镇']) expect(svg).toContain(name);
  });

  it.each([
    ['宝龙镇', '97.9%  ▲1.2  ↑3'],
    ['桂林街道', '96.9%  ▲1.9  →'],
    ['玉溪镇', '≈95.5%  ≈▼1.6  ↓2'],
    ['古溪镇', '93.0%'],
  ])('labels %s’s bar “%s”', (_, label) => {
    expect(svg).toContain(`>${label}</text>`);
  });

  it('draws rates from 0 to 100 %, so a bar’s length is its value', () => {
    const ticks = [...svg.matchAll(/>(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(Math.min(...ticks)).toBe(0);
    expect(Math.max(...ticks)).toBe(100);
  });

  it('marks the average and the median', () => {
    expect(svg).toContain('镇街平均 95.8%');
    expect(svg).toContain('中位数 96.2%');
    expect(barsOf(option)?.markLine?.data.map((d) => d.xAxis)).toEqual([95.8, 96.2]);
  });

  it('tells the year before in the tooltip', () => {
    expect(barsOf(option)?.data[0]?.detail).toBe(
      '宝龙镇<br/>97.9%（第 1 名）  ▲1.2  ↑3<br/>2021：96.7%（第 4 名）',
    );
    expect(barsOf(option)?.data[3]?.detail).toBe('古溪镇<br/>93.0%（第 4 名）');
  });

  it('takes the tooltip’s rank and punctuation from the messages, so English works', () => {
    const english = buildRankingOption({
      ...BASE,
      ranking: WITH_CHANGE,
      locale: 'en',
      rankText: en.viewText.rankInline,
      colon: en.viewText.colon,
    });
    expect(barsOf(english)?.data[0]?.detail).toBe(
      '宝龙镇<br/>97.9% (rank 1)  ▲1.2  ↑3<br/>2021: 96.7% (rank 4)',
    );
    expect(barsOf(english)?.data[0]?.detail).not.toMatch(/[第名：（]/);
  });

  it('takes the median label from the input, so English works', () => {
    const english = renderSvg(
      buildRankingOption({ ...BASE, ranking: WITH_CHANGE, averageLabel: 'Average', medianLabel: 'Median' }),
    );
    expect(english).toContain('Median 96.2%');
    expect(english).toContain('Average 95.8%');
  });
});

describe('buildRankingOption with a plain ranking (the current input)', () => {
  const option = buildRankingOption({ ...BASE, ranking: PLAIN, medianLabel: '中位数' });
  const svg = renderSvg(option);

  it('labels values only and marks the average only', () => {
    expect(svg).toContain('>97.9%</text>');
    expect(svg).not.toContain('▲');
    expect(svg).not.toContain('中位数');
    expect(barsOf(option)?.markLine?.data).toHaveLength(1);
  });

  it('leaves the median out when no label is given', () => {
    const noLabel = buildRankingOption({ ...BASE, ranking: WITH_CHANGE });
    expect(barsOf(noLabel)?.markLine?.data).toHaveLength(1);
  });
});

describe('highlighting', () => {
  it('draws every bar in the first colour when nothing is highlighted', () => {
    const colours = barsOf(buildRankingOption({ ...BASE, ranking: WITH_CHANGE }))?.data.map(
      (d) => d.itemStyle.color,
    );
    expect(colours).toEqual([PALETTE[0], PALETTE[0], PALETTE[0], PALETTE[0]]);
  });

  it('keeps each highlighted township’s colour and fades the rest', () => {
    const option = buildRankingOption({
      ...BASE,
      ranking: WITH_CHANGE,
      highlighted: ['500152107', '500152104'],
    });
    expect(barsOf(option)?.data.map((d) => d.itemStyle.color)).toEqual([
      PALETTE[1],
      MUTED,
      PALETTE[0],
      MUTED,
    ]);
  });
});

it('escapes township names that reach the HTML tooltip', () => {
  const ranking = { ...PLAIN, rows: [{ ...WITH_CHANGE.rows[3], townshipName: '古溪镇<script>' }] } as Ranking;
  expect(barsOf(buildRankingOption({ ...BASE, ranking }))?.data[0]?.detail).toBe(
    '古溪镇&#60;script&#62;<br/>93.0%（第 4 名）',
  );
});

describe('a province’s ranking, a page of 100 bars at a time', () => {
  // 250 townships of 调解纠纷数 (件), rank r with 1,100 − 4r cases: 1,096 at the top, 100 at the bottom.
  const ranked = 250;
  const rows = Array.from({ length: ranked }, (_, i) => {
    const rank = i + 1;
    return {
      townshipCode: `t${rank}`,
      townshipName: `青山${rank}镇`,
      value: 1100 - 4 * rank,
      approximate: false,
      rank,
      previousValue: null,
      previousApproximate: false,
      change: null,
      relativeChange: null,
      previousRank: null,
      rankChange: null,
    };
  });
  // As the query gives them: over every township, not over a page.
  const values = rows.map((r) => r.value).sort((a, b) => a - b);
  const average = values.reduce((sum, v) => sum + v, 0) / values.length;
  const median = ((values[ranked / 2 - 1] ?? 0) + (values[ranked / 2] ?? 0)) / 2;
  const province: RankingWithChange = {
    indicatorId: 'disputes_mediated',
    year: 2022,
    previousYear: 2021,
    average,
    median,
    missing: [],
    rows,
  };
  const input = {
    ...BASE,
    unit: '件',
    title: '2022年调解纠纷数排名',
    ranking: province,
    medianLabel: '中位数',
    rankRange: zh.viewText.rankRange,
  };
  const page2 = buildRankingOption({ ...input, page: 1 });
  const svg = renderSvg(page2);
  const axisTop = (option: ChartOption) =>
    Math.max(
      ...[...renderSvg(option).matchAll(/>([\d,]+)<\/text>/g)].map((m) => Number(m[1]?.replaceAll(',', ''))),
    );

  it('page 2 draws ranks 101 to 200, with their values, and says so under the title', () => {
    expect(barsOf(page2)?.data).toHaveLength(100);
    expect(svg).toContain('>101. 青山101镇</text>');
    expect(svg).toContain('>200. 青山200镇</text>');
    expect(svg).not.toContain('>100. 青山100镇</text>');
    expect(svg).not.toContain('>201. 青山201镇</text>');
    // 1,100 − 4 × 101 and 1,100 − 4 × 200.
    expect(svg).toContain('>696</text>');
    expect(svg).toContain('>300</text>');
    expect(barsOf(page2)?.data[0]?.detail).toBe('青山101镇<br/>696（第 101 名）');
    expect(svg).toContain('第 101–200 名，共 250 个镇街参与排名');
  });

  it('marks the whole district’s average and median, not the page’s', () => {
    // Over all 250: (1,096 + 100) / 2 = 598; the bars on page 2 average 498.
    expect(average).toBe(598);
    expect(svg).toContain('镇街平均 598');
    expect(svg).toContain('中位数 598');
    expect(svg).not.toContain('镇街平均 498');
    expect(barsOf(page2)?.markLine?.data.map((d) => d.xAxis)).toEqual([598, 598]);
  });

  it('draws every page to one scale, so a short bar on the last page looks short', () => {
    const last = buildRankingOption({ ...input, page: 2 });
    expect(barsOf(last)?.data).toHaveLength(50);
    expect(renderSvg(last)).toContain('第 201–250 名，共 250 个镇街参与排名');
    // The last page's best is 296 cases; its axis still reaches past the district's best, 1,096.
    expect(axisTop(last)).toBeGreaterThanOrEqual(1096);
    expect(axisTop(last)).toBe(axisTop(buildRankingOption({ ...input, page: 0 })));
  });

  it('keeps a page number past the end on the last page', () => {
    expect(barsOf(buildRankingOption({ ...input, page: 7 }))?.data).toHaveLength(50);
  });

  it('opens at the page of the first highlighted township that is ranked', () => {
    expect(chartPageOf(rows, [], (r) => r.townshipCode)).toBe(0);
    expect(chartPageOf(rows, ['t150'], (r) => r.townshipCode)).toBe(1);
    expect(chartPageOf(rows, ['t201', 't5'], (r) => r.townshipCode)).toBe(2);
    // A highlighted township that did not report is skipped.
    expect(chartPageOf(rows, ['unreported', 't100'], (r) => r.townshipCode)).toBe(0);
    expect(chartPageOf(rows, ['t101'], (r) => r.townshipCode)).toBe(1);
  });

  it('leaves a district of one page as it was: no page line, the same bars', () => {
    const district = {
      ...BASE,
      ranking: WITH_CHANGE,
      medianLabel: '中位数',
      rankRange: zh.viewText.rankRange,
    };
    // Each render numbers its CSS classes anew.
    const drawn = (option: ChartOption) => renderSvg(option).replace(/zr\d+-cls-\d+/g, 'zr-cls');
    const paged = drawn(buildRankingOption({ ...district, page: 0 }));
    expect(paged).toBe(drawn(buildRankingOption(district)));
    expect(paged).not.toContain('名，共');
  });

  it('reads in English', () => {
    const english = renderSvg(buildRankingOption({ ...input, page: 1, rankRange: en.viewText.rankRange }));
    expect(english).toContain('Ranks 101–200 of 250 townships ranked');
  });
});
