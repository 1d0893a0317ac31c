/**
 * A table as it is exported: raw numbers (never formatted text), units in the headers, and
 * which values are approximate (≈, e.g. 6000余) kept beside them.
 */
export interface ExportColumn {
  /** e.g. 调解成功率 or 2021 */
  readonly header: string;
  /** Shown in the header: 调解成功率（%）; none for text columns. */
  readonly unit?: string;
  readonly kind: 'text' | 'number';
}

/** A value, a text, or null for nothing reported. */
export type ExportValue = string | number | null;

export interface ExportRow {
  readonly cells: readonly ExportValue[];
  /** Indexes of the cells whose value is approximate. */
  readonly approximate?: readonly number[];
}

export interface ExportTable {
  /** The sheet's name and the table's caption, e.g. 2021年镇街对比表. */
  readonly title: string;
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly ExportRow[];
}

/** Words the writers put into a file, from the messages of the language shown. */
export interface ExportTableLabels {
  /** (name, unit) => 调解成功率（%） */
  readonly withUnit: (name: string, unit: string) => string;
  /** The header of the column flagging approximate values of `header`, e.g. 调解纠纷（件）·约数. */
  readonly approxColumn: (header: string) => string;
  /** The flag in that column, e.g. 约数. */
  readonly approxFlag: string;
}

export const DEFAULT_TABLE_LABELS: ExportTableLabels = {
  withUnit: (name, unit) => `${name}（${unit}）`,
  approxColumn: (header) => `${header}·约数`,
  approxFlag: '约数',
};

/** A rate such as 9200 / 94 without float noise (97.87234042553 rather than …192). */
export function cleanNumber(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

/** One flat grid: headers with units, and after each column holding an approximate value its flag column. */
export interface FlatTable {
  readonly headers: readonly string[];
  readonly kinds: readonly ('text' | 'number' | 'flag')[];
  /** Each flat column's unit (numbers only). */
  readonly units: readonly (string | undefined)[];
  readonly rows: readonly ExportValue[][];
}

export function flattenTable(
  table: ExportTable,
  labels: ExportTableLabels = DEFAULT_TABLE_LABELS,
): FlatTable {
  const flagged = new Set<number>();
  for (const row of table.rows) for (const index of row.approximate ?? []) flagged.add(index);
  const headers: string[] = [];
  const kinds: ('text' | 'number' | 'flag')[] = [];
  const units: (string | undefined)[] = [];
  table.columns.forEach((column, index) => {
    const header = column.unit ? labels.withUnit(column.header, column.unit) : column.header;
    headers.push(header);
    kinds.push(column.kind);
    units.push(column.unit);
    if (flagged.has(index)) {
      headers.push(labels.approxColumn(header));
      kinds.push('flag');
      units.push(undefined);
    }
  });
  const rows = table.rows.map((row) => {
    const approximate = new Set(row.approximate ?? []);
    const out: ExportValue[] = [];
    table.columns.forEach((column, index) => {
      const cell = row.cells[index] ?? null;
      out.push(typeof cell === 'number' && column.kind === 'number' ? cleanNumber(cell) : cell);
      if (flagged.has(index)) out.push(approximate.has(index) ? labels.approxFlag : '');
    });
    return out;
  });
  return { headers, kinds, units, rows };
}
