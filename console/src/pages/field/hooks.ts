import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { field, fieldKeys } from '../../api/field';
import { ApiError, errorMessage } from '../../api/problem';
import type { CommandStatus, LiveEvent } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useLiveMessages } from '../../live/LiveProvider';

/** Names of every technician of the tenant (active or not) by id; shared by the field pages. */
export function useTechnicianNames(): Map<number, string> {
  const api = useApi();
  const { tenant } = useAuth();
  const all = useQuery({
    queryKey: fieldKeys.technicianNames(tenant),
    queryFn: ({ signal }) => field.technicians(api, { size: 500 }, signal),
    staleTime: 5 * 60_000,
  });
  return useMemo(() => new Map((all.data?.items ?? []).map((t) => [t.id, t.name])), [all.data]);
}

/** Business unit names by id. */
export function useBusinessUnits(): Map<number, string> {
  const api = useApi();
  const { tenant } = useAuth();
  const units = useQuery({
    queryKey: fieldKeys.businessUnits(tenant),
    queryFn: ({ signal }) => field.businessUnits(api, signal),
    staleTime: 5 * 60_000,
  });
  return useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
}

/** `Marco Ruiz, Dana Whitaker` of technician ids, `#id` for one not (yet) known. */
export function technicianList(ids: readonly number[], names: Map<number, string>): string {
  return ids.map((id) => names.get(id) ?? `#${id}`).join(', ');
}

/** How a write sent to ServiceTitan ended, as far as the console knows. */
export interface CommandOutcome {
  status: CommandStatus | string;
  error: string | null;
  stStatus: number | null;
}

const KEPT = 50;

/**
 * The outcome of the command `commandId` (the 202 answer of a write to a ServiceTitan record): from the WebSocket's
 * `field:command-completed` with that `commandId`, or else from `GET /api/v2/commands/{id}`, read at once and every
 * 5 s while pending (in case the socket is paused or missed it). Mount it before sending the write: a completion
 * that arrives before the 202 answer is kept and matched once the id is known. `null` while no command is tracked.
 */
export function useCommandOutcome(commandId: string | null): CommandOutcome | null {
  const api = useApi();
  const { tenant } = useAuth();
  const [completed, setCompleted] = useState<Record<string, CommandOutcome>>({});
  useLiveMessages((message: LiveEvent) => {
    if (message.event !== 'field:command-completed') return;
    const id = String(message.data.commandId ?? '');
    if (!id) return;
    const outcome: CommandOutcome = {
      status: String(message.data.outcome ?? 'FAILED'),
      error: message.data.error === null || message.data.error === undefined ? null : String(message.data.error),
      stStatus: typeof message.data.stStatus === 'number' ? message.data.stStatus : null,
    };
    setCompleted((current) => Object.fromEntries([...Object.entries(current), [id, outcome] as const].slice(-KEPT)));
  });
  const live = commandId ? completed[commandId] : undefined;
  const polled = useQuery({
    queryKey: fieldKeys.command(tenant, commandId ?? ''),
    queryFn: ({ signal }) => field.command(api, commandId!, signal),
    enabled: commandId !== null && live === undefined,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'PENDING' ? false : 5_000),
    staleTime: 0,
  });
  if (!commandId) return null;
  if (live) return live;
  const command = polled.data;
  if (command && command.commandId === commandId && command.status !== 'PENDING') {
    return { status: command.status, error: command.error ?? null, stStatus: command.stStatus ?? null };
  }
  return { status: 'PENDING', error: null, stStatus: null };
}

/**
 * A refused assignment in words: the problem's `detail` (with its field for a 400), led by what it means for the
 * user on 403, 404 and 409.
 */
export function assignProblem(error: unknown, verb = 'assign'): string {
  const message = errorMessage(error);
  if (!(error instanceof ApiError)) return message;
  switch (error.status) {
    case 403:
      return `You cannot ${verb} technicians: ${message}`;
    case 404:
      return `The job or appointment was not found: ${message}`;
    case 409:
      return `The job cannot take this change now: ${message}`;
    case 429:
      return `Too many requests for the tenant; try again in a moment (${message})`;
    default:
      return message;
  }
}

/** The sentence of a finished command's outcome. */
export function outcomeText(outcome: CommandOutcome, what: string): string {
  const status = outcome.stStatus ? ` (HTTP ${outcome.stStatus})` : '';
  switch (outcome.status) {
    case 'SUCCEEDED':
      return `ServiceTitan ${what}.`;
    case 'NOT_FOUND':
      return `ServiceTitan does not know this job or appointment any more${status}${outcome.error ? `: ${outcome.error}` : ''}.`;
    default:
      return `ServiceTitan refused it${status}: ${outcome.error ?? 'no reason given'}.`;
  }
}

export { useRouteFilters } from '../../components/useRouteFilters';
