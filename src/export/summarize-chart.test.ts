import { describe, expect, it } from 'vitest';
import { en } from '../messages/en.ts';
import { zh } from '../messages/zh.ts';
import { type SummaryRow, summarizeChart, topGroups } from './summarize-chart.ts';

const row = (
  name: string,
  value: number,
  change: number | null,
  extra: Partial<SummaryRow> = {},
): SummaryRow => ({
  name,
  value,
  approximate: false,
  change,
  ...extra,
});

// Worked by hand: 调解纠纷 (件) in 2021 for seven townships, two more did not report.
const ROWS = [
  row('甲镇', 10, 3),
  row('乙镇', 9, -1),
  row('丙镇', 8, 3),
  row('丁镇', 8, null),
  row('戊镇', 5, -4, { approximate: true, changeApproximate: true }),
  row('己镇', 3, 1),
  row('庚镇', 2, 0),
];

describe('summarizeChart', () => {
  it('highest and lowest three (a tie at third taken whole), largest rises and falls, who did not report', () => {
    expect(
      summarizeChart(
        {
          kind: 'townships',
          year: 2021,
          unit: '件',
          unitLabel: '件',
          rows: ROWS,
          missing: ['辛镇', '壬街道'],
        },
        zh.exports.summary,
      ),
    ).toEqual([
      '最高：甲镇 10件，乙镇 9件，丙镇、丁镇（并列） 8件',
      '最低：庚镇 2件，己镇 3件，戊镇 ≈5件',
      '同比升幅最大：甲镇、丙镇（并列） ▲3件，己镇 ▲1件',
      '同比降幅最大：戊镇 ≈▼4件，乙镇 ▼1件',
      '未报送（2 个）：辛镇、壬街道',
    ]);
  });

  it('a rate: one decimal with %, its change in percentage points; everyone reported', () => {
    const rows = [row('宝龙镇', 9200 / 94, 9200 / 94 - 8800 / 91), row('桂林街道', 96.5, -0.4)];
    expect(
      summarizeChart(
        { kind: 'townships', year: 2022, unit: '%', unitLabel: '%', rows, missing: [] },
        zh.exports.summary,
      ),
    ).toEqual([
      '最高：宝龙镇 97.9%，桂林街道 96.5%',
      '同比升幅最大：宝龙镇 ▲1.2个百分点',
      '同比降幅最大：桂林街道 ▼0.4个百分点',
      '全部镇街均已报送',
    ]);
  });

  it('no year before: says there is no 同比 rather than inventing one', () => {
    const rows = [row('宝龙镇', 94, null), row('桂林街道', 130, null)];
    expect(
      summarizeChart(
        { kind: 'townships', year: 2019, unit: '件', unitLabel: '件', rows, missing: ['梓潼街道'] },
        zh.exports.summary,
      ),
    ).toEqual([
      '最高：桂林街道 130件，宝龙镇 94件',
      '2018年无可比数据，未计算同比',
      '未报送（1 个）：梓潼街道',
    ]);
  });

  it('nobody reported: says so, and lists who is missing', () => {
    expect(
      summarizeChart(
        { kind: 'townships', year: 2021, unit: '件', unitLabel: '件', rows: [], missing: ['甲镇'] },
        zh.exports.summary,
      ),
    ).toEqual(['2021年无数据', '未报送（1 个）：甲镇']);
  });

  it('speaks English when the user reads English', () => {
    expect(
      summarizeChart(
        {
          kind: 'townships',
          year: 2021,
          unit: '件',
          unitLabel: 'cases',
          rows: ROWS.slice(0, 2),
          missing: [],
        },
        en.exports.summary,
        'en-GB',
      ),
    ).toEqual([
      'Highest: 甲镇 10 cases; 乙镇 9 cases',
      'Largest rises on the year before: 甲镇 ▲3 cases',
      'Largest falls on the year before: 乙镇 ▼1 cases',
      'Every township reported',
    ]);
  });

  it('a township profile: best and worst standing, largest moves in rank, indicators not reported', () => {
    expect(
      summarizeChart(
        {
          kind: 'profile',
          year: 2021,
          township: '宝龙镇',
          indicators: [
            { name: '调解成功率', rank: 1, ranked: 23, previousRank: 4 },
            { name: '调解纠纷', rank: 5, ranked: 23, previousRank: 5 },
            { name: '普法讲座', rank: 20, ranked: 22, previousRank: 12 },
            { name: '信访件数', rank: 2, ranked: 10, previousRank: null },
            { name: '法律顾问', rank: 23, ranked: 23, previousRank: 21 },
          ],
          missing: ['行政复议'],
        },
        zh.exports.summary,
      ),
    ).toEqual([
      '排名靠前：调解成功率 第1/23名，信访件数 第2/10名，调解纠纷 第5/23名',
      '排名靠后：法律顾问 第23/23名，普法讲座 第20/22名',
      '排名上升最多：调解成功率 第4→1名',
      '排名下降最多：普法讲座 第12→20名，法律顾问 第21→23名',
      '本年未报送的指标（1 项）：行政复议',
    ]);
  });
});

describe('topGroups', () => {
  it('takes three places, a tie at the last place whole', () => {
    expect(topGroups([5, 4, 3, 3, 3, 1], (v) => v)).toEqual([[5], [4], [3, 3, 3]]);
    expect(topGroups([5, 5, 5, 5, 1], (v) => v)).toEqual([[5, 5, 5, 5]]);
    expect(topGroups([2, 1], (v) => v)).toEqual([[2], [1]]);
  });
});
