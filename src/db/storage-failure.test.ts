import { describe, expect, it } from 'vitest';
import { isStorageFullError } from './storage-failure.ts';

describe('isStorageFullError', () => {
  it('recognises the browser’s and the file system’s words for a full disk', () => {
    const chromium = new DOMException(
      "Failed to execute 'write' on 'FileSystemSyncAccessHandle': No space available for this operation",
      'QuotaExceededError',
    );
    expect(isStorageFullError(chromium)).toBe(true);
    // As it arrives from the DuckDB worker: the name is lost, the message stays.
    expect(isStorageFullError(new Error(chromium.message))).toBe(true);
    expect(isStorageFullError('QuotaExceededError: The quota has been exceeded.')).toBe(true);
    expect(isStorageFullError(new Error('IO Error: ENOSPC: no space left on device'))).toBe(true);
  });

  it('does not mistake other failures for a full disk', () => {
    expect(
      isStorageFullError(new Error('Constraint Error: PRIMARY KEY or UNIQUE constraint violation')),
    ).toBe(false);
    expect(isStorageFullError(new Error('Corrupt database file: computed checksum 1 does not match'))).toBe(
      false,
    );
    expect(isStorageFullError(undefined)).toBe(false);
  });
});
