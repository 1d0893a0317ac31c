/**
 * The data-quality view: a reviewer's checks over everything stored, each warning with where its
 * value came from (file, line, column). Only townships in the district's list are checked.
 */
import { CATALOG, findIndicator } from '../indicators/catalog.ts';
import { rateAgrees, writtenDecimals } from '../import/check-facts.ts';
import type { DbClient, SqlParam } from './client.ts';

/** In display order: contradictions, then gaps, then unusual values, then approximations. */
export const QUALITY_KINDS = [
  'rate-disagrees',
  'successes-exceed-cases',
  'taken-exceeds-due',
  'missing-year',
  'missing-indicator',
  'outlier-history',
  'outlier-district',
  'approximate',
] as const;
export type QualityKind = (typeof QUALITY_KINDS)[number];

export interface QualityWarning {
  readonly kind: QualityKind;
  readonly townshipCode: string;
  readonly townshipName: string;
  readonly year: number;
  /** null only for 'missing-year', which is about a whole report. */
  readonly indicatorId: string | null;
  readonly indicatorName: string | null;
  readonly unit: string | null;
  /** The value in question; null for the 'missing-…' kinds. */
  readonly value: number | null;
  /** The cell as written, e.g. `6000余`. */
  readonly rawText: string | null;
  /**
   * What the value was checked against: the rate computed from its counts ('rate-disagrees'),
   * the count it may not exceed ('…-exceeds-…'), the median of the comparison values
   * ('outlier-…'), the other townships that reported the indicator ('missing-indicator').
   */
  readonly reference: number | null;
  /** Robust z of an outlier: |value − median| ÷ (1.4826 × MAD). */
  readonly score: number | null;
  /**
   * How many were compared: other years ('outlier-history'), other townships ('outlier-district'),
   * other townships that reported that year ('missing-indicator'), townships that reported that
   * year ('missing-year').
   */
  readonly compared: number | null;
  /** What a district official reads, in Chinese. */
  readonly message: string;
  readonly fileName: string | null;
  readonly sourceLine: number | null;
  readonly sourceColumn: string | null;
}

/**
 * Outliers: robust z = |x − median| ÷ (1.4826 × MAD) of the comparison values (the township's
 * other years, or the other townships that year), which must number OUTLIER_MIN_COMPARED with
 * MAD > 0. Approximate values (6000余) are left out on both sides: a few round numbers make the
 * MAD collapse. A flagged value must also differ materially — OUTLIER_MIN_POINTS percentage points
 * for rates, a factor OUTLIER_MIN_RATIO otherwise — because the MAD of three to five integers is
 * often 1 and flags ordinary year-to-year noise (on the sample district, 160 of 175 such flags).
 */
export const OUTLIER_Z = 3.5;
export const OUTLIER_MIN_COMPARED = 3;
export const OUTLIER_MIN_POINTS = 5;
export const OUTLIER_MIN_RATIO = 2;
/** An indicator is expected of a township when at least this share of the others reported it. */
export const MISSING_INDICATOR_PERCENT = 80;

/** Pairs where the first count can never exceed the second (as in import/check-facts.ts). */
const AT_MOST = [
  { kind: 'successes-exceed-cases', part: 'disputes_resolved', whole: 'disputes_mediated' },
  { kind: 'taken-exceeds-due', part: 'exam_taken', whole: 'exam_due' },
] as const satisfies readonly { kind: QualityKind; part: string; whole: string }[];

const RATE_CHECKS = CATALOG.flatMap((indicator) => {
  const against = 'checksAgainst' in indicator ? findIndicator(indicator.checksAgainst) : undefined;
  return against?.formula ? [{ reported: indicator.id as string, ...against.formula }] : [];
});

/** Facts of the district's townships with what every warning shows about them. */
const SCOPED = `scoped AS (
  SELECT f.township_code, t.name AS township_name, t.sort_order AS township_order, f.year,
         f.indicator_id, i.name_zh AS indicator_name, i.unit_zh AS unit, i.sort_order AS indicator_order,
         i.additive, f.value, f.approximate, f.raw_text, m.file_name, f.source_line, f.source_column
  FROM facts f
  JOIN townships t ON t.code = f.township_code
  LEFT JOIN indicators i ON i.id = f.indicator_id
  LEFT JOIN imports m ON m.id = f.import_id
)`;

const FACT_COLUMNS = `x.township_code, x.township_name, x.township_order, x.year, x.indicator_id,
  x.indicator_name, x.unit, x.indicator_order, x.value, x.raw_text, x.file_name, x.source_line, x.source_column`;

/** A type, not an interface: query rows must be indexable records. */
type FactRow = {
  readonly township_code: string;
  readonly township_name: string;
  readonly township_order: number;
  readonly year: number;
  readonly indicator_id: string;
  readonly indicator_name: string | null;
  readonly unit: string | null;
  readonly indicator_order: number | null;
  readonly value: number;
  readonly raw_text: string | null;
  readonly file_name: string | null;
  readonly source_line: number | null;
  readonly source_column: string | null;
};

interface Sortable {
  readonly warning: QualityWarning;
  readonly townshipOrder: number;
  readonly indicatorOrder: number;
}

const plain = (value: number) => value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
const written = (row: { raw_text: string | null; value: number }) => row.raw_text?.trim() || plain(row.value);
const withUnit = (value: number, unit: string | null) =>
  unit === '%' ? `${plain(value)}%` : `${plain(value)}${unit ? ` ${unit}` : ''}`;
const placeholders = (rows: number, columns: number) =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');

function fromFact(
  row: FactRow,
  kind: QualityKind,
  fields: Pick<QualityWarning, 'reference' | 'score' | 'compared' | 'message'>,
): Sortable {
  return {
    townshipOrder: row.township_order,
    indicatorOrder: row.indicator_order ?? Number.MAX_SAFE_INTEGER,
    warning: {
      kind,
      townshipCode: row.township_code,
      townshipName: row.township_name,
      year: row.year,
      indicatorId: row.indicator_id,
      indicatorName: row.indicator_name ?? row.indicator_id,
      unit: row.unit,
      value: row.value,
      rawText: row.raw_text,
      fileName: row.file_name,
      sourceLine: row.source_line,
      sourceColumn: row.source_column,
      ...fields,
    },
  };
}

async function findRateDisagreements(db: DbClient): Promise<Sortable[]> {
  if (RATE_CHECKS.length === 0) return [];
  const rows = await db.query<
    FactRow & {
      numerator: number;
      denominator: number;
      numerator_name: string;
      denominator_name: string;
      computed: number;
    }
  >(
    `WITH ${SCOPED}, checks(reported_id, numerator_id, denominator_id) AS (VALUES ${placeholders(RATE_CHECKS.length, 3)})
     SELECT ${FACT_COLUMNS}, n.value AS numerator, d.value AS denominator,
            n.indicator_name AS numerator_name, d.indicator_name AS denominator_name,
            100.0 * n.value / d.value AS computed
     FROM checks c
     JOIN scoped x ON x.indicator_id = c.reported_id
     JOIN scoped n ON n.township_code = x.township_code AND n.year = x.year AND n.indicator_id = c.numerator_id
     JOIN scoped d ON d.township_code = x.township_code AND d.year = x.year AND d.indicator_id = c.denominator_id
     WHERE NOT (x.approximate OR n.approximate OR d.approximate) AND d.value > 0`,
    RATE_CHECKS.flatMap((check) => [check.reported, check.numerator, check.denominator]),
  );
  return rows
    .filter(
      (r) => !rateAgrees(r.value, writtenDecimals(r.raw_text ?? String(r.value)), r.numerator, r.denominator),
    )
    .map((r) =>
      fromFact(r, 'rate-disagrees', {
        reference: r.computed,
        score: null,
        compared: null,
        message: `${r.township_name}${r.year}年填报的${r.indicator_name}“${written(r)}”与按计数算出的结果（${r.numerator_name} ${plain(r.numerator)} ÷ ${r.denominator_name} ${plain(r.denominator)} = ${plain(r.computed)}%）对不上，按小数位截断或四舍五入都不相符。请核对比率和两个计数。`,
      }),
    );
}

async function findCountsExceeded(db: DbClient): Promise<Sortable[]> {
  const rows = await db.query<
    FactRow & { kind: QualityKind; whole: number; whole_text: string | null; whole_name: string }
  >(
    `WITH ${SCOPED}, pairs(kind, part_id, whole_id) AS (VALUES ${placeholders(AT_MOST.length, 3)})
     SELECT ${FACT_COLUMNS}, c.kind, w.value AS whole, w.raw_text AS whole_text, w.indicator_name AS whole_name
     FROM pairs c
     JOIN scoped x ON x.indicator_id = c.part_id
     JOIN scoped w ON w.township_code = x.township_code AND w.year = x.year AND w.indicator_id = c.whole_id
     -- 94余件 may be more than 94: only an exact whole can be exceeded for certain.
     WHERE NOT w.approximate AND x.value > w.value`,
    AT_MOST.flatMap((pair) => [pair.kind, pair.part, pair.whole]),
  );
  return rows.map((r) =>
    fromFact(r, r.kind, {
      reference: r.whole,
      score: null,
      compared: null,
      message: `${r.township_name}${r.year}年${r.indicator_name}“${written(r)}”比${r.whole_name}“${written({ raw_text: r.whole_text, value: r.whole })}”还多，前者不可能超过后者。请核对这两个数。`,
    }),
  );
}

async function findApproximations(db: DbClient): Promise<Sortable[]> {
  const rows = await db.query<FactRow>(
    `WITH ${SCOPED} SELECT ${FACT_COLUMNS} FROM scoped x WHERE x.approximate`,
  );
  return rows.map((r) =>
    fromFact(r, 'approximate', {
      reference: null,
      score: null,
      compared: null,
      message: `${r.township_name}${r.year}年${r.indicator_name}填的是约数“${written(r)}”，按 ${plain(r.value)} 计入合计和图表，并标为约数。`,
    }),
  );
}

async function findMissingYears(db: DbClient): Promise<Sortable[]> {
  const rows = await db.query<{
    township_code: string;
    township_name: string;
    township_order: number;
    year: number;
    reporting: number;
  }>(
    `WITH ${SCOPED}, years AS (SELECT year, count(DISTINCT township_code) AS reporting FROM scoped GROUP BY year)
     SELECT t.code AS township_code, t.name AS township_name, t.sort_order AS township_order, y.year, y.reporting
     FROM townships t CROSS JOIN years y
     WHERE NOT EXISTS (SELECT 1 FROM scoped s WHERE s.township_code = t.code AND s.year = y.year)`,
  );
  return rows.map((r) => ({
    townshipOrder: r.township_order,
    indicatorOrder: -1,
    warning: {
      kind: 'missing-year',
      townshipCode: r.township_code,
      townshipName: r.township_name,
      year: r.year,
      indicatorId: null,
      indicatorName: null,
      unit: null,
      value: null,
      rawText: null,
      reference: null,
      score: null,
      compared: r.reporting,
      message: `${r.township_name}没有${r.year}年的任何数据，而全区已有 ${r.reporting} 个镇街报送了该年度数据。请催报或补录。`,
      fileName: null,
      sourceLine: null,
      sourceColumn: null,
    },
  }));
}

async function findMissingIndicators(db: DbClient): Promise<Sortable[]> {
  const rows = await db.query<{
    township_code: string;
    township_name: string;
    township_order: number;
    year: number;
    indicator_id: string;
    indicator_name: string | null;
    unit: string | null;
    indicator_order: number | null;
    having: number;
    others: number;
  }>(
    `WITH ${SCOPED},
     reporting AS (SELECT DISTINCT township_code, township_name, township_order, year FROM scoped),
     per_year AS (SELECT year, count(*) - 1 AS others FROM reporting GROUP BY year),
     per_indicator AS (
       SELECT year, indicator_id, any_value(indicator_name) AS indicator_name, any_value(unit) AS unit,
              any_value(indicator_order) AS indicator_order, count(*) AS having
       FROM scoped GROUP BY year, indicator_id
     )
     SELECT r.township_code, r.township_name, r.township_order, r.year, i.indicator_id, i.indicator_name,
            i.unit, i.indicator_order, i.having, y.others
     FROM reporting r
     JOIN per_year y ON y.year = r.year
     JOIN per_indicator i ON i.year = r.year
     WHERE y.others > 0 AND 100 * i.having >= ? * y.others
       AND NOT EXISTS (SELECT 1 FROM scoped s
                       WHERE s.township_code = r.township_code AND s.year = r.year AND s.indicator_id = i.indicator_id)`,
    [MISSING_INDICATOR_PERCENT],
  );
  return rows.map((r) => ({
    townshipOrder: r.township_order,
    indicatorOrder: r.indicator_order ?? Number.MAX_SAFE_INTEGER,
    warning: {
      kind: 'missing-indicator',
      townshipCode: r.township_code,
      townshipName: r.township_name,
      year: r.year,
      indicatorId: r.indicator_id,
      indicatorName: r.indicator_name ?? r.indicator_id,
      unit: r.unit,
      value: null,
      rawText: null,
      reference: r.having,
      score: null,
      compared: r.others,
      message: `${r.township_name}${r.year}年缺少“${r.indicator_name ?? r.indicator_id}”，而同年报送数据的其他 ${r.others} 个镇街中有 ${r.having} 个填报了这一指标。请核对是否漏填。`,
      fileName: null,
      sourceLine: null,
      sourceColumn: null,
    },
  }));
}

const OUTLIER_SCOPES = {
  'outlier-history': {
    peers: 'o.township_code = x.township_code AND o.indicator_id = x.indicator_id AND o.year <> x.year',
    candidates: 'true',
    against: (compared: number) => `本镇街其他 ${compared} 个年度`,
  },
  // Counts grow with a township's size, which the district list does not record: a street twice
  // a town's size would be flagged every year. Only size-free values are compared across townships.
  'outlier-district': {
    peers: 'o.year = x.year AND o.indicator_id = x.indicator_id AND o.township_code <> x.township_code',
    candidates: `(NOT x.additive OR x.unit = '%')`,
    against: (compared: number) => `同年其他 ${compared} 个镇街`,
  },
} as const;

async function findOutliers(db: DbClient, kind: keyof typeof OUTLIER_SCOPES): Promise<Sortable[]> {
  const scope = OUTLIER_SCOPES[kind];
  const params: SqlParam[] = [
    OUTLIER_MIN_COMPARED,
    OUTLIER_Z,
    OUTLIER_MIN_POINTS,
    OUTLIER_MIN_RATIO,
    OUTLIER_MIN_RATIO,
  ];
  const rows = await db.query<FactRow & { median: number; score: number; compared: number }>(
    `WITH ${SCOPED},
     exact AS (SELECT * FROM scoped WHERE NOT approximate),
     stats AS (
       SELECT x.township_code, x.year, x.indicator_id, count(*) AS compared,
              median(o.value) AS median, mad(o.value) AS mad
       FROM exact x JOIN exact o ON ${scope.peers}
       WHERE ${scope.candidates}
       GROUP BY x.township_code, x.year, x.indicator_id
       HAVING count(*) >= ? AND mad(o.value) > 0
     )
     SELECT ${FACT_COLUMNS}, s.median, abs(x.value - s.median) / (1.4826 * s.mad) AS score, s.compared
     FROM stats s JOIN exact x USING (township_code, year, indicator_id)
     WHERE abs(x.value - s.median) / (1.4826 * s.mad) > ?
       AND CASE WHEN x.unit = '%' THEN abs(x.value - s.median) >= ?
                ELSE x.value >= ? * s.median OR ? * x.value <= s.median END`,
    params,
  );
  return rows.map((r) =>
    fromFact(r, kind, {
      reference: r.median,
      score: r.score,
      compared: r.compared,
      message: `${r.township_name}${r.year}年${r.indicator_name}为“${written(r)}”，与${scope.against(r.compared)}相差很大（中位数 ${withUnit(r.median, r.unit)}）。请核对是否填错。`,
    }),
  );
}

/**
 * Every warning over the whole stored dataset, by kind (QUALITY_KINDS order), then township in the
 * district's order, year and indicator in catalog order.
 */
export async function loadQualityWarnings(db: DbClient): Promise<QualityWarning[]> {
  const found = [
    ...(await findRateDisagreements(db)),
    ...(await findCountsExceeded(db)),
    ...(await findMissingYears(db)),
    ...(await findMissingIndicators(db)),
    ...(await findOutliers(db, 'outlier-history')),
    ...(await findOutliers(db, 'outlier-district')),
    ...(await findApproximations(db)),
  ];
  const kindOrder = (kind: QualityKind) => QUALITY_KINDS.indexOf(kind);
  return found
    .sort(
      (a, b) =>
        kindOrder(a.warning.kind) - kindOrder(b.warning.kind) ||
        a.townshipOrder - b.townshipOrder ||
        a.warning.year - b.warning.year ||
        a.indicatorOrder - b.indicatorOrder,
    )
    .map((entry) => entry.warning);
}
