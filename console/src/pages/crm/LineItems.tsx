import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '../../api/ApiProvider';
import { cents, crm, crmKeys, productId } from '../../api/crm';
import { errorMessage } from '../../api/problem';
import type { LineItem, Product } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useDebounced } from '../../components/useDebounced';

function useRefresh(opportunityId: string) {
  const { tenant } = useAuth();
  const queries = useQueryClient();
  // The opportunity's key is a prefix of its line items': its amount and the items refresh together.
  return () => queries.invalidateQueries({ queryKey: crmKeys.opportunity(tenant, opportunityId) });
}

/** The pricebook's products matching what is typed (`GET /api/crm/products?q=`), each with an Add button. */
function ProductPicker({ opportunityId }: { opportunityId: string }) {
  const api = useApi();
  const { tenant } = useAuth();
  const queries = useQueryClient();
  const refresh = useRefresh(opportunityId);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const products = useQuery({ queryKey: crmKeys.products(tenant, q), queryFn: ({ signal }) => crm.products(api, q, signal), enabled: q.length > 0 });
  const add = useMutation({
    mutationFn: (product: Product) => crm.addLineItem(api, opportunityId, { productType: product.type, productId: productId(product), quantity: 1 }),
    onSuccess: (item) => {
      // The answer's line (its price from the pricebook, its total) shows at once; the amount follows on refresh.
      queries.setQueryData<LineItem[]>(crmKeys.lineItems(tenant, opportunityId), (items) => [...(items ?? []).filter((i) => i.id !== item.id), item]);
      toast.success(`${item.name} added`);
      void refresh();
    },
  });
  return (
    <div className="product-picker">
      <label className="search">
        Add a product <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Service, material or equipment: code or name" />
      </label>
      {add.error && <p className="problem" role="alert">{errorMessage(add.error)}</p>}
      {products.error && <p className="problem" role="alert">{errorMessage(products.error)}</p>}
      {q && products.data && (
        products.data.items.length === 0 ? <p className="muted">No product matches.</p> : (
          <ul className="pick-list" aria-label="Products found" data-testid="products">
            {products.data.items.map((product) => (
              <li key={`${product.type}-${productId(product)}`}>
                <span>{product.code && <span className="muted">{product.code} · </span>}{product.name} <span className="badge">{product.type}</span> {cents(product.price)}</span>
                <button type="button" disabled={add.isPending} onClick={() => add.mutate(product)} aria-label={`Add ${product.name}`}>Add</button>
              </li>
            ))}
          </ul>
        )
      )}
    </div>
  );
}

/** Quantity > 0, price >= 0, discount within the line: the problem, or null. */
export function lineProblem(quantity: number, unitPrice: number, discount: number): string | null {
  if (!Number.isFinite(quantity) || quantity <= 0) return 'Quantity must be more than 0';
  if (!Number.isFinite(unitPrice) || unitPrice < 0) return 'Unit price must be 0 or more';
  if (!Number.isFinite(discount) || discount < 0) return 'Discount must be 0 or more';
  if (discount > quantity * unitPrice) return 'Discount must not exceed quantity × unit price';
  return null;
}

/** One line: quantity, unit price and discount edited in place and saved together; the total is the service's. */
function Line({ opportunityId, item, editable }: { opportunityId: string; item: LineItem; editable: boolean }) {
  const api = useApi();
  const refresh = useRefresh(opportunityId);
  const [draft, setDraft] = useState({ quantity: String(item.quantity), unitPrice: String(item.unitPrice), discount: String(item.discount) });
  const [problem, setProblem] = useState<string | null>(null);
  const dirty = draft.quantity !== String(item.quantity) || draft.unitPrice !== String(item.unitPrice) || draft.discount !== String(item.discount);
  const save = useMutation({
    mutationFn: () => crm.updateLineItem(api, opportunityId, item.id, {
      productType: item.productType, productId: item.productId,
      quantity: Number(draft.quantity), unitPrice: Number(draft.unitPrice), discount: Number(draft.discount || '0'),
    }),
    onSuccess: () => refresh(),
    onError: (failure) => setProblem(errorMessage(failure)),
  });
  const remove = useMutation({
    mutationFn: () => crm.removeLineItem(api, opportunityId, item.id),
    onSuccess: () => refresh(),
    onError: (failure) => setProblem(errorMessage(failure)),
  });
  const input = (name: keyof typeof draft, label: string) => editable ? (
    <input className="number" inputMode="decimal" aria-label={`${label} of ${item.name}`} value={draft[name]}
      onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
  ) : draft[name];
  return (
    <tr data-testid="line-item" data-id={item.id}>
      <td>{item.code ?? ''}</td>
      <td>{item.name} <span className="badge">{item.productType}</span>{problem && <div className="field-error" role="alert">{problem}</div>}</td>
      <td>{input('quantity', 'Quantity')}</td>
      <td>{input('unitPrice', 'Unit price')}</td>
      <td>{input('discount', 'Discount')}</td>
      <td data-testid="line-total">{cents(item.total)}</td>
      {editable && (
        <td className="row-buttons">
          {dirty && (
            <button type="button" className="primary" disabled={save.isPending} onClick={() => {
              const found = lineProblem(Number(draft.quantity), Number(draft.unitPrice), Number(draft.discount || '0'));
              setProblem(found);
              if (!found) save.mutate();
            }}>Save</button>
          )}
          <button type="button" className="danger" disabled={remove.isPending} aria-label={`Remove ${item.name}`} onClick={() => remove.mutate()}>Remove</button>
        </td>
      )}
    </tr>
  );
}

/** An opportunity's line items (`/api/crm/opportunities/{id}/line-items`) with the products picker. */
export function LineItems({ opportunityId }: { opportunityId: string }) {
  const api = useApi();
  const { tenant, canWriteCrm } = useAuth();
  const items = useQuery({ queryKey: crmKeys.lineItems(tenant, opportunityId), queryFn: ({ signal }) => crm.lineItems(api, opportunityId, signal) });
  const rows = [...(items.data ?? [])].sort((a, b) => a.position - b.position);
  const total = rows.reduce((sum, item) => sum + Number(item.total), 0);
  return (
    <section aria-labelledby="line-items-title">
      <h2 id="line-items-title">Line items</h2>
      {items.error && <p className="problem" role="alert">{errorMessage(items.error)}</p>}
      {items.data && rows.length === 0 && <p className="muted" data-testid="line-items-empty">No line items.</p>}
      {rows.length > 0 && (
        <table aria-label="Line items">
          <thead><tr><th>Code</th><th>Product</th><th>Quantity</th><th>Unit price</th><th>Discount</th><th>Total</th>{canWriteCrm && <th />}</tr></thead>
          <tbody>
            {/* Keyed by the values too: a line the service changed starts its inputs over. */}
            {rows.map((item) => <Line key={`${item.id}-${item.quantity}-${item.unitPrice}-${item.discount}`} opportunityId={opportunityId} item={item} editable={canWriteCrm} />)}
          </tbody>
          <tfoot><tr><th colSpan={5}>Items total</th><th data-testid="items-total">{cents(total)}</th>{canWriteCrm && <th />}</tr></tfoot>
        </table>
      )}
      {canWriteCrm && <ProductPicker opportunityId={opportunityId} />}
    </section>
  );
}
