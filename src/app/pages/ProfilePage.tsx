import { useMemo } from 'react';
import { buildProfileOption, profileChartHeight } from '../../charts/build-profile-option.ts';
import { Chart } from '../../charts/Chart.tsx';
import { loadProfile } from '../../db/overview-queries.ts';
import { loadQualityWarnings } from '../../db/quality-queries.ts';
import { Picker } from '../../ui/Picker.tsx';
import type { PageContext } from '../page-context.ts';
import { useAsync } from '../use-db-query.ts';

/** Every indicator of one township across years, its rank for each, and its data-quality warnings. */
export function ProfilePage({ ctx }: { readonly ctx: PageContext }) {
  const { db, view, setView, t, lang, locale, revision, townships, source } = ctx;
  const code = view.township ?? townships[0]?.code ?? null;
  const profile = useAsync(code === null ? null : () => loadProfile(db, code), [db, code, revision]);
  const warnings = useAsync(() => loadQualityWarnings(db), [db, revision]);
  const name = townships.find((x) => x.code === code)?.name ?? '';
  const title = t.profileTitle(name);
  const option = useMemo(
    () =>
      profile.status === 'ready'
        ? buildProfileOption({
            profile: profile.data,
            language: lang,
            title,
            subtitle: source,
            approxMark: t.approxMark,
            withUnit: t.withUnit,
            rankLabel: t.rankLabel,
            locale,
          })
        : null,
    [profile, lang, title, source, t, locale],
  );
  const mine =
    warnings.status === 'ready'
      ? warnings.data.filter((w) => w.townshipCode === code && w.kind !== 'approximate')
      : [];
  return (
    <div className="charts">
      <Picker
        label={t.chooseTownship}
        value={code ?? ''}
        options={townships.map((x) => ({ value: x.code, label: x.name }))}
        onChange={(value) => setView({ township: value })}
      />
      {option && profile.status === 'ready' && (
        <Chart option={option} height={profileChartHeight(profile.data.indicators.length)} label={title} />
      )}
      {mine.length > 0 && (
        <section className="profile-warnings">
          <h3>{t.qualityTitle(mine.length)}</h3>
          <ul>
            {mine.map((w) => (
              <li key={`${w.kind}-${w.year}-${w.indicatorId ?? ''}`}>
                <strong>{t.qualityKinds[w.kind]}</strong> {w.year}：{w.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
