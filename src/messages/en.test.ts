import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zh } from './zh.ts';

describe('English counts', () => {
  it('says one value, two values', () => {
    expect(en.importer.committed(1)).toBe('Imported 1 value.');
    expect(en.importer.committed(1012)).toBe('Imported 1012 values.');
    expect(en.importer.conflictsTitle(1)).toBe('1 value differs from stored data');
    expect(en.importer.conflictsTitle(3)).toBe('3 values differ from stored data');
    expect(en.importer.rows(1, 2)).toBe('1 data row, 2 values');
    expect(en.data.confirmUndo('a.csv', 1)).toMatch(/^Undo the import of “a\.csv”: its 1 value is removed/);
    expect(en.importer.issuesTitle(0, 1)).toBe('0 errors, 1 warning');
  });

  it('says two columns or several that claim one indicator', () => {
    expect(en.issues['duplicate-indicator-column']('调解纠纷', 'D')).toContain('so neither was imported');
    expect(en.issues['duplicate-indicator-column']('调解纠纷', 'D、E')).toContain(
      'and columns D, E are the same indicator, so none of them was imported',
    );
    expect(zh.issues['duplicate-indicator-column']('调解纠纷', 'D')).toContain('这两列都没有导入');
    expect(zh.issues['duplicate-indicator-column']('调解纠纷', 'D、E')).toContain('这几列都没有导入');
  });
});
