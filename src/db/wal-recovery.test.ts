import { describe, expect, it } from 'vitest';
import { tornWalLength } from './wal-recovery.ts';

describe('tornWalLength', () => {
  it('finds where a torn write-ahead log must be cut, as DuckDB-WASM reports it', () => {
    const opened = new Error(
      'Opening the database failed with error: {"exception_type":"IO","exception_message":"Failure while replaying WAL file \\"opfs://fazhi-dashboard.duckdb.wal\\": Corrupt WAL file: entry at byte position 162843 computed checksum 5381 does not match stored checksum 0"}',
    );
    // The torn entry's header (size and checksum) starts 16 bytes before its data.
    expect(tornWalLength(opened)).toBe(162_827);
  });

  it('leaves other failures to open alone', () => {
    expect(
      tornWalLength(new Error('NoModificationAllowedError: Access Handles cannot be created')),
    ).toBeNull();
    expect(tornWalLength(new Error('Corrupt database file: computed checksum 1 does not match'))).toBeNull();
    expect(tornWalLength(new Error('Failure while replaying WAL file: unknown entry type'))).toBeNull();
    expect(tornWalLength(null)).toBeNull();
  });
});
