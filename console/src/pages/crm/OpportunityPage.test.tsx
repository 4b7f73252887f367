import { MemoryRouter, Route, Routes } from 'react-router';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { cents, money } from '../../api/crm';
import type { LineItem, OpportunityView } from '../../api/types';
import { json, problem, renderSignedIn } from '../../test/render';
import { OpportunityPage } from './OpportunityPage';

const opportunity: OpportunityView = {
  id: 'o-1', pipeline: 'SALES', pipelineName: 'Sales', stage: 'NEW_LEAD', stageName: 'New Lead', status: 'OPEN', title: 'Ann Lee pool heater',
  monetaryValue: 150, stCustomerId: null, contactName: 'Ann Lee', stJobId: null, stEstimateId: null, stageEnteredAt: '2026-06-02T10:00:00Z',
  createdAt: '2026-06-02T10:00:00Z', updatedAt: '2026-06-02T10:00:00Z', source: 'lazi', accountId: 'a-1', primaryContactId: 'c-1',
  leadId: 'l-1', amount: 150, amountManual: false, probability: 20, expectedCloseDate: '2026-07-01', ownerId: 'admin@3222348440', nextStep: null, version: 2,
};

const filter: LineItem = { id: 'li-0', productType: 'service', productId: 77, code: 'SVC-1', name: 'Filter clean', quantity: 1, unitPrice: 150, discount: 0, total: 150, position: 1 };
const empty = { items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 };

/** The opportunity page of `o-1` against a small fake of the service: the amount follows the items' totals. */
function setup() {
  const state = { items: [filter], version: 2 };
  const calls = { posts: [] as unknown[], puts: [] as unknown[], putHeaders: [] as Headers[] };
  const amount = () => state.items.reduce((sum, item) => sum + item.total, 0);
  const view = renderSignedIn(
    <MemoryRouter initialEntries={['/crm/opportunities/o-1']}>
      <Routes><Route path="/crm/opportunities/:id" element={<OpportunityPage />} /></Routes>
    </MemoryRouter>,
    (url, init) => {
      const method = init?.method ?? 'GET';
      if (url === '/api/crm/opportunities/o-1' && method === 'GET') {
        return json({ opportunity: { ...opportunity, amount: amount(), monetaryValue: amount(), version: state.version }, history: [] }, 200, { ETag: `"${state.version}"` });
      }
      if (url === '/api/crm/opportunities/o-1' && method === 'PUT') {
        calls.puts.push(JSON.parse(String(init!.body)));
        calls.putHeaders.push(new Headers(init!.headers));
        return problem(412, 'changed');
      }
      if (url === '/api/crm/opportunities/o-1/line-items' && method === 'GET') return json(state.items);
      if (url === '/api/crm/opportunities/o-1/line-items' && method === 'POST') {
        const body = JSON.parse(String(init!.body));
        calls.posts.push(body);
        const item: LineItem = { id: 'li-1', productType: 'equipment', productId: 501, code: 'HP-50', name: 'Heat pump 50k', quantity: 1, unitPrice: 4200, discount: 0, total: 4200, position: 2 };
        state.items = [...state.items, item];
        state.version++;
        return json(item, 201);
      }
      if (url === '/api/crm/opportunities/o-1/line-items/li-1' && method === 'PUT') {
        const body = JSON.parse(String(init!.body));
        calls.puts.push(body);
        state.items = state.items.map((item) => (item.id === 'li-1' ? { ...item, ...body, total: body.quantity * body.unitPrice - body.discount } : item));
        state.version++;
        return json(state.items[1]);
      }
      if (url === '/api/crm/products?q=heat&size=20') {
        return json({ items: [{ type: 'equipment', id: 501, code: 'HP-50', name: 'Heat pump 50k', price: 4200, active: true }], page: 0, size: 20, totalItems: 1, totalPages: 1 });
      }
      if (url.startsWith('/api/crm/tasks?') || url.startsWith('/api/crm/opportunities/o-1/timeline')) return json(empty);
      return json({}, 404);
    },
  );
  return { ...view, calls };
}

describe('OpportunityPage', () => {
  it('adds a line item from the products and shows the amount the service computed', async () => {
    const { calls } = setup();
    expect(await screen.findByTestId('opportunity-amount')).toHaveTextContent(money(150));
    expect(await screen.findByTestId('items-total')).toHaveTextContent(cents(150));

    await userEvent.type(screen.getByRole('searchbox', { name: 'Add a product' }), 'heat');
    const products = await screen.findByTestId('products');
    await userEvent.click(within(products).getByRole('button', { name: 'Add Heat pump 50k' }));

    expect(calls.posts).toEqual([{ productType: 'equipment', productId: 501, quantity: 1 }]);
    const line = await screen.findByText('Heat pump 50k', { selector: 'td' });
    expect(within(line.closest('tr')!).getByTestId('line-total')).toHaveTextContent(cents(4200));
    await waitFor(() => expect(screen.getByTestId('items-total')).toHaveTextContent(cents(4350)));
    await waitFor(() => expect(screen.getByTestId('opportunity-amount')).toHaveTextContent(money(4350)));
  });

  it('edits quantity and discount of a line; the total and amount are the service\'s', async () => {
    const { calls } = setup();
    await userEvent.type(await screen.findByRole('searchbox', { name: 'Add a product' }), 'heat');
    await userEvent.click(within(await screen.findByTestId('products')).getByRole('button', { name: 'Add Heat pump 50k' }));
    const quantity = await screen.findByRole('textbox', { name: 'Quantity of Heat pump 50k' });
    await userEvent.clear(quantity);
    await userEvent.type(quantity, '2');
    const discount = screen.getByRole('textbox', { name: 'Discount of Heat pump 50k' });
    await userEvent.clear(discount);
    await userEvent.type(discount, '400');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(calls.puts).toEqual([{ productType: 'equipment', productId: 501, quantity: 2, unitPrice: 4200, discount: 400 }]));
    await waitFor(() => expect(screen.getByTestId('opportunity-amount')).toHaveTextContent(money(8150)));
    expect(screen.getByTestId('items-total')).toHaveTextContent(cents(8150));
  });

  it('refuses a discount larger than the line before sending', async () => {
    const { calls } = setup();
    const discount = await screen.findByRole('textbox', { name: 'Discount of Filter clean' });
    await userEvent.clear(discount);
    await userEvent.type(discount, '200');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Discount must not exceed quantity × unit price')).toBeInTheDocument();
    expect(calls.puts).toEqual([]);
  });

  it('edits the opportunity with If-Match; the amount follows the items unless set by hand', async () => {
    const { calls } = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Next step' }), 'Send the quote');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByTestId('stale')).toHaveTextContent('Someone else changed this record; reload to see their changes');
    expect(calls.putHeaders[0].get('If-Match')).toBe('"2"');
    expect(calls.puts[0]).toMatchObject({ title: 'Ann Lee pool heater', nextStep: 'Send the quote', amount: null, amountManual: false, accountId: 'a-1', primaryContactId: 'c-1', probability: 20 });
  });
});
