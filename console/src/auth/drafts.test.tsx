import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { readDraft, useDraft } from './drafts';

function Form() {
  const [name, setName, clear] = useDraft('edit.1', () => 'Pools');
  return (
    <>
      <input aria-label="name" value={name} onChange={(e) => setName(e.target.value)} />
      <button type="button" onClick={clear}>clear</button>
    </>
  );
}

describe('useDraft', () => {
  it('keeps typed input across a remount (a sign-in round trip)', async () => {
    const first = render(<Form />);
    await userEvent.type(screen.getByLabelText('name'), ' and spas');
    first.unmount();
    render(<Form />);
    expect(screen.getByLabelText('name')).toHaveValue('Pools and spas');
    act(() => screen.getByText('clear').click());
    expect(readDraft('edit.1')).toBeNull();
  });
});
