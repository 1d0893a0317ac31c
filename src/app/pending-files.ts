/**
 * The files of an import session as the user sees them (read, waiting, stored), and the rules
 * about them that need no database: which may be stored, which a reload would lose, which
 * answers one file's choices give another.
 */
import type { Conflicts, FactConflict, PreviousImport } from '../db/import-checks.ts';
import type { TextEncodingName } from '../import/decode-bytes.ts';
import {
  type CustomIndicator,
  emptyPreview,
  type ImportPreview,
  type UnknownTownship,
} from '../import/import-file.ts';
import { hasErrors } from '../import/import-issue.ts';
import { customIndicatorKey } from '../import/match-header.ts';

/** What the user decided for one file in the preview; everything else comes from the file. */
export interface FileChoices {
  readonly encoding?: TextEncodingName;
  readonly year?: number;
  readonly township?: string;
  /** headerKey → indicator id or 'ignore', chosen in this preview. */
  readonly mappings: Readonly<Record<string, string>>;
  /** Written name → township code, chosen in this preview. */
  readonly townshipAliases: Readonly<Record<string, string>>;
  readonly onConflict: 'replace' | 'keep';
}

/** Header mappings and township matches given in any file of the session. */
export type SessionAnswers = Pick<FileChoices, 'mappings' | 'townshipAliases'>;

/** Names a file asked about: new indicator names (header key → label) and unknown townships. */
export interface Asked {
  readonly indicators: readonly CustomIndicator[];
  readonly townships: readonly UnknownTownship[];
}

export type FileStatus = 'reading' | 'ready' | 'committing' | 'committed' | 'duplicate' | 'failed';

export interface PendingFile {
  readonly key: number;
  readonly fileName: string;
  /** The file as the user picked it: read again, by the workers, whenever it is read again. */
  readonly source: Blob;
  readonly status: FileStatus;
  readonly choices: FileChoices;
  /** The session's answers its last read took, besides its own choices. */
  readonly readWith?: SessionAnswers;
  /**
   * Every question the file's reads asked, answered or not: an answer stays on the card to be
   * changed, though the file read with it no longer asks.
   */
  readonly asked?: Asked;
  readonly preview?: ImportPreview;
  readonly previousImport?: PreviousImport;
  /** Values the file gives: all of them; `preview.facts` may hold only the first of a large file. */
  readonly factCount: number;
  /** The first conflicts (all of them for a small file) and how many there are. */
  readonly conflicts: readonly FactConflict[];
  readonly conflictTotal: number;
  /**
   * The stored data changed after the conflicts were first shown (another file was imported, an
   * import undone), and the file's values meet other stored values now: the user looks again.
   */
  readonly conflictsChanged?: boolean;
  readonly failure?: string;
  /** The browser refused to store the file for lack of space (the earlier data is intact). */
  readonly storageFull?: boolean;
  /** The file changed, moved or went away on disk after it was chosen: it must be chosen again. */
  readonly unreadable?: boolean;
  readonly committedFacts?: number;
}

export function refusedFile(key: number, fileName: string, code: 'too-large'): PendingFile {
  const preview: ImportPreview = { ...emptyPreview(fileName, ''), issues: [{ severity: 'error', code }] };
  return {
    key,
    fileName,
    source: new Blob(),
    status: 'ready',
    choices: NO_CHOICES,
    preview,
    factCount: 0,
    conflicts: [],
    conflictTotal: 0,
  };
}

export const NO_CHOICES: FileChoices = { mappings: {}, townshipAliases: {}, onConflict: 'replace' };

/** Whether two lists of conflicts ask the user the same question: the same old and new values. */
export function sameConflicts(shown: Conflicts, found: Conflicts): boolean {
  return (
    shown.total === found.total &&
    shown.conflicts.length === found.conflicts.length &&
    shown.conflicts.every((c, i) => JSON.stringify(c) === JSON.stringify(found.conflicts[i]))
  );
}

/** A file read without an error and not stored yet: its commit button is enabled. */
export function isReady(file: PendingFile): boolean {
  return file.status === 'ready' && file.preview !== undefined && !hasErrors(file.preview.issues);
}

/** Entries of `next` that `before` does not hold with the same value. */
export function newEntries(
  before: Readonly<Record<string, string>>,
  next: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  return Object.fromEntries(Object.entries(next ?? {}).filter(([k, v]) => before[k] !== v));
}

/**
 * The answers among `answers` a file takes: to its open questions it has not answered itself, and
 * to those it answered as the answering file did before (it follows that file's change).
 */
function pick(
  answers: Readonly<Record<string, string>>,
  open: ReadonlySet<string>,
  own: Readonly<Record<string, string>>,
  before: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(answers).filter(([k]) =>
      own[k] === undefined ? open.has(k) : own[k] === before[k] && before[k] !== undefined,
    ),
  );
}

/** What a read file asks the user: headers or indicator names kept as new indicators, unknown townships. */
function openQuestions(preview: ImportPreview): { headers: Set<string>; townships: Set<string> } {
  const headers = new Set([
    ...preview.columns.filter((c) => c.source === 'custom').map((c) => c.headerKey),
    ...preview.customIndicators.map((c) => customIndicatorKey(c.id)),
  ]);
  return { headers, townships: new Set(preview.unknownTownships.map((u) => u.name)) };
}

/** A file a reload would lose: being read or stored, ready to store, or with choices the user made. */
export function isUnsaved(file: PendingFile): boolean {
  if (file.status === 'reading' || file.status === 'committing') return true;
  // Its commit failed (a full disk): it waits for the user to make room and try again.
  if (file.status === 'failed') return file.preview !== undefined;
  if (file.status !== 'ready') return false;
  const { encoding, year, township, mappings, townshipAliases } = file.choices;
  const chosen =
    encoding !== undefined ||
    year !== undefined ||
    township !== undefined ||
    Object.keys(mappings).length > 0 ||
    Object.keys(townshipAliases).length > 0;
  return isReady(file) || chosen;
}

/**
 * The choices `other` is to be read again with, when the user answered `change` in another file
 * (whose choices were `before`): the new header mappings and township matches that answer a
 * question `other` asks and has not answered itself, or answered as that file did before.
 * Undefined when none does, or `other` is not waiting (a file being read shows the questions of
 * its last answer until the new one comes).
 */
export function sharedAnswers(
  before: FileChoices,
  change: Partial<FileChoices>,
  other: PendingFile,
): FileChoices | undefined {
  if (!other.preview || (other.status !== 'ready' && other.status !== 'reading')) return undefined;
  const open = openQuestions(other.preview);
  const mappings = pick(
    newEntries(before.mappings, change.mappings),
    open.headers,
    other.choices.mappings,
    before.mappings,
  );
  const townshipAliases = pick(
    newEntries(before.townshipAliases, change.townshipAliases),
    open.townships,
    other.choices.townshipAliases,
    before.townshipAliases,
  );
  if (Object.keys(mappings).length + Object.keys(townshipAliases).length === 0) return undefined;
  return {
    ...other.choices,
    mappings: { ...other.choices.mappings, ...mappings },
    townshipAliases: { ...other.choices.townshipAliases, ...townshipAliases },
  };
}

/**
 * The session's answers without those a removed file gave and never stored: a slip on a card the
 * user removed answers no file read after it, which asks again instead. Waiting files that took
 * the answer show it on their own cards, where it can be changed.
 */
export function withoutAnswersOf(answers: SessionAnswers, gone: PendingFile): SessionAnswers {
  if (gone.status === 'committed') return answers;
  const drop = (current: Readonly<Record<string, string>>, own: Readonly<Record<string, string>>) =>
    Object.fromEntries(Object.entries(current).filter(([k, v]) => own[k] !== v));
  return {
    mappings: drop(answers.mappings, gone.choices.mappings),
    townshipAliases: drop(answers.townshipAliases, gone.choices.townshipAliases),
  };
}

/**
 * Whether a waiting file was read with a session answer that has changed since (the user answered
 * otherwise in the file that gave it) and that it did not answer itself: read again, it follows.
 * sharedAnswers covers the files that took the answer into their own choices; this, the files
 * added after it was given, which took it from the session.
 */
export function followsChangedAnswer(other: PendingFile, now: SessionAnswers): boolean {
  if (!other.preview || other.status !== 'ready' || !other.readWith) return false;
  const changed = (
    took: Readonly<Record<string, string>>,
    current: Readonly<Record<string, string>>,
    own: Readonly<Record<string, string>>,
  ) => Object.entries(took).some(([k, v]) => own[k] === undefined && current[k] !== v);
  return (
    changed(other.readWith.mappings, now.mappings, other.choices.mappings) ||
    changed(other.readWith.townshipAliases, now.townshipAliases, other.choices.townshipAliases)
  );
}

/**
 * What a file has asked so far, with what its latest read asks: the questions of earlier reads
 * keep their place (an answered one is no longer asked), new ones follow.
 */
export function askedSoFar(before: Asked | undefined, preview: ImportPreview): Asked {
  const merge = <T>(old: readonly T[], now: readonly T[], key: (item: T) => string): T[] => {
    const latest = new Map(now.map((item) => [key(item), item]));
    const kept = old.map((item) => latest.get(key(item)) ?? item);
    const seen = new Set(old.map(key));
    return [...kept, ...now.filter((item) => !seen.has(key(item)))];
  };
  return {
    indicators: merge(before?.indicators ?? [], preview.customIndicators, (c) => c.id),
    townships: merge(before?.townships ?? [], preview.unknownTownships, (u) => u.name),
  };
}
