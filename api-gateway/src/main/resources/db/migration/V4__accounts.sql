-- Accounts of the gateway: who may sign in, with which role. Not event-sourced: an account is not part of the
-- order's story, and a password hash must be deletable.
create table account (
    id            uuid         primary key,
    email         varchar(254) not null,
    name          varchar(200) not null,
    password_hash varchar(255) not null,
    role          varchar(16)  not null check (role in ('CUSTOMER', 'ADMIN')),
    enabled       boolean      not null default true,
    -- part of every token issued; raised when the role changes or the account is disabled, so older tokens stop working
    token_version integer      not null default 0,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);
-- one account per email, whatever its case
create unique index account_email_key on account (lower(email));

-- Tokens signed out before they expire; a row can go once its token has expired anyway.
create table revoked_token (
    jti        varchar(64) primary key,
    expires_at timestamptz not null
);
create index revoked_token_expiry on revoked_token (expires_at);

-- Failed sign-ins per account (email) and per client address, for slowing down and locking out guessing.
create table sign_in_throttle (
    subject         varchar(320) primary key,
    failures        integer      not null,
    last_failure    timestamptz  not null,
    next_attempt_at timestamptz  not null,
    locked_until    timestamptz
);
