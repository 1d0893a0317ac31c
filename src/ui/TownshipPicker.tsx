import { useState } from 'react';

export interface TownshipChoice {
  readonly code: string;
  readonly name: string;
}

interface TownshipPickerProps {
  readonly legend: string;
  readonly townships: readonly TownshipChoice[];
  readonly selected: readonly string[];
  readonly onChange: (selected: string[]) => void;
  readonly resetLabel: string;
  readonly hint: string;
  readonly searchLabel?: string;
  /** One-click selections, e.g. all streets. */
  readonly groups?: readonly { readonly label: string; readonly codes: readonly string[] }[];
}

/** Checkboxes for the townships to highlight; the others stay in the charts, faded. */
export function TownshipPicker(props: TownshipPickerProps) {
  const { legend, townships, selected, onChange, resetLabel, hint, searchLabel, groups = [] } = props;
  const [query, setQuery] = useState('');
  const chosen = new Set(selected);
  const toggle = (code: string) =>
    onChange(chosen.has(code) ? selected.filter((c) => c !== code) : [...selected, code]);
  const shown = query.trim() === '' ? townships : townships.filter((t) => t.name.includes(query.trim()));
  return (
    <fieldset className="township-picker">
      <legend>{legend}</legend>
      <p className="hint">{hint}</p>
      {searchLabel && (
        <input
          type="search"
          className="township-search"
          aria-label={searchLabel}
          placeholder={searchLabel}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      )}
      {groups.length > 0 && (
        <div className="group-buttons">
          {groups.map((g) => (
            <button key={g.label} type="button" onClick={() => onChange([...g.codes])}>
              {g.label}
            </button>
          ))}
        </div>
      )}
      <div className="township-list">
        {shown.map((t) => (
          <label key={t.code}>
            <input type="checkbox" checked={chosen.has(t.code)} onChange={() => toggle(t.code)} />
            {t.name}
          </label>
        ))}
      </div>
      <button type="button" onClick={() => onChange([])} disabled={selected.length === 0}>
        {resetLabel}
      </button>
    </fieldset>
  );
}
