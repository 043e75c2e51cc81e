-- Sessions longer than an access token: each sign-in starts a family of refresh tokens, one usable at a time.
-- A refresh token is stored only as its SHA-256 hash; using it marks it used and adds the next one to its family.
-- A used token presented again means it was copied: the whole family is revoked.
create table refresh_token_family (
    id            uuid        primary key,
    account_id    uuid        not null references account (id) on delete cascade,
    -- the account's token version when the session began; a role change or disabling raises it and ends the session
    token_version integer     not null,
    created_at    timestamptz not null,
    revoked_at    timestamptz,
    revoked_why   varchar(100)
);
create index refresh_token_family_account on refresh_token_family (account_id) where revoked_at is null;

create table refresh_token (
    token_hash char(64)    primary key,
    family_id  uuid        not null references refresh_token_family (id) on delete cascade,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index refresh_token_family_idx on refresh_token (family_id);
