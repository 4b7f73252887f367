import { useState } from 'react';
import { DndContext, KeyboardSensor, PointerSensor, pointerWithin, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '../../api/ApiProvider';
import { crm, crmKeys, MANUAL_STAGES, money } from '../../api/crm';
import { errorMessage } from '../../api/problem';
import type { OpportunityView, PipelineKey, PipelineStats, StageStats } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { Dialog } from '../../components/Dialog';

function useMove(onDone?: () => void) {
  const api = useApi();
  const { tenant } = useAuth();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ opportunity, stage }: { opportunity: OpportunityView; stage: StageStats }) => crm.move(api, opportunity.id, stage.stage),
    onSuccess: (detail) => {
      toast.success(`“${detail.opportunity.title}” moved to ${detail.opportunity.stageName}`);
      onDone?.();
    },
    // A refused move (409) says why; the card stays where it was.
    onError: (failure) => toast.error(`Move refused: ${errorMessage(failure)}`),
    onSettled: () => queries.invalidateQueries({ queryKey: [tenant, 'crm'] }),
  });
}

function customerOf(opportunity: OpportunityView): string {
  return opportunity.contactName ?? (opportunity.stCustomerId === null ? '' : `customer ${opportunity.stCustomerId}`);
}

function Card({ opportunity, onOpen, draggable }: { opportunity: OpportunityView; onOpen(): void; draggable: boolean }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: opportunity.id, data: opportunity, disabled: !draggable });
  return (
    <li
      ref={setNodeRef}
      className={`card${isDragging ? ' dragging' : ''}`}
      style={transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined}
      data-testid="opportunity"
      data-id={opportunity.id}
    >
      {draggable && <button type="button" className="handle" aria-label={`Move ${opportunity.title}`} {...attributes} {...listeners}>⠿</button>}
      <button type="button" className="link" onClick={onOpen}>{opportunity.title}</button>
      <div className="muted">{customerOf(opportunity)} · {money(opportunity.monetaryValue)}</div>
    </li>
  );
}

function Column({ stage, items, onOpen, draggable }: { stage: StageStats; items: OpportunityView[]; onOpen(o: OpportunityView): void; draggable: boolean }) {
  const { setNodeRef, isOver } = useDroppable({ id: stage.stage, data: stage });
  return (
    <section ref={setNodeRef} className={`column${isOver ? ' over' : ''}`} aria-label={`${stage.name}: ${stage.count} opportunities`} data-testid="stage" data-stage={stage.stage}>
      <h3>{stage.name}{MANUAL_STAGES.has(stage.stage) ? ' (manual)' : ''}</h3>
      <p className="muted"><span data-testid="stage-count">{stage.count}</span> · {money(stage.value)}</p>
      <ul>
        {items.map((opportunity) => <Card key={opportunity.id} opportunity={opportunity} onOpen={() => onOpen(opportunity)} draggable={draggable} />)}
      </ul>
    </section>
  );
}

function Board({ stats, onOpen }: { stats: PipelineStats; onOpen(o: OpportunityView): void }) {
  const api = useApi();
  const { tenant, canWriteCrm } = useAuth();
  const opportunities = useQuery({ queryKey: crmKeys.opportunities(tenant, stats.pipeline), queryFn: ({ signal }) => crm.opportunities(api, stats.pipeline, signal) });
  const move = useMove();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const opportunity = active.data.current as OpportunityView | undefined;
    const stage = over?.data.current as StageStats | undefined;
    if (opportunity && stage && stage.stage !== opportunity.stage) {
      move.mutate({ opportunity, stage });
    }
  };
  const byStage = new Map<string, OpportunityView[]>();
  for (const opportunity of opportunities.data ?? []) {
    byStage.set(opportunity.stage, [...(byStage.get(opportunity.stage) ?? []), opportunity]);
  }
  return (
    <section className="board" aria-labelledby={`pipeline-${stats.pipeline}`} data-testid={`pipeline-${stats.pipeline}`}>
      <h2 id={`pipeline-${stats.pipeline}`}>{stats.name} <span className="muted">{stats.count} · {money(stats.value)}</span></h2>
      {opportunities.error && <p className="problem" role="alert">{errorMessage(opportunities.error)}</p>}
      <DndContext sensors={sensors} collisionDetection={pointerWithin} onDragEnd={onDragEnd}>
        <div className="columns">
          {stats.stages.map((stage) => (
            <Column key={stage.stage} stage={stage} items={byStage.get(stage.stage) ?? []} onOpen={onOpen} draggable={canWriteCrm} />
          ))}
        </div>
      </DndContext>
    </section>
  );
}

function OpportunityDialog({ opportunity, stages, onClose }: { opportunity: OpportunityView; stages: StageStats[]; onClose(): void }) {
  const api = useApi();
  const { tenant, canWriteCrm } = useAuth();
  const detail = useQuery({ queryKey: crmKeys.opportunity(tenant, opportunity.id), queryFn: ({ signal }) => crm.opportunity(api, opportunity.id, signal) });
  const [target, setTarget] = useState(stages.find((s) => s.stage !== opportunity.stage)?.stage ?? '');
  const move = useMove();
  const current = detail.data?.data.opportunity ?? opportunity;
  return (
    <Dialog title={current.title} onClose={onClose}>
      <p>{current.pipelineName} · <strong data-testid="detail-stage">{current.stageName}</strong> · {current.status.toLowerCase()} · {money(current.monetaryValue)}</p>
      <p className="muted">{customerOf(current)}{current.stJobId ? ` · job ${current.stJobId}` : ''}{current.stEstimateId ? ` · estimate ${current.stEstimateId}` : ''}</p>
      <p><Link to={`/crm/opportunities/${current.id}`}>Open the opportunity</Link> <span className="muted">(line items, tasks, timeline)</span></p>
      <h3>Stage history</h3>
      <ol className="history" data-testid="history">
        {(detail.data?.data.history ?? []).map((entry) => (
          <li key={`${entry.movedAt}-${entry.toStage}`}>
            {new Date(entry.movedAt).toLocaleString()}: {entry.fromStage ? `${entry.fromStage} → ` : ''}{entry.toStage} <span className="muted">({entry.reason})</span>
          </li>
        ))}
      </ol>
      {canWriteCrm && (
        <form className="form" onSubmit={(e) => { e.preventDefault(); const stage = stages.find((s) => s.stage === target); if (stage) move.mutate({ opportunity: current, stage }); }}>
          <label>
            Move to stage
            <select value={target} onChange={(e) => setTarget(e.target.value)}>
              {stages.map((stage) => <option key={stage.stage} value={stage.stage}>{stage.name}{MANUAL_STAGES.has(stage.stage) ? ' (manual)' : ''}</option>)}
            </select>
          </label>
          <div className="buttons">
            <button type="submit" className="primary" disabled={move.isPending}>Move</button>
            <button type="button" onClick={onClose}>Close</button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** A board per pipeline (Sales, Install): count and value per stage, cards to drag between stages. */
export function PipelinesPage() {
  const api = useApi();
  const { tenant } = useAuth();
  const distribution = useQuery({ queryKey: crmKeys.distribution(tenant), queryFn: ({ signal }) => crm.distribution(api, signal) });
  const [open, setOpen] = useState<OpportunityView | null>(null);
  const pipelines = distribution.data?.pipelines ?? [];
  const stagesOf = (pipeline: PipelineKey) => pipelines.find((p) => p.pipeline === pipeline)?.stages ?? [];
  return (
    <section className="page pipelines">
      <h1>Pipelines</h1>
      {distribution.error && <p className="problem" role="alert">{errorMessage(distribution.error)}</p>}
      {distribution.data && <p className="muted">{distribution.data.contacts} contacts · {distribution.data.opportunities} opportunities</p>}
      {pipelines.map((stats) => <Board key={stats.pipeline} stats={stats} onOpen={setOpen} />)}
      {open && <OpportunityDialog opportunity={open} stages={stagesOf(open.pipeline)} onClose={() => setOpen(null)} />}
    </section>
  );
}
