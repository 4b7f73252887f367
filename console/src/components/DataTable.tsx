import type { ReactNode } from 'react';

export interface Column<T> {
  header: ReactNode;
  cell(row: T): ReactNode;
  className?: string;
}

/**
 * A table of rows, one `data-testid={testId}` row each (with `data-id` of its key), or `empty` when there is none.
 */
export function DataTable<T>({ columns, rows, rowKey, testId, rowClass, empty = 'Nothing to show.', label }: {
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string;
  testId: string;
  rowClass?(row: T): string | undefined;
  empty?: string;
  label?: string;
}) {
  if (rows.length === 0) {
    return <p className="muted" data-testid={`${testId}-empty`}>{empty}</p>;
  }
  return (
    <table aria-label={label}>
      <thead><tr>{columns.map((column, index) => <th key={index} className={column.className}>{column.header}</th>)}</tr></thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} data-testid={testId} data-id={rowKey(row)} className={rowClass?.(row)}>
            {columns.map((column, index) => <td key={index} className={column.className}>{column.cell(row)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
