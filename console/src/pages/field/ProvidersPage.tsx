import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '../../api/ApiProvider';
import { DOMAINS, field, fieldKeys, PROVIDER_TEXT, PROVIDERS, when } from '../../api/field';
import { errorMessage } from '../../api/problem';
import type { ProviderSettings } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { Dialog } from '../../components/Dialog';

interface Switch {
  domain: string;
  from: string;
  to: string;
}

/** What a switch does, for the confirmation. */
export function switchText({ domain, from, to }: Switch): string {
  const base = `${domain} will be served by ${PROVIDER_TEXT[to] ?? to} instead of ${PROVIDER_TEXT[from] ?? from}.`;
  switch (to) {
    case 'lazi':
      return `${base} ServiceTitan's ${domain} are copied into Lazi-owned records under the same ids, so nothing disappears; from then on changes to them stay in Lazi and are not sent to ServiceTitan.`;
    case 'hybrid':
      return `${base} Both are served: a Lazi-owned record wins over ServiceTitan's with the same id; writes to ServiceTitan's records are still sent there.`;
    default:
      return `${base} Writes go to ServiceTitan again and the mirror of ServiceTitan is served; Lazi-owned records stay stored.`;
  }
}

function ConfirmSwitch({ change, onClose }: { change: Switch; onClose(): void }) {
  const api = useApi();
  const { tenant } = useAuth();
  const queries = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => field.switchProviders(api, { [change.domain]: change.to }),
    onSuccess: (settings: ProviderSettings) => {
      queries.setQueryData(fieldKeys.providers(tenant), settings);
      // Another provider serves other records: everything of the field domains reloads.
      void queries.invalidateQueries({ queryKey: fieldKeys.all(tenant), predicate: (q) => q.queryKey[2] !== 'providers' });
      const copied = settings.changed.reduce((sum, c) => sum + (c.copied ?? 0), 0);
      toast.success(`${change.domain}: now ${PROVIDER_TEXT[change.to] ?? change.to}${copied ? ` (${copied} records copied into Lazi)` : ''}`);
      onClose();
    },
    onError: (failure) => setError(errorMessage(failure)),
  });
  return (
    <Dialog title={`Switch ${change.domain} to ${PROVIDER_TEXT[change.to] ?? change.to}?`} onClose={onClose}>
      <p data-testid="switch-explanation">{switchText(change)}</p>
      {error && <p className="problem" role="alert">{error}</p>}
      <div className="buttons">
        <button type="button" className="primary" disabled={save.isPending} onClick={() => save.mutate()}>{save.isPending ? 'Switching…' : 'Switch'}</button>
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
    </Dialog>
  );
}

/**
 * Which provider serves each field domain of the tenant (`servicetitan`, `lazi`, `hybrid`), with the last switches.
 * Switching needs `settings:write` (OWNER, ADMIN), and a confirmation that says what the switch does.
 */
export function ProvidersPage() {
  const api = useApi();
  const { tenant, canWriteSettings } = useAuth();
  const settings = useQuery({ queryKey: fieldKeys.providers(tenant), queryFn: ({ signal }) => field.providers(api, signal), enabled: canWriteSettings });
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<Switch | null>(null);
  if (!canWriteSettings) {
    return (
      <section className="page field-providers">
        <h1>Providers</h1>
        <p className="problem" role="alert">Only owners and administrators can see and switch the field providers.</p>
      </section>
    );
  }
  const providers = settings.data?.providers ?? {};
  const domains = [...new Set([...DOMAINS, ...Object.keys(providers)])];
  return (
    <section className="page field-providers">
      <h1>Providers</h1>
      <p className="muted">
        Which system serves each field domain of tenant {tenant}: ServiceTitan (Lazi mirrors it; writes are sent to
        ServiceTitan), Lazi (Lazi's own records; nothing goes to ServiceTitan) or hybrid (both).
      </p>
      {settings.error && <p className="problem" role="alert">{errorMessage(settings.error)}</p>}
      {settings.data && (
        <table className="providers" data-testid="providers">
          <thead><tr><th>Domain</th><th>Provider</th><th>Switch to</th><th /></tr></thead>
          <tbody>
            {domains.map((domain) => {
              const current = providers[domain] ?? 'servicetitan';
              const target = picked[domain] ?? current;
              return (
                <tr key={domain} data-testid="provider" data-domain={domain}>
                  <th scope="row">{domain}</th>
                  <td data-testid="provider-current">{PROVIDER_TEXT[current] ?? current}</td>
                  <td>
                    <select aria-label={`Provider of ${domain}`} value={target} onChange={(e) => setPicked({ ...picked, [domain]: e.target.value })}>
                      {PROVIDERS.map((p) => <option key={p} value={p}>{PROVIDER_TEXT[p]}</option>)}
                    </select>
                  </td>
                  <td>
                    <button type="button" disabled={target === current} onClick={() => setConfirming({ domain, from: current, to: target })}>Switch {domain}</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {(settings.data?.history.length ?? 0) > 0 && (
        <>
          <h2>Last switches</h2>
          <table data-testid="provider-history">
            <thead><tr><th>When</th><th>Domain</th><th>From</th><th>To</th><th>By</th><th>Copied into Lazi</th></tr></thead>
            <tbody>
              {settings.data!.history.map((c) => (
                <tr key={`${c.changedAt}-${c.domain}`}>
                  <td>{when(c.changedAt)}</td>
                  <td>{c.domain}</td>
                  <td>{PROVIDER_TEXT[c.from] ?? c.from}</td>
                  <td>{PROVIDER_TEXT[c.to] ?? c.to}</td>
                  <td>{c.changedBy}</td>
                  <td>{c.copied}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {confirming && (
        <ConfirmSwitch change={confirming} onClose={() => {
          setConfirming(null);
          setPicked({});
        }} />
      )}
    </section>
  );
}
