import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppSession, expectClean, openApp, waitForApp } from './harness.ts';

let session: AppSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('the district and its township list', () => {
  it('picks a district from the national division codes and offers its townships', async () => {
    session = await openApp();
    const { page } = session;
    await waitForApp(page);
    await page.getByRole('button', { name: '辖区设置' }).click();
    const setup = page.getByRole('region', { name: '本区镇街名单' });
    await expect.poll(() => setup.innerText()).toContain('当前辖区：重庆市潼南区，共 23 个镇街');
    await setup.getByLabel('省').selectOption({ label: '重庆市' });
    await setup.getByLabel('市').selectOption({ label: '市辖区' });
    await setup.getByLabel('区县').selectOption({ label: '潼南区' });
    await setup.getByRole('button', { name: '使用 重庆市潼南区 的 23 个镇街' }).waitFor();
    // Pasting an edited list: a merged township removed, a renamed one added.
    const text = setup.getByRole('textbox');
    const lines = (await text.inputValue()).split('\n');
    expect(lines).toHaveLength(23);
    expect(lines).toContain('500152104,宝龙镇');
    await text.fill([...lines.filter((l) => !l.endsWith('寿桥镇')), '新城街道'].join('\n'));
    page.once('dialog', (dialog) => void dialog.accept());
    await setup.getByRole('button', { name: '保存名单' }).click();
    await expect.poll(() => setup.innerText()).toContain('已保存，名单共 23 个镇街');
    // The completeness matrix on the overview lists the district's townships.
    const matrix = page.getByRole('table', { name: '报送情况（镇街 × 年度）' });
    await expect.poll(() => matrix.innerText()).toContain('新城街道');
    expect(await matrix.innerText()).not.toContain('寿桥镇');
    expect(await matrix.getByRole('row', { name: /^新城街道/ }).innerText()).toMatch(
      /^新城街道(\s+未报送){6}$/,
    );
    expectClean(session);
  });

  it('downloads a blank template with the district’s townships, readable by Excel on Chinese Windows', async () => {
    session = await openApp();
    const { page } = session;
    await waitForApp(page);
    await page.getByRole('button', { name: '导入数据' }).click();
    await page.getByLabel('模板年度').fill('2025');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载填报模板' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2025年度镇街法治指标填报模板.csv');
    const bytes = readFileSync((await download.path()) ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(rows[1]?.slice(0, 4)).toEqual(['序号', '镇街', '年度', '中心组学法（次）']);
    expect(rows.slice(2).map((r) => r[1])).toHaveLength(23);
    expect(rows.find((r) => r[1] === '宝龙镇')?.[2]).toBe('2025年');
    expectClean(session);
  });
});
