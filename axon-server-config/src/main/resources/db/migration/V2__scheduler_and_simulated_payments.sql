-- db-scheduler's table (16.x, PostgreSQL): durable deadlines of the fulfilment saga (Axon's
-- DbSchedulerDeadlineManager) and the simulated carrier's delayed reports.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- The simulated payment provider's own records (standing in for Stripe's): payment intents, refunds, and the
-- answer given to every idempotency key.
create table simulated_payment_intent (
    id             varchar(64)  primary key,
    payment_id     varchar(255) not null,
    order_id       varchar(255),
    amount_minor   bigint       not null,
    currency       varchar(3)   not null,
    payment_method varchar(255) not null,
    status         varchar(32)  not null,
    created_at     timestamp with time zone not null default now(),
    updated_at     timestamp with time zone not null default now()
);
create index simulated_payment_intent_payment_idx on simulated_payment_intent (payment_id);

create table simulated_payment_refund (
    id           varchar(64) primary key,
    intent_id    varchar(64) not null references simulated_payment_intent (id),
    amount_minor bigint      not null,
    created_at   timestamp with time zone not null default now()
);

create table simulated_payment_request (
    idempotency_key varchar(255) primary key,
    operation       varchar(32)  not null,
    intent_id       varchar(64),
    status          varchar(32)  not null,
    detail          varchar(1024),
    created_at      timestamp with time zone not null default now()
);
