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
}

/** Checkboxes for the townships to highlight; the others stay in the charts, faded. */
export function TownshipPicker({
  legend,
  townships,
  selected,
  onChange,
  resetLabel,
  hint,
}: TownshipPickerProps) {
  const chosen = new Set(selected);
  const toggle = (code: string) =>
    onChange(chosen.has(code) ? selected.filter((c) => c !== code) : [...selected, code]);
  return (
    <fieldset className="township-picker">
      <legend>{legend}</legend>
      <p className="hint">{hint}</p>
      <div className="township-list">
        {townships.map((t) => (
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
