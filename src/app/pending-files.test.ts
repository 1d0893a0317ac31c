import { describe, expect, it } from 'vitest';
import type { FactConflict } from '../db/import-checks.ts';
import { TONGNAN } from '../district/tongnan.ts';
import { importFile } from '../import/import-file.ts';
import {
  askedSoFar,
  type FileChoices,
  followsChangedAnswer,
  isReady,
  isUnsaved,
  NO_CHOICES,
  type PendingFile,
  refusedFile,
  sameConflicts,
  sharedAnswers,
  withoutAnswersOf,
} from './pending-files.ts';

const BAOLONG = '500152104';

async function pending(
  key: number,
  fileName: string,
  lines: readonly string[],
  choices: FileChoices = NO_CHOICES,
): Promise<PendingFile> {
  const bytes = new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
  const preview = await importFile(bytes, {
    fileName,
    townships: TONGNAN.townships,
    mappings: choices.mappings,
    townshipAliases: choices.townshipAliases,
  });
  return {
    key,
    fileName,
    source: new Blob([bytes]),
    status: 'ready',
    choices,
    preview,
    factCount: 0,
    conflicts: [],
    conflictTotal: 0,
  };
}

/** A long file: a misspelt 宝龙镇 and 调处矛盾纠纷 for the catalog's 化解矛盾纠纷. */
const longLines = ['镇街,年度,指标,数值', '宝垅镇,2025,调处矛盾纠纷,40'];
/** A wide file asking the same two questions, the header with its unit. */
const wideLines = [
  '镇街,年度,调处矛盾纠纷（件）,法律咨询（人次）',
  '宝垅镇,2025,12,30',
  '桂林街道,2025,25,18',
];
const answer: Partial<FileChoices> = {
  mappings: { 调处矛盾纠纷: 'disputes_settled' },
  townshipAliases: { 宝垅镇: BAOLONG },
};

describe('answers one file gives the others', () => {
  it('a long file’s answers serve a wide file asking the same, and read again they leave nothing open', async () => {
    const wide = await pending(2, '乙.csv', wideLines);
    expect(isReady(wide)).toBe(false);
    const shared = sharedAnswers(NO_CHOICES, answer, wide);
    expect(shared?.mappings).toEqual({ 调处矛盾纠纷: 'disputes_settled' });
    expect(shared?.townshipAliases).toEqual({ 宝垅镇: BAOLONG });

    const again = await pending(2, '乙.csv', wideLines, shared);
    expect(isReady(again)).toBe(true);
    expect(again.preview?.customIndicators).toEqual([]);
    expect(
      again.preview?.facts.map((f) => [f.townshipCode, f.indicatorId, f.value, `${f.line}${f.column}`]),
    ).toEqual([
      [BAOLONG, 'disputes_settled', 12, '2C'],
      [BAOLONG, 'legal_consultations', 30, '2D'],
      ['500152001', 'disputes_settled', 25, '3C'],
      ['500152001', 'legal_consultations', 18, '3D'],
    ]);
  });

  it('never overrides what the user answered in that file, nor asks a file that does not ask', async () => {
    const own: FileChoices = { ...NO_CHOICES, mappings: { 调处矛盾纠纷: 'ignore' } };
    const answered = await pending(2, '乙.csv', wideLines, own);
    expect(sharedAnswers(NO_CHOICES, answer, answered)).toEqual({
      ...own,
      townshipAliases: { 宝垅镇: BAOLONG },
    });
    const clean = await pending(3, '丙.csv', ['镇街,年度,指标,数值', '宝龙镇,2025,法律咨询,30']);
    expect(sharedAnswers(NO_CHOICES, answer, clean)).toBeUndefined();
    // Only what changed is passed on: an answer the first file already had is not given again.
    expect(
      sharedAnswers(answer as FileChoices, answer, await pending(4, '丁.csv', longLines)),
    ).toBeUndefined();
    const stored = { ...(await pending(5, '戊.csv', longLines)), status: 'committed' as const };
    expect(sharedAnswers(NO_CHOICES, answer, stored)).toBeUndefined();
  });
});

describe('a changed answer', () => {
  it('is followed by the files that took the earlier one, not by those answered otherwise', async () => {
    const first = { ...NO_CHOICES, ...answer } as FileChoices;
    const followed = await pending(
      2,
      '乙.csv',
      wideLines,
      sharedAnswers(NO_CHOICES, answer, await pending(2, '乙.csv', wideLines)),
    );
    expect(followed.choices.mappings).toEqual({ 调处矛盾纠纷: 'disputes_settled' });
    // The user thinks again: 调处矛盾纠纷 is the catalog's 调解纠纷.
    const change = { mappings: { 调处矛盾纠纷: 'disputes_mediated' } };
    expect(sharedAnswers(first, change, followed)?.mappings).toEqual({ 调处矛盾纠纷: 'disputes_mediated' });
    const own = await pending(3, '丙.csv', wideLines, {
      ...NO_CHOICES,
      mappings: { 调处矛盾纠纷: 'ignore' },
    });
    expect(sharedAnswers(first, change, own)).toBeUndefined();
  });
});

describe('a file added after an answer was given', () => {
  it('took it from the session, and follows when it changes, unless it answered itself', async () => {
    const session = { mappings: answer.mappings ?? {}, townshipAliases: answer.townshipAliases ?? {} };
    // Read with the session's answers: nothing open, nothing in its own choices.
    const later = {
      ...(await pending(3, '丙.csv', longLines, { ...NO_CHOICES, ...session } as FileChoices)),
      choices: NO_CHOICES,
      readWith: session,
    };
    expect(isReady(later)).toBe(true);
    expect(
      sharedAnswers(session as FileChoices, { mappings: { 调处矛盾纠纷: 'disputes_mediated' } }, later),
    ).toBeUndefined();
    expect(followsChangedAnswer(later, session)).toBe(false);
    expect(followsChangedAnswer(later, { ...session, mappings: { 调处矛盾纠纷: 'disputes_mediated' } })).toBe(
      true,
    );
    expect(followsChangedAnswer(later, { ...session, townshipAliases: { 宝垅镇: '500152103' } })).toBe(true);
    // Its own answer stands.
    const own = { ...later, choices: { ...NO_CHOICES, mappings: { 调处矛盾纠纷: 'ignore' } } };
    expect(followsChangedAnswer(own, { ...session, mappings: { 调处矛盾纠纷: 'disputes_mediated' } })).toBe(
      false,
    );
    // Stored files stay as they were stored.
    const stored = { ...later, status: 'committed' as const };
    expect(
      followsChangedAnswer(stored, { ...session, mappings: { 调处矛盾纠纷: 'disputes_mediated' } }),
    ).toBe(false);
  });
});

describe('a removed file', () => {
  it('takes its unstored answers from the session: files read with them ask again, a stored file’s stay', async () => {
    const session = { mappings: answer.mappings ?? {}, townshipAliases: answer.townshipAliases ?? {} };
    const gone = {
      ...(await pending(1, '甲.csv', longLines, { ...NO_CHOICES, ...session })),
      status: 'ready' as const,
    };
    const after = withoutAnswersOf(
      { mappings: { ...session.mappings, 网格员培训: 'ignore' }, townshipAliases: session.townshipAliases },
      gone,
    );
    // Another file's answer stays.
    expect(after).toEqual({ mappings: { 网格员培训: 'ignore' }, townshipAliases: {} });
    const later = {
      ...(await pending(3, '丙.csv', longLines, { ...NO_CHOICES, ...session } as FileChoices)),
      choices: NO_CHOICES,
      readWith: session,
    };
    expect(followsChangedAnswer(later, after)).toBe(true);
    // A file that was stored gave its answers for good: they are remembered with it.
    expect(withoutAnswersOf(session, { ...gone, status: 'committed' })).toBe(session);
  });
});

describe('the questions a file asked', () => {
  it('stay on its card once answered, in the order first asked, with what the latest read says', async () => {
    const first = await pending(1, '甲.csv', [...longLines, '龙腾新区,2025,法律咨询,5']);
    const asked = askedSoFar(undefined, first.preview ?? fail());
    expect(asked.townships.map((u) => u.name)).toEqual(['宝垅镇', '龙腾新区']);
    expect(asked.indicators.map((c) => c.id)).toEqual(['custom:调处矛盾纠纷']);
    // Read again with both answered: nothing asked now, both still listed.
    const answered = await pending(1, '甲.csv', [...longLines, '龙腾新区,2025,法律咨询,5'], {
      ...NO_CHOICES,
      mappings: { 调处矛盾纠纷: 'disputes_settled' },
      townshipAliases: { 宝垅镇: BAOLONG, 龙腾新区: '500152103' },
    });
    expect(answered.preview?.unknownTownships).toEqual([]);
    expect(answered.preview?.customIndicators).toEqual([]);
    const after = askedSoFar(asked, answered.preview ?? fail());
    expect(after).toEqual(asked);
    // Read in another encoding, it asks about other names: they come after.
    const other = await pending(1, '甲.csv', [
      '镇街,年度,指标,数值',
      '宝龙,2025,网格员培训,3',
      '别处,2025,调解纠纷,1',
    ]);
    expect(askedSoFar(after, other.preview ?? fail()).townships.map((u) => u.name)).toEqual([
      '宝垅镇',
      '龙腾新区',
      '别处',
    ]);
  });
});

function fail(): never {
  throw new Error('no preview');
}

describe('what a reload would lose', () => {
  it('a file ready or with the user’s choices, but not one stored, skipped, or refused unread', async () => {
    const ready = await pending(1, 'a.csv', ['镇街,年度,指标,数值', '宝龙镇,2025,法律咨询,30']);
    expect(isUnsaved(ready)).toBe(true);
    expect(isUnsaved({ ...ready, status: 'committed' })).toBe(false);
    expect(isUnsaved({ ...ready, status: 'duplicate' })).toBe(false);
    expect(isUnsaved({ ...ready, status: 'committing' })).toBe(true);
    expect(isUnsaved({ ...ready, status: 'failed' })).toBe(true);
    expect(isUnsaved(refusedFile(2, '全区汇总.csv', 'too-large'))).toBe(false);
    const withErrors = await pending(3, 'b.csv', longLines);
    expect(isUnsaved(withErrors)).toBe(false);
    expect(isUnsaved({ ...withErrors, choices: { ...NO_CHOICES, year: 2024 } })).toBe(true);
  });
});

describe('conflicts the user saw', () => {
  const conflict: FactConflict = {
    townshipCode: BAOLONG,
    townshipName: '宝龙镇',
    year: 2025,
    indicatorId: 'legal_consultations',
    oldValue: 50,
    oldText: '50',
    oldFile: '宝龙镇2025年报（初稿）.csv',
    newValue: 56,
    newText: '56',
    line: 3,
  };
  it('are the same only with the same old and new values and the same count', () => {
    const shown = { conflicts: [conflict], total: 1 };
    expect(sameConflicts(shown, { conflicts: [{ ...conflict }], total: 1 })).toBe(true);
    expect(
      sameConflicts(shown, { conflicts: [{ ...conflict, oldValue: 52, oldText: '52' }], total: 1 }),
    ).toBe(false);
    expect(sameConflicts(shown, { conflicts: [conflict], total: 2 })).toBe(false);
    expect(sameConflicts({ conflicts: [], total: 0 }, shown)).toBe(false);
  });
});
