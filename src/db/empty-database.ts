/**
 * A new, empty DuckDB database file, byte for byte as DuckDB 1.4.3 writes one (storage version 64,
 * 256 KiB blocks); later DuckDB versions open and write this format too.
 *
 * DuckDB-WASM cannot create a database file in memory by itself: a registered empty buffer is
 * refused as "not a valid DuckDB database file", and ATTACH of an unregistered name gets the
 * browser's one-byte fallback buffer, which DuckDB cannot turn into a database (in Node it becomes
 * a real file whose checkpoints land at the wrong offset). A registered copy of these bytes is a
 * database that DuckDB reads and writes in memory.
 */

const SIZE = 12_288;
const GIT_HASH = '64316463383866393530';
const DATABASE_HEADER: readonly (readonly [offset: number, hex: string])[] = [
  [0, 'c48025b08a4e3fd2'],
  [16, 'ffffffffffffffffffffffffffffffff'],
  [42, '04'],
  [49, '08'],
  [56, '01'],
  [84, GIT_HASH],
];
const NON_ZERO: readonly (readonly [offset: number, hex: string])[] = [
  [0, '67fd9328818d2eb34455434b40'],
  [52, '76312e342e33'],
  [84, GIT_HASH],
  ...DATABASE_HEADER.map(([offset, hex]) => [4096 + offset, hex] as const),
  ...DATABASE_HEADER.map(([offset, hex]) => [8192 + offset, hex] as const),
];

/** A fresh copy each time: registering a buffer may hand its memory over to the worker. */
export function emptyDatabaseFile(): Uint8Array {
  const bytes = new Uint8Array(SIZE);
  for (const [offset, hex] of NON_ZERO) {
    for (let i = 0; i < hex.length; i += 2) bytes[offset + i / 2] = Number.parseInt(hex.slice(i, i + 2), 16);
  }
  return bytes;
}
