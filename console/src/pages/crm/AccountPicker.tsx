import { useState } from 'react';
import type { Account } from '../../api/types';
import { errorMessage } from '../../api/problem';
import { FormField } from '../../components/FormField';
import { useDebounced } from '../../components/useDebounced';
import { useRecordList } from './hooks';

/** Picks an account by searching its name, phone or email. */
export function AccountPicker({ value, onChange, id = 'account-picker' }: { value: Account | null; onChange(account: Account | null): void; id?: string }) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const found = useRecordList<Account>('accounts', { q, size: 10 }, q.length > 0 && value === null);
  if (value) {
    return (
      <p className="picked">
        Account: <strong data-testid="picked-account">{value.name}</strong>{' '}
        <button type="button" onClick={() => onChange(null)}>Change</button>
      </p>
    );
  }
  return (
    <div className="picker">
      <FormField id={id} label={<>Account<span aria-hidden="true"> *</span></>}>
        <input id={id} type="search" value={text} placeholder="Find an account: name, phone or email" onChange={(e) => setText(e.target.value)} />
      </FormField>
      {found.error && <p className="problem" role="alert">{errorMessage(found.error)}</p>}
      {q && found.data && (
        found.data.items.length === 0 ? <p className="muted">No account matches.</p> : (
          <ul className="pick-list" aria-label="Accounts found">
            {found.data.items.map((account) => (
              <li key={account.id}>
                <button type="button" className="link" onClick={() => onChange(account)}>{account.name}</button>
                <span className="muted">{[account.city, account.phone].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
        )
      )}
    </div>
  );
}
