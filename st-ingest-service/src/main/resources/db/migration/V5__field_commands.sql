-- Field commands (FieldCommand on st.commands, from field-service: writes to customers, jobs, appointments,
-- assignments and estimates) share the ledger with the category commands: one row per command id, STARTED before
-- the first ServiceTitan call, COMPLETED with the published outcome. kind says which of the two a row is, and
-- which event its result holds (StCommandCompleted or FieldCommandCompleted); field commands have no push.
alter table st_command
    add column kind text not null default 'CATEGORY' check (kind in ('CATEGORY', 'FIELD'));

alter table st_command drop constraint st_command_action_check;

alter table st_command add constraint st_command_action_check check (
    kind = 'CATEGORY' and action in ('UPDATE_CATEGORY', 'CREATE_CATEGORY', 'DELETE_CATEGORY', 'PULL_CATEGORY')
    or kind = 'FIELD' and action in ('CREATE_CUSTOMER', 'UPDATE_CUSTOMER', 'UPDATE_JOB', 'CANCEL_JOB', 'HOLD_JOB',
        'COMPLETE_JOB', 'ASSIGN_TECHNICIANS', 'UNASSIGN_TECHNICIANS', 'RESCHEDULE_APPOINTMENT', 'CONFIRM_APPOINTMENT',
        'SELL_ESTIMATE', 'DISMISS_ESTIMATE'));
