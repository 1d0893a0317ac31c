import { useEffect, useState } from 'react';
import type { DbClient } from '../db/client.ts';
import { type TownshipRow, loadDistrictInfo } from '../db/queries.ts';
import { replaceTownships } from '../db/schema.ts';
import type { District, Township } from '../district/district.ts';
import {
  type Division,
  listAreas,
  listCities,
  listProvinces,
  loadDistrict,
} from '../district/load-divisions.ts';
import { parseTownshipList } from '../district/parse-township-list.ts';
import type { Messages } from '../messages/zh.ts';
import { useAsync } from './use-db-query.ts';

interface DistrictSetupProps {
  readonly db: DbClient;
  readonly t: Messages;
  readonly townships: readonly TownshipRow[];
  readonly onChanged: () => void;
  readonly revision: number;
}

function DivisionSelect(props: {
  readonly label: string;
  readonly items: readonly Division[];
  readonly value: string;
  readonly onChange: (code: string) => void;
  readonly placeholder: string;
}) {
  return (
    <label className="picker">
      <span>{props.label}</span>
      <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.placeholder}</option>
        {props.items.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Which district the user oversees: picked from the national division codes (loaded only
 * here), or pasted / edited as a plain list. The list drives township matching on import,
 * the completeness of reports and the template.
 */
export function DistrictSetup({ db, t, townships, onChanged, revision }: DistrictSetupProps) {
  const d = t.district;
  const info = useAsync(() => loadDistrictInfo(db), [db, revision]);
  const [province, setProvince] = useState('');
  const [city, setCity] = useState('');
  const [area, setArea] = useState('');
  const [candidate, setCandidate] = useState<District | null>(null);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<readonly string[]>([]);
  // The count said on saving: once the list changes elsewhere (a township added on import), stale.
  const [savedCount, setSavedCount] = useState<number | null>(null);

  const provinces = useAsync(() => listProvinces(), []);
  const cities = useAsync(province ? () => listCities(province) : null, [province]);
  const areas = useAsync(city ? () => listAreas(city) : null, [city]);

  useEffect(() => {
    setText(townships.map((x) => `${x.code},${x.name}`).join('\n'));
  }, [townships]);

  useEffect(() => {
    if (!area) return;
    void loadDistrict(area).then((district) => setCandidate(district ?? null));
  }, [area]);

  const withFacts = info.status === 'ready' ? info.data.townshipsWithFacts : [];
  const apply = async (list: readonly Township[], district?: { code: string; name: string }) => {
    const dropped = townships.filter(
      (x) => withFacts.includes(x.code) && !list.some((y) => y.code === x.code),
    );
    if (dropped.length > 0 && !window.confirm(d.confirmHide(dropped.map((x) => x.name).join('、')))) return;
    await replaceTownships(db, list, district);
    await db.checkpoint();
    setSavedCount(list.length);
    onChanged();
  };

  const ready = <T,>(state: { status: string; data?: T }): T | undefined =>
    state.status === 'ready' ? state.data : undefined;

  return (
    <section className="district-setup" aria-label={d.title}>
      <h2>{d.title}</h2>
      <p>{d.current(info.status === 'ready' ? (info.data.name ?? d.custom) : '…', townships.length)}</p>
      <div className="controls">
        <DivisionSelect
          label={d.province}
          placeholder={d.choose}
          items={ready(provinces) ?? []}
          value={province}
          onChange={(code) => {
            setProvince(code);
            setCity('');
            setArea('');
            setCandidate(null);
          }}
        />
        <DivisionSelect
          label={d.city}
          placeholder={d.choose}
          items={ready(cities) ?? []}
          value={city}
          onChange={(code) => {
            setCity(code);
            setArea('');
            setCandidate(null);
          }}
        />
        <DivisionSelect
          label={d.area}
          placeholder={d.choose}
          items={ready(areas) ?? []}
          value={area}
          onChange={setArea}
        />
        {candidate && (
          <button
            type="button"
            className="primary"
            onClick={() =>
              void apply(candidate.townships, { code: candidate.code, name: candidate.fullName })
            }
          >
            {d.adoptDivision(candidate.fullName, candidate.townships.length)}
          </button>
        )}
      </div>
      <label className="township-text">
        <span>{d.editList}</span>
        <textarea rows={8} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button
        type="button"
        onClick={() => {
          const result = parseTownshipList(text);
          if (!result.ok) {
            setProblems(result.issues.map((i) => d.listProblem(i.line, i.message)));
            return;
          }
          setProblems([]);
          void apply(result.townships, {
            code: 'custom',
            name: info.status === 'ready' ? (info.data.name ?? d.custom) : d.custom,
          });
        }}
      >
        {d.applyList}
      </button>
      {problems.length > 0 && (
        <ul className="error" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {savedCount !== null && savedCount === townships.length && <p role="status">{d.saved(savedCount)}</p>}
    </section>
  );
}
