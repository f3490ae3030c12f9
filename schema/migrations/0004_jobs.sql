-- Background jobs, queued and claimed in PostgreSQL (see Sources/Jobs), and the schedules of periodic kinds.
--
-- A job's life: queued → running (claimed with FOR UPDATE SKIP LOCKED, holding a lease until locked_until) →
-- succeeded, or failed (waiting for a retry at run_at) → running → ... → dead once max_attempts ran out.
-- A running job whose lease expired (its worker died) is claimable again.

CREATE TABLE jobs (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind text NOT NULL CONSTRAINT jobs_kind_check CHECK (kind ~ '^[A-Za-z][A-Za-z0-9_.:-]*$'),
    payload jsonb NOT NULL DEFAULT '{}',
    -- NULL for system jobs (periodic work across organizations), which the API never shows.
    organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
    state text NOT NULL DEFAULT 'queued'
        CONSTRAINT jobs_state_check CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'dead')),
    attempts integer NOT NULL DEFAULT 0 CONSTRAINT jobs_attempts_check CHECK (attempts >= 0),
    max_attempts integer NOT NULL DEFAULT 5 CONSTRAINT jobs_max_attempts_check CHECK (max_attempts >= 1),
    run_at timestamptz NOT NULL DEFAULT now(),
    locked_until timestamptz,
    locked_by text,
    last_error text,
    -- At most one queued, running or retrying job per key: the same sync is not queued twice.
    unique_key text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    CONSTRAINT jobs_lease_check CHECK (state <> 'running' OR (locked_until IS NOT NULL AND locked_by IS NOT NULL))
);
CREATE UNIQUE INDEX jobs_unique_key_pending_idx ON jobs (unique_key)
    WHERE unique_key IS NOT NULL AND state IN ('queued', 'running', 'failed');
-- What the claim reads: due jobs, and running jobs whose lease expired.
CREATE INDEX jobs_due_idx ON jobs (run_at, id) WHERE state IN ('queued', 'failed');
CREATE INDEX jobs_lease_idx ON jobs (locked_until) WHERE state = 'running';
-- The API's newest-first pages per organization, optionally by state.
CREATE INDEX jobs_organization_created_idx ON jobs (organization_id, created_at DESC, id DESC);
CREATE INDEX jobs_organization_state_created_idx ON jobs (organization_id, state, created_at DESC, id DESC);
-- Pruning finished jobs past their retention.
CREATE INDEX jobs_finished_idx ON jobs (finished_at) WHERE state IN ('succeeded', 'dead');
-- `campaignd jobs`: the latest failures.
CREATE INDEX jobs_failures_idx ON jobs (updated_at DESC) WHERE last_error IS NOT NULL;

-- One row per periodic kind: the first worker to move next_run_at past now() queues that period's job, so a
-- period runs once however many workers run the scheduler.
CREATE TABLE job_schedules (
    kind text PRIMARY KEY,
    interval_seconds integer NOT NULL CONSTRAINT job_schedules_interval_check CHECK (interval_seconds >= 1),
    next_run_at timestamptz NOT NULL,
    last_run_at timestamptz
);

-- The API's role sees and queues its organization's jobs only; system jobs (NULL organization) stay hidden.
GRANT SELECT, INSERT ON jobs TO campaignd_app;
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY jobs_tenant ON jobs
    USING (organization_id = app_organization_id()) WITH CHECK (organization_id = app_organization_id());

-- When the metrics of a campaign were last synced from its platform.
ALTER TABLE campaigns ADD COLUMN last_metrics_sync_at timestamptz;
