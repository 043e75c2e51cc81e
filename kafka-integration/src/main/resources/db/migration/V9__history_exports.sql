-- History exports, kept so that one interrupted by a restart goes on where it stopped and a finished one is still
-- listed. resume_after is the event store position of the last event whose records Kafka acknowledged.
create table history_export (
    export_id        varchar(64)  primary key,
    range_from       timestamptz  not null,
    range_to         timestamptz  not null,
    requested_by     varchar(255) not null,
    status           varchar(16)  not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    first_position   bigint,
    resume_after     bigint,
    events_total     bigint       not null default 0,
    events_scanned   bigint       not null default 0,
    events_published bigint       not null default 0,
    restarts         integer      not null default 0,
    requested_at     timestamptz  not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    error            varchar(1000)
);
create index history_export_requested on history_export (requested_at);
