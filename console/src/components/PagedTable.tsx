import type { UseQueryResult } from '@tanstack/react-query';
import { errorMessage } from '../api/problem';
import type { Page } from '../api/types';
import { DataTable, type Column } from './DataTable';
import { Pager } from './Pager';

/** A paged list as a query serves it: its problem, `N {noun}`, the table and previous / next. */
export function PagedTable<T>({ result, noun, columns, rowKey, testId, page, onPage, rowClass }: {
  result: UseQueryResult<Page<T>>;
  noun: string;
  columns: Column<T>[];
  rowKey(row: T): string;
  testId: string;
  page: number;
  onPage(page: number): void;
  rowClass?(row: T): string | undefined;
}) {
  const data = result.data;
  return (
    <>
      {result.error && <p className="problem" role="alert">{errorMessage(result.error)}</p>}
      <p className="muted" role="status" data-testid="list-count">{data ? `${data.totalItems} ${noun}` : result.error ? '' : 'Loading…'}</p>
      {data && <DataTable columns={columns} rows={data.items} rowKey={rowKey} testId={testId} rowClass={rowClass} empty={`No ${noun}.`} />}
      {data && <Pager page={page} totalPages={data.totalPages} onPage={onPage} />}
    </>
  );
}
