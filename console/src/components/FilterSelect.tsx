import type { Option } from './RecordForm';

/** A list filter: one of `options`, or everything (''). */
export function FilterSelect({ label, value, options, onChange, all = 'All' }: { label: string; value: string; options: readonly Option[]; onChange(value: string): void; all?: string }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {options.map((option) => {
          const [v, text] = typeof option === 'string' ? [option, option.replace(/_/g, ' ')] : [option.value, option.label];
          return <option key={v} value={v}>{text}</option>;
        })}
      </select>
    </label>
  );
}
