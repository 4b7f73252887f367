import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { money } from '../../api/crm';
import { keys, pricebook } from '../../api/pricebook';
import { errorMessage } from '../../api/problem';
import type { Page, SkuKind, SkuView } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useDebounced } from '../../components/useDebounced';
import { Pager } from '../../components/Pager';

const KINDS: { kind: SkuKind; label: string }[] = [
  { kind: 'services', label: 'Services' },
  { kind: 'materials', label: 'Materials' },
  { kind: 'equipment', label: 'Equipment' },
];

/** Services, materials and equipment: search by code, name or description, filter by category (subtree). */
export function CatalogPage() {
  const api = useApi();
  const { tenant } = useAuth();
  const [kind, setKind] = useState<SkuKind>('services');
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState('');
  const [page, setPage] = useState(0);
  const query = useDebounced(search.trim(), 300);
  const roots = useQuery({ queryKey: keys.roots(tenant), queryFn: ({ signal }) => pricebook.roots(api, signal) });
  const params = new URLSearchParams({ size: '50', page: String(page) });
  if (query) params.set('search', query);
  if (category) {
    params.set('categoryId', category);
    params.set('includeSubcategories', 'true');
  }
  const skus = useQuery({
    queryKey: [tenant, 'catalog', kind, query, category, page],
    queryFn: ({ signal }) => api.get<Page<SkuView>>(`/api/pricebook/${kind}?${params.toString()}`, signal),
    placeholderData: keepPreviousData,
  });
  const data = skus.data;
  return (
    <section className="page catalog">
      <h1>Services, materials, equipment</h1>
      <div className="filters">
        <div role="tablist" aria-label="Kind" className="buttons">
          {KINDS.map((k) => (
            <button key={k.kind} type="button" role="tab" aria-selected={kind === k.kind} className={kind === k.kind ? 'primary' : undefined} onClick={() => { setKind(k.kind); setPage(0); }}>{k.label}</button>
          ))}
        </div>
        <label className="search">Search <input type="search" value={search} onChange={(e) => { setSearch(e.target.value); setPage(0); }} placeholder="Code, name or description" /></label>
        <label className="search">Category
          <select value={category} onChange={(e) => { setCategory(e.target.value); setPage(0); }}>
            <option value="">All</option>
            {(roots.data ?? []).map((root) => <option key={root.stId} value={root.stId}>{root.name}</option>)}
          </select>
        </label>
      </div>
      {skus.error && <p className="problem" role="alert">{errorMessage(skus.error)}</p>}
      <p className="muted" role="status">{data ? `${data.totalItems} ${kind}` : 'Loading…'}</p>
      <table>
        <thead><tr><th>Code</th><th>Name</th><th>Price</th><th>Member price</th><th>Cost</th><th>Categories</th></tr></thead>
        <tbody>
          {(data?.items ?? []).map((sku) => (
            <tr key={sku.stId} data-testid="sku">
              <td>{sku.code}</td>
              <td>{sku.displayName ?? ''}</td>
              <td>{money(sku.price)}</td>
              <td>{money(sku.memberPrice)}</td>
              <td>{money(sku.cost)}</td>
              <td>{sku.categories.map((c) => c.name ?? c.stId).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && <Pager page={page} totalPages={data.totalPages} onPage={setPage} />}
    </section>
  );
}
