import { commitImport } from '../db/commit-import.ts';
import type { DbClient } from '../db/client.ts';
import type { Township } from '../district/district.ts';
import { hasErrors } from '../import/import-issue.ts';
import { type ImportPreview, importFile } from '../import/import-file.ts';

export type LoadResult =
  | { readonly ok: true; readonly importId: number; readonly preview: ImportPreview }
  | { readonly ok: false; readonly preview: ImportPreview };

/** One file through the pipeline and, if it has no errors, into the database in one transaction. */
export async function loadFile(
  db: DbClient,
  bytes: Uint8Array,
  fileName: string,
  townships: readonly Township[],
  isSample: boolean,
): Promise<LoadResult> {
  const preview = await importFile(bytes, { fileName, townships });
  if (hasErrors(preview.issues)) return { ok: false, preview };
  const importId = await commitImport(
    db,
    {
      fileName,
      contentHash: preview.contentHash,
      encoding: preview.encoding ?? 'unknown',
      layout: preview.layout,
      rowCount: preview.rowCount,
      isSample,
    },
    preview.facts,
  );
  return { ok: true, importId, preview };
}
