/**
 * Long-layout CSV files of any size for the fault tests, as a township export writes them (BOM, CRLF):
 * every stored catalog indicator, and the township's own 专项工作1…60 beside them, for every Tongnan
 * township, year after year from `firstYear` — never a year still to come, which the import refuses.
 */
import { TONGNAN } from '../../src/district/tongnan.ts';
import { CATALOG, isStored } from '../../src/indicators/catalog.ts';

export interface GeneratedFile {
  readonly bytes: Buffer;
  readonly facts: number;
  /** Every year the file has values for, ascending. */
  readonly years: readonly number[];
}

export interface GenerateOptions {
  /** Years left out, e.g. the sample district's 2019–2024, so the file replaces nothing. */
  readonly skip?: readonly [first: number, last: number];
  /** Fills the 备注 column of every row, numbered (a larger file for as many values). */
  readonly note?: string;
}

/** The township's own indicators beside the catalog's, so a large file fits the years gone by. */
const OWN_INDICATORS = 60;

export function generateLongFile(
  facts: number,
  firstYear: number,
  options: GenerateOptions = {},
): GeneratedFile {
  const { skip = [0, 0], note = '' } = options;
  const indicators = [
    ...CATALOG.filter(isStored)
      .filter((indicator) => indicator.unit.zh !== '%')
      .map((indicator) => ({ name: indicator.name.zh, unit: indicator.unit.zh })),
    ...Array.from({ length: OWN_INDICATORS }, (_, k) => ({ name: `专项工作${k + 1}`, unit: '次' })),
  ];
  const lastYear = new Date().getFullYear();
  const lines = ['镇街,年度,指标,数值,单位,备注'];
  const years: number[] = [];
  for (let year = firstYear; lines.length <= facts; year++) {
    if (year > lastYear) throw new Error(`${facts} values need more than the years up to ${lastYear}`);
    if (year >= skip[0] && year <= skip[1]) continue;
    years.push(year);
    for (const [t, township] of TONGNAN.townships.entries()) {
      for (const [i, indicator] of indicators.entries()) {
        if (lines.length > facts) break;
        const value = 10 + ((year * 31 + t * 17 + i * 7) % 500);
        const remark = note && `${note}（第${lines.length}条）`;
        lines.push(`${township.name},${year}年,${indicator.name},${value},${indicator.unit},${remark}`);
      }
    }
  }
  return { bytes: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'), facts: lines.length - 1, years };
}
