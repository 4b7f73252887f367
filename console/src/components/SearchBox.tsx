import { useEffect, useRef, useState } from 'react';
import { useDebounced } from './useDebounced';

/**
 * A search input that reports its trimmed text once typing pauses (300 ms). `value` is where it starts (the route's
 * `q`).
 */
export function SearchBox({ value, onSearch, label = 'Search', placeholder }: { value: string; onSearch(q: string): void; label?: string; placeholder?: string }) {
  const [text, setText] = useState(value);
  const q = useDebounced(text.trim(), 300);
  const report = useRef(onSearch);
  useEffect(() => {
    report.current = onSearch;
  });
  useEffect(() => {
    if (q !== value) report.current(q);
    // Only the debounced text reports; `value` follows it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);
  return (
    <label className="search">
      {label} <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} />
    </label>
  );
}
