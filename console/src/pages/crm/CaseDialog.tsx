import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Account, ServiceCase } from '../../api/types';
import { AccountPicker } from './AccountPicker';
import { caseFields } from './cases';
import { useRecord } from './hooks';
import { CreateRecordDialog } from './RecordDialogs';

/** Opens a case for an account (the given one, else one the user finds); the SLA follows from its priority. */
export function CaseDialog({ account, onClose }: { account?: Account; onClose(): void }) {
  const navigate = useNavigate();
  const [picked, setPicked] = useState<Account | null>(account ?? null);
  // The account as read with its contacts (a list row has none).
  const full = useRecord<Account>('accounts', picked?.id);
  const contacts = full.data?.data.contacts ?? picked?.contacts ?? [];
  return (
    <CreateRecordDialog<ServiceCase>
      title={account ? `New case for ${account.name}` : 'New case'}
      plural="cases"
      specs={caseFields(contacts)}
      defaults={{ type: 'question', priority: 'medium', status: 'new' }}
      extra={{ accountId: picked?.id ?? null }}
      draftKey={`crm.case.new.${account?.id ?? 'any'}`}
      onCreated={(created) => navigate(`/crm/cases/${created.id}`)}
      onClose={onClose}
    >
      {account ? null : <AccountPicker value={picked} onChange={setPicked} id="case-account" />}
    </CreateRecordDialog>
  );
}
