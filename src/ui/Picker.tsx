import { useId } from 'react';

export interface PickerOption {
  readonly value: string;
  readonly label: string;
  readonly group?: string;
}

interface PickerProps {
  readonly label: string;
  readonly value: string;
  readonly options: readonly PickerOption[];
  readonly onChange: (value: string) => void;
}

/** A labelled native select; options with a group are shown under it. */
export function Picker({ label, value, options, onChange }: PickerProps) {
  const id = useId();
  const groups = [...new Set(options.map((o) => o.group ?? ''))];
  const render = (o: PickerOption) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <div className="picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {groups.length <= 1
          ? options.map(render)
          : groups.map((group) => (
              <optgroup key={group} label={group}>
                {options.filter((o) => (o.group ?? '') === group).map(render)}
              </optgroup>
            ))}
      </select>
    </div>
  );
}
