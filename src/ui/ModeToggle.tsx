type Mode = 'value' | 'change';

interface ModeToggleProps {
  readonly legend: string;
  readonly name: string;
  readonly value: Mode;
  readonly labels: Readonly<Record<string, string>>;
  readonly onChange: (mode: Mode) => void;
}

/** Value or 同比 change: one radio group, used by the trend and the heatmap. */
export function ModeToggle({ legend, name, value, labels, onChange }: ModeToggleProps) {
  return (
    <fieldset className="mode-toggle">
      <legend>{legend}</legend>
      {(['value', 'change'] as const).map((mode) => (
        <label key={mode}>
          <input type="radio" name={name} checked={value === mode} onChange={() => onChange(mode)} />
          {labels[mode]}
        </label>
      ))}
    </fieldset>
  );
}
