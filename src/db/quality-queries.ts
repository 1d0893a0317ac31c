/**
 * The data-quality view: a reviewer's checks over everything stored, each warning with where its
 * value came from (file, line, column). Only townships in the district's list are checked.
 */
import { CATALOG, findIndicator } from '../indicators/catalog.ts';
import { rateAgrees, writtenDecimals } from '../import/check-facts.ts';
import type { Messages, QualityTextParts } from '../messages/zh.ts';
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
  /**
   * The other stored values the warning is about: for 'rate-disagrees' the numerator and the
   * denominator the rate was computed from, for '…-exceeds-…' the count it may not exceed.
   */
  readonly related: readonly RelatedFact[];
  readonly fileName: string | null;
  readonly sourceLine: number | null;
  readonly sourceColumn: string | null;
}

export interface RelatedFact {
  readonly indicatorId: string;
  /** The indicator's Chinese name as stored (the page shows it in the user's language). */
  readonly indicatorName: string;
  readonly value: number;
  readonly rawText: string | null;
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

/** `rate|denominator` for every rate, reported or computed, and the count it divides by. */
const RATE_DENOMINATORS: string[] = CATALOG.flatMap((indicator) => {
  const against = 'checksAgainst' in indicator ? findIndicator(indicator.checksAgainst) : indicator;
  return against && 'formula' in against && against.formula
    ? [`${indicator.id}|${against.formula.denominator}`]
    : [];
});

/** Pairs where the first count can never exceed the second (as in import/check-facts.ts). */
const AT_MOST = [
  { kind: 'successes-exceed-cases', part: 'disputes_resolved', whole: 'disputes_mediated' },
  { kind: 'taken-exceeds-due', part: 'exam_taken', whole: 'exam_due' },
] as const satisfies readonly { kind: QualityKind; part: string; whole: string }[];

const RATE_CHECKS = CATALOG.flatMap((indicator) => {
  const against = 'checksAgainst' in indicator ? findIndicator(indicator.checksAgainst) : undefined;
  return against?.formula ? [{ reported: indicator.id as string, ...against.formula }] : [];
});

/**
 * Facts of the district's townships with what every warning shows about them, as CTE `name`;
 * `where` narrows the facts first (a province has 200,000: each check reads only those it checks).
 */
const scoped = (name: string, where = 'true') => `${name} AS (
  SELECT f.township_code, t.name AS township_name, t.sort_order AS township_order, f.year,
         f.indicator_id, i.name_zh AS indicator_name, i.unit_zh AS unit, i.sort_order AS indicator_order,
         i.additive, f.value, f.approximate, f.raw_text, m.file_name, f.source_line, f.source_column
  FROM facts f
  JOIN townships t ON t.code = f.township_code
  LEFT JOIN indicators i ON i.id = f.indicator_id
  LEFT JOIN imports m ON m.id = f.import_id
  WHERE ${where}
)`;

/** `?, ?, ?` for a bound list. */
const list = (n: number) => Array.from({ length: n }, () => '?').join(', ');

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

const placeholders = (rows: number, columns: number) =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');

function fromFact(
  row: FactRow,
  kind: QualityKind,
  fields: Pick<QualityWarning, 'reference' | 'score' | 'compared'> & {
    readonly related?: readonly RelatedFact[];
  },
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
      reference: fields.reference,
      score: fields.score,
      compared: fields.compared,
      related: fields.related ?? [],
    },
  };
}

/**
 * Whether SQL can tell for certain that a reported rate agrees with its counts: the integer test
 * of rateAgrees (import/check-facts.ts) for the common case — integer counts and a rate written in
 * plain ASCII digits. Those rows (nearly all) stay in DuckDB; every other row is judged by
 * rateAgrees itself, which stays the one authority.
 */
const RATE_SURELY_AGREES = `CASE WHEN raw_text IS NOT NULL
       AND regexp_full_match(raw_text, ' *[0-9]{1,6}([.][0-9]{1,4})? *%? *')
       AND numerator = floor(numerator) AND denominator = floor(denominator)
       AND numerator < 1e9 AND denominator < 1e9
     THEN CAST(round(value * scale) AS BIGINT) = (CAST(numerator AS BIGINT) * 100 * scale) // CAST(denominator AS BIGINT)
       OR CAST(round(value * scale) AS BIGINT) =
          (2 * CAST(numerator AS BIGINT) * 100 * scale + CAST(denominator AS BIGINT)) // (2 * CAST(denominator AS BIGINT))
     ELSE false END`;

async function findRateDisagreements(db: DbClient): Promise<Sortable[]> {
  if (RATE_CHECKS.length === 0) return [];
  const rows = await db.query<
    FactRow & {
      numerator_id: string;
      numerator: number;
      numerator_text: string | null;
      numerator_name: string;
      denominator_id: string;
      denominator: number;
      denominator_text: string | null;
      denominator_name: string;
      computed: number;
    }
  >(
    `WITH checks(reported_id, numerator_id, denominator_id) AS (VALUES ${placeholders(RATE_CHECKS.length, 3)}),
     ${scoped('x', `f.indicator_id IN (${list(RATE_CHECKS.length)}) AND NOT f.approximate`)},
     counts AS (
       SELECT f.township_code, f.year, f.indicator_id, f.value, f.raw_text, i.name_zh AS indicator_name
       FROM facts f LEFT JOIN indicators i ON i.id = f.indicator_id
       WHERE f.indicator_id IN (${list(RATE_CHECKS.length * 2)}) AND NOT f.approximate
     ),
     pairs AS (
       SELECT ${FACT_COLUMNS}, n.indicator_id AS numerator_id, n.value AS numerator, n.raw_text AS numerator_text,
              n.indicator_name AS numerator_name, d.indicator_id AS denominator_id, d.value AS denominator,
              d.raw_text AS denominator_text, d.indicator_name AS denominator_name,
              100.0 * n.value / d.value AS computed,
              CAST(pow(10, length(regexp_extract(coalesce(x.raw_text, ''), '[0-9][.]([0-9]+)', 1))) AS BIGINT) AS scale
       FROM checks c
       JOIN x ON x.indicator_id = c.reported_id
       JOIN counts n ON n.township_code = x.township_code AND n.year = x.year AND n.indicator_id = c.numerator_id
       JOIN counts d ON d.township_code = x.township_code AND d.year = x.year AND d.indicator_id = c.denominator_id
       WHERE d.value > 0
     )
     SELECT * EXCLUDE (scale) FROM pairs WHERE NOT (${RATE_SURELY_AGREES})`,
    [
      ...RATE_CHECKS.flatMap((check) => [check.reported, check.numerator, check.denominator]),
      ...RATE_CHECKS.map((check) => check.reported),
      ...RATE_CHECKS.flatMap((check) => [check.numerator, check.denominator]),
    ],
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
        related: [
          {
            indicatorId: r.numerator_id,
            indicatorName: r.numerator_name,
            value: r.numerator,
            rawText: r.numerator_text,
          },
          {
            indicatorId: r.denominator_id,
            indicatorName: r.denominator_name,
            value: r.denominator,
            rawText: r.denominator_text,
          },
        ],
      }),
    );
}

async function findCountsExceeded(db: DbClient): Promise<Sortable[]> {
  const rows = await db.query<
    FactRow & {
      kind: QualityKind;
      whole_id: string;
      whole: number;
      whole_text: string | null;
      whole_name: string;
    }
  >(
    `WITH pairs(kind, part_id, whole_id) AS (VALUES ${placeholders(AT_MOST.length, 3)}),
     ${scoped('x', `f.indicator_id IN (${list(AT_MOST.length)})`)},
     wholes AS (
       SELECT f.township_code, f.year, f.indicator_id, f.value, f.raw_text, i.name_zh AS indicator_name
       FROM facts f LEFT JOIN indicators i ON i.id = f.indicator_id
       -- 94余件 may be more than 94: only an exact whole can be exceeded for certain.
       WHERE f.indicator_id IN (${list(AT_MOST.length)}) AND NOT f.approximate
     )
     SELECT ${FACT_COLUMNS}, c.kind, w.indicator_id AS whole_id, w.value AS whole, w.raw_text AS whole_text,
            w.indicator_name AS whole_name
     FROM pairs c
     JOIN x ON x.indicator_id = c.part_id
     JOIN wholes w ON w.township_code = x.township_code AND w.year = x.year AND w.indicator_id = c.whole_id
     WHERE x.value > w.value`,
    [
      ...AT_MOST.flatMap((pair) => [pair.kind, pair.part, pair.whole]),
      ...AT_MOST.map((pair) => pair.part),
      ...AT_MOST.map((pair) => pair.whole),
    ],
  );
  return rows.map((r) =>
    fromFact(r, r.kind, {
      reference: r.whole,
      score: null,
      compared: null,
      related: [
        { indicatorId: r.whole_id, indicatorName: r.whole_name, value: r.whole, rawText: r.whole_text },
      ],
    }),
  );
}

async function findApproximations(db: DbClient): Promise<Sortable[]> {
  const rows = await db.query<FactRow>(`WITH ${scoped('x', 'f.approximate')} SELECT ${FACT_COLUMNS} FROM x`);
  return rows.map((r) => fromFact(r, 'approximate', { reference: null, score: null, compared: null }));
}

async function findMissingYears(db: DbClient): Promise<Sortable[]> {
  const rows = await db.query<{
    township_code: string;
    township_name: string;
    township_order: number;
    year: number;
    reporting: number;
  }>(
    `WITH reported AS (
       SELECT DISTINCT f.township_code, f.year FROM facts f JOIN townships t ON t.code = f.township_code
     ),
     years AS (SELECT year, count(*) AS reporting FROM reported GROUP BY year)
     SELECT t.code AS township_code, t.name AS township_name, t.sort_order AS township_order, y.year, y.reporting
     FROM townships t CROSS JOIN years y
     ANTI JOIN reported r ON r.township_code = t.code AND r.year = y.year`,
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
      related: [],
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
    `WITH scoped AS (
       SELECT f.township_code, f.year, f.indicator_id FROM facts f JOIN townships t ON t.code = f.township_code
     ),
     reporting AS (SELECT DISTINCT township_code, year FROM scoped),
     per_year AS (SELECT year, count(*) - 1 AS others FROM reporting GROUP BY year),
     per_indicator AS (SELECT year, indicator_id, count(*) AS having FROM scoped GROUP BY year, indicator_id),
     expected AS (
       SELECT i.year, i.indicator_id, i.having, y.others
       FROM per_indicator i JOIN per_year y ON y.year = i.year
       WHERE y.others > 0 AND 100 * i.having >= ? * y.others
     ),
     -- Only township-years that lack one of the expected indicators are looked at one by one.
     expected_count AS (SELECT year, count(*) AS n FROM expected GROUP BY year),
     present AS (
       SELECT s.township_code, s.year, count(*) AS n
       FROM scoped s SEMI JOIN expected e ON e.year = s.year AND e.indicator_id = s.indicator_id
       GROUP BY s.township_code, s.year
     ),
     short AS (
       SELECT r.township_code, r.year
       FROM reporting r JOIN expected_count c ON c.year = r.year
       LEFT JOIN present p ON p.township_code = r.township_code AND p.year = r.year
       WHERE COALESCE(p.n, 0) < c.n
     ),
     short_facts AS (
       SELECT s.* FROM scoped s SEMI JOIN short h ON h.township_code = s.township_code AND h.year = s.year
     )
     SELECT r.township_code, t.name AS township_name, t.sort_order AS township_order, r.year, e.indicator_id,
            ind.name_zh AS indicator_name, ind.unit_zh AS unit, ind.sort_order AS indicator_order, e.having, e.others
     FROM short r
     JOIN expected e ON e.year = r.year
     JOIN townships t ON t.code = r.township_code
     LEFT JOIN indicators ind ON ind.id = e.indicator_id
     ANTI JOIN short_facts s ON s.township_code = r.township_code AND s.year = r.year AND s.indicator_id = e.indicator_id
     -- A rate of no cases (调解成功率 where 调解纠纷 is 0, written #DIV/0!) has no figure to miss.
     WHERE NOT EXISTS (
       SELECT 1 FROM facts z
       WHERE z.township_code = r.township_code AND z.year = r.year AND z.value = 0
         AND list_contains(string_split(?, ';'), e.indicator_id || '|' || z.indicator_id)
     )`,
    [MISSING_INDICATOR_PERCENT, RATE_DENOMINATORS.join(';')],
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
      related: [],
      fileName: null,
      sourceLine: null,
      sourceColumn: null,
    },
  }));
}

const OUTLIER_SCOPES = {
  'outlier-history': {
    group: ['township_code', 'indicator_id'],
    peers: 'o.township_code = x.township_code AND o.indicator_id = x.indicator_id AND o.year <> x.year',
    facts: 'true',
  },
  // Counts grow with a township's size, which the district list does not record: a street twice
  // a town's size would be flagged every year. Only size-free values are compared across townships.
  'outlier-district': {
    group: ['year', 'indicator_id'],
    peers: 'o.year = x.year AND o.indicator_id = x.indicator_id AND o.township_code <> x.township_code',
    facts: `(NOT i.additive OR i.unit_zh = '%')`,
  },
} as const;

/**
 * The median and MAD are those of the comparison values — the group without the value itself —
 * which takes a join of every value with its peers: a million pairs on a province. Most values
 * cannot be outliers, and that is known from the whole group: without one of its n values, a
 * group's median lies between its ⌈(n−1)/2⌉-th and (⌊(n−1)/2⌋+2)-th smallest values. A value
 * that is not materially different (OUTLIER_MIN_POINTS, OUTLIER_MIN_RATIO) from any median in
 * that range is no outlier; only the rest are joined with their peers.
 */
async function findOutliers(db: DbClient, kind: keyof typeof OUTLIER_SCOPES): Promise<Sortable[]> {
  const scope = OUTLIER_SCOPES[kind];
  const keys = scope.group.join(', ');
  const params: SqlParam[] = [
    OUTLIER_MIN_COMPARED,
    OUTLIER_MIN_POINTS,
    OUTLIER_MIN_POINTS,
    OUTLIER_MIN_RATIO,
    OUTLIER_MIN_RATIO,
    OUTLIER_MIN_COMPARED,
    OUTLIER_Z,
    OUTLIER_MIN_POINTS,
    OUTLIER_MIN_RATIO,
    OUTLIER_MIN_RATIO,
  ];
  const rows = await db.query<FactRow & { median: number; score: number; compared: number }>(
    // Approximate values (6000余) are left out on both sides.
    `WITH exact AS (
       SELECT f.township_code, f.year, f.indicator_id, f.value, i.unit_zh AS unit
       FROM facts f JOIN townships t ON t.code = f.township_code LEFT JOIN indicators i ON i.id = f.indicator_id
       WHERE NOT f.approximate AND ${scope.facts}
     ),
     groups AS MATERIALIZED (
       SELECT ${keys}, count(*) AS n, list_sort(list(value)) AS sorted FROM exact GROUP BY ${keys}
     ),
     bounds AS (
       SELECT ${keys}, n,
              sorted[CAST(ceil((n - 1) / 2) AS BIGINT)] AS low,
              sorted[least(n, CAST(floor((n - 1) / 2) AS BIGINT) + 2)] AS high
       FROM groups WHERE n - 1 >= ?
     ),
     candidates AS (SELECT x.*, b.low, b.high FROM exact x JOIN bounds b USING (${keys})),
     material AS (
       SELECT * FROM candidates x
       WHERE CASE WHEN x.unit = '%' THEN x.value - x.low >= ? OR x.high - x.value >= ?
                  ELSE x.value >= ? * x.low OR ? * x.value <= x.high END
     ),
     -- The comparison values of x are its group without one x: the same for every member with
     -- x's value, so each distinct value is worked out once, from the group's sorted list.
     distinct_values AS (SELECT DISTINCT ${keys}, value FROM material),
     without_one AS (
       SELECT d.*, g.n - 1 AS compared,
              list_concat(g.sorted[1:list_position(g.sorted, d.value) - 1],
                          g.sorted[list_position(g.sorted, d.value) + 1:]) AS rest
       FROM distinct_values d JOIN groups g USING (${keys})
     ),
     stats AS (
       SELECT ${keys}, value, compared,
              list_aggregate(rest, 'median') AS median, list_aggregate(rest, 'mad') AS mad
       FROM without_one
     ),
     flagged AS (
       SELECT m.township_code, m.year, m.indicator_id, s.median, s.compared,
              abs(m.value - s.median) / (1.4826 * s.mad) AS score
       FROM material m JOIN stats s USING (${keys}, value)
       WHERE s.compared >= ? AND s.mad > 0
         AND abs(m.value - s.median) / (1.4826 * s.mad) > ?
         AND CASE WHEN m.unit = '%' THEN abs(m.value - s.median) >= ?
                  ELSE m.value >= ? * s.median OR ? * m.value <= s.median END
     ),
     ${scoped('x', 'NOT f.approximate')}
     SELECT ${FACT_COLUMNS}, s.median, s.score, s.compared
     FROM flagged s JOIN x USING (township_code, year, indicator_id)`,
    params,
  );
  return rows.map((r) =>
    fromFact(r, kind, {
      reference: r.median,
      score: r.score,
      compared: r.compared,
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

/** An indicator's name and unit in the language shown; undefined for one the page does not know. */
export type IndicatorLabel = (
  indicatorId: string,
) => { readonly name: string; readonly unit: string } | undefined;

const formats = new Map<string, Intl.NumberFormat>();
function plainFormat(locale: string): Intl.NumberFormat {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    formats.set(locale, format);
  }
  return format;
}

/**
 * The warning as a district official reads it, in the language of `t`: the parts are formatted
 * here (numbers in t's locale, indicator names and units through `label`), the sentence comes
 * from the messages (`t.qualityText`).
 */
export function describeWarning(warning: QualityWarning, t: Messages, label: IndicatorLabel): string {
  const format = plainFormat(t.lang);
  const plain = (value: number) => format.format(value);
  const written = (rawText: string | null, value: number) => rawText?.trim() || plain(value);
  const own = warning.indicatorId === null ? undefined : label(warning.indicatorId);
  const unit = own?.unit ?? warning.unit;
  const reference = warning.reference;
  const parts: QualityTextParts = {
    township: warning.townshipName,
    year: warning.year,
    indicator: own?.name ?? warning.indicatorName ?? '',
    written: warning.value === null ? '' : written(warning.rawText, warning.value),
    value: warning.value === null ? '' : plain(warning.value),
    reference:
      reference === null
        ? ''
        : warning.kind.startsWith('outlier-')
          ? unit === '%'
            ? `${plain(reference)}%`
            : `${plain(reference)}${unit ? ` ${unit}` : ''}`
          : plain(reference),
    compared: warning.compared ?? 0,
    having: warning.kind === 'missing-indicator' ? (reference ?? 0) : 0,
    related: warning.related.map((r) => ({
      name: label(r.indicatorId)?.name ?? r.indicatorName,
      value: plain(r.value),
      written: written(r.rawText, r.value),
    })),
  };
  return t.qualityText[warning.kind](parts);
}
