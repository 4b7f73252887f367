import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '../../api/ApiProvider';
import { dayOf, duration, field, fieldKeys, freeMinutesWithin, timeRange } from '../../api/field';
import { errorMessage } from '../../api/problem';
import type { Availability, FieldAppointment, JobDetail, Technician } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useDraft } from '../../auth/drafts';
import { Dialog } from '../../components/Dialog';
import { limiter } from '../../components/limit';
import { assignProblem, outcomeText, technicianList, useCommandOutcome, useTechnicianNames } from './hooks';

/** Free time is shown when it takes at most this many availability reads (one per technician listed). */
export const FREE_TIME_MAX = 30;

// The availability reads share the tenant's request budget with the rest of the page: 4 at once, 20 a second.
const availabilityRequests = limiter(4, 50);

interface Draft {
  technicianIds: number[];
  /** '' = the job's first active appointment (the service's default). */
  appointmentId: string;
}

/** The job's active appointments, by start. */
export function activeAppointments(detail: JobDetail): FieldAppointment[] {
  return detail.appointments.filter((a) => a.active).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

function appointmentLabel(appointment: FieldAppointment): string {
  const day = new Date(appointment.start).toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric' });
  return `${appointment.appointmentNumber ?? appointment.id} · ${day} ${timeRange(appointment.start, appointment.end)} · ${appointment.status}`;
}

function FreeTime({ availability, appointment, loading }: { availability: Availability | undefined; appointment: FieldAppointment; loading: boolean }) {
  if (!availability) {
    return <span className="muted free-time">{loading ? 'free time…' : ''}</span>;
  }
  const day = dayOf(appointment.start);
  const minutes = freeMinutesWithin(availability.free, day.from, day.to);
  const start = Date.parse(appointment.start);
  const end = Date.parse(appointment.end);
  const fits = availability.free.some((i) => Date.parse(i.start) <= start && Date.parse(i.end) >= end);
  const off = availability.timeOff.some((i) => Date.parse(i.start) < end && Date.parse(i.end) > start);
  const intervals = availability.free.map((i) => timeRange(i.start, i.end)).join(', ');
  return (
    <span className="free-time" data-testid="free-time" title={intervals ? `Free ${intervals}` : 'No free time that day'}>
      <span className={fits ? 'ok' : 'busy'}>{fits ? 'free then' : off ? 'time off then' : 'busy then'}</span>
      <span className="muted"> · {duration(minutes)} free that day{intervals ? ` (${intervals})` : ''}</span>
    </span>
  );
}

/**
 * Assigns technicians to one of the job's appointments (the first active one unless chosen). Only active
 * technicians are offered, each with their free time on the appointment's day. A Lazi-owned job changes at once
 * (200); a ServiceTitan one is sent there (202): the dialog says so with the command id and waits for
 * `field:command-completed` of that command, then shows how it ended. Refusals show the problem's detail. What was
 * picked is kept as a draft until sent or cancelled (the dialog is part of the route, `?assign=1`).
 */
export function AssignDialog({ detail, onClose }: { detail: JobDetail; onClose(): void }) {
  const api = useApi();
  const { tenant, canAssignJobs } = useAuth();
  const queries = useQueryClient();
  const job = detail.job;
  const names = useTechnicianNames();
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`assign.${job.id}`, () => ({ technicianIds: [], appointmentId: '' }));
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [commandId, setCommandId] = useState<string | null>(null);
  // Listens from the start: ServiceTitan's answer may come over the socket before the 202 does.
  const outcome = useCommandOutcome(commandId);

  const appointments = activeAppointments(detail);
  const target = appointments.find((a) => String(a.id) === draft.appointmentId) ?? appointments[0] ?? null;
  const assigned = useMemo(() => new Set(target?.technicianIds ?? []), [target]);

  const technicians = useQuery({
    queryKey: fieldKeys.technicianList(tenant, { active: true, size: 500 }),
    queryFn: ({ signal }) => field.technicians(api, { active: true, size: 500 }, signal),
  });
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown: Technician[] = (technicians.data?.items ?? [])
    .filter((t) => t.active)
    .filter((t) => words.every((w) => `${t.name} ${t.team ?? ''}`.toLowerCase().includes(w)));

  const day = target ? dayOf(target.start) : null;
  const freeFor = day && shown.length <= FREE_TIME_MAX ? shown : [];
  const availability = useQueries({
    queries: freeFor.map((t) => ({
      queryKey: fieldKeys.availability(tenant, t.id, day!.from, day!.to),
      queryFn: ({ signal }: { signal: AbortSignal }) => availabilityRequests(() => field.availability(api, t.id, day!.from, day!.to, signal)),
      staleTime: 60_000,
    })),
  });
  const availabilityOf = new Map(freeFor.map((t, index) => [t.id, availability[index]]));

  const assign = useMutation({
    mutationFn: () => field.assign(api, job.id, {
      technicianIds: draft.technicianIds,
      ...(draft.appointmentId ? { appointmentId: Number(draft.appointmentId) } : {}),
    }),
    onSuccess: (written) => {
      if (written.outcome === 'sent') {
        clearDraft();
        setCommandId(written.command.commandId);
        return;
      }
      clearDraft();
      queries.setQueryData(fieldKeys.job(tenant, job.id), written.record);
      void queries.invalidateQueries({ queryKey: fieldKeys.jobLists(tenant) });
      void queries.invalidateQueries({ queryKey: fieldKeys.customers(tenant) });
      void queries.invalidateQueries({ queryKey: fieldKeys.technicians(tenant) });
      toast.success(`Job ${job.jobNumber}: ${technicianList(draft.technicianIds, names)} assigned`);
      onClose();
    },
    onError: (failure) => setError(assignProblem(failure)),
  });

  const status = outcome?.status ?? null;
  useEffect(() => {
    if (status === null || status === 'PENDING') return;
    void queries.invalidateQueries({ queryKey: fieldKeys.job(tenant, job.id) });
    void queries.invalidateQueries({ queryKey: fieldKeys.jobs(tenant) });
    void queries.invalidateQueries({ queryKey: fieldKeys.technicians(tenant) });
  }, [status, queries, tenant, job.id]);

  const pending = assign.isPending || status === 'PENDING';
  const toggle = (id: number, on: boolean) => setDraft({
    ...draft,
    technicianIds: on ? [...draft.technicianIds.filter((t) => t !== id), id] : draft.technicianIds.filter((t) => t !== id),
  });
  const picked = draft.technicianIds.filter((id) => !assigned.has(id));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setCommandId(null);
    if (picked.length > 0) assign.mutate();
  };
  const cancel = () => {
    clearDraft();
    onClose();
  };

  if (!canAssignJobs) {
    return (
      <Dialog title={`Assign technicians to job ${job.jobNumber}`} onClose={onClose}>
        <p className="problem" role="alert">You cannot assign technicians: your role does not allow it (jobs:assign).</p>
        <div className="buttons"><button type="button" onClick={onClose}>Close</button></div>
      </Dialog>
    );
  }

  return (
    <Dialog title={`Assign technicians to job ${job.jobNumber}`} onClose={cancel}>
      <form className="form assign" onSubmit={submit} noValidate>
        {appointments.length === 0 ? (
          <p className="problem" role="alert">This job has no active appointment to assign technicians to.</p>
        ) : (
          <label>
            Appointment
            <select value={draft.appointmentId} onChange={(e) => setDraft({ ...draft, appointmentId: e.target.value })} disabled={pending}>
              <option value="">First active: {appointmentLabel(appointments[0])}</option>
              {appointments.map((a) => <option key={a.id} value={String(a.id)}>{appointmentLabel(a)}</option>)}
            </select>
          </label>
        )}
        <fieldset className="technicians" disabled={pending}>
          <legend>Technicians (active)</legend>
          {(technicians.data?.items.length ?? 0) > 8 && (
            <input type="search" aria-label="Filter technicians" placeholder="Name or team" value={filter} onChange={(e) => setFilter(e.target.value)} />
          )}
          {technicians.isPending && <p className="muted" role="status">Loading technicians…</p>}
          {technicians.error && <p className="problem" role="alert">{errorMessage(technicians.error)}</p>}
          {day && shown.length > FREE_TIME_MAX && <p className="muted">Filter to {FREE_TIME_MAX} technicians or fewer to see their free time.</p>}
          <ul className="pick-list">
            {shown.map((t) => {
              const already = assigned.has(t.id);
              const state = availabilityOf.get(t.id);
              return (
                <li key={t.id} data-testid="technician-option" data-id={t.id}>
                  <label className="checkbox">
                    <input type="checkbox" checked={already || draft.technicianIds.includes(t.id)} disabled={already} onChange={(e) => toggle(t.id, e.target.checked)} />
                    {t.name}
                    {t.team && <span className="muted"> · {t.team}</span>}
                    {already && <span className="badge">assigned</span>}
                  </label>
                  {target && state && <FreeTime availability={state.data} appointment={target} loading={state.isPending} />}
                </li>
              );
            })}
          </ul>
          {technicians.data && shown.length === 0 && <p className="muted">No active technician{words.length ? ' matches' : ''}.</p>}
        </fieldset>
        {error && <p className="problem" role="alert">{error}</p>}
        {commandId && outcome && (
          outcome.status === 'PENDING' ? (
            <p className="command-status" role="status" data-testid="assign-command" data-state="pending">
              Sent to ServiceTitan… waiting for its answer (command <code>{commandId}</code>).
            </p>
          ) : outcome.status === 'SUCCEEDED' ? (
            <p className="command-status ok" role="status" data-testid="assign-command" data-state="succeeded">
              {outcomeText(outcome, 'assigned the technicians')} <span className="muted">(command <code>{commandId}</code>)</span>
            </p>
          ) : (
            <p className="command-status problem" role="alert" data-testid="assign-command" data-state="failed">
              {outcomeText(outcome, 'assigned the technicians')} <span className="muted">(command <code>{commandId}</code>)</span>
            </p>
          )
        )}
        <div className="buttons">
          {status === 'SUCCEEDED' ? (
            <button type="button" className="primary" onClick={onClose}>Close</button>
          ) : (
            <>
              <button type="submit" className="primary" disabled={pending || picked.length === 0 || appointments.length === 0}>
                {assign.isPending ? 'Assigning…' : status === 'PENDING' ? 'Waiting for ServiceTitan…' : `Assign${picked.length ? ` (${picked.length})` : ''}`}
              </button>
              <button type="button" onClick={status === 'PENDING' ? onClose : cancel}>{status === 'PENDING' ? 'Close' : 'Cancel'}</button>
            </>
          )}
        </div>
        {status === 'PENDING' && <p className="muted">You may close this: the job updates when ServiceTitan answers.</p>}
      </form>
    </Dialog>
  );
}
