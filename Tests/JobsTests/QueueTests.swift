import Foundation
import Jobs
import Postgres
import Testing
import TestSupport

/// The queue's statements and the in-process worker: exactly-once claims, retries, leases, uniqueness.
@Suite struct QueueTests {
    @Test func severalConcurrentWorkersClaimEveryJobExactlyOnce() throws {
        let harness = try JobsHarness()
        var ids: Set<UUID> = []
        for index in 0..<300 { ids.insert(try harness.enqueue("count", payload: "{\"n\": \(index)}").job.id) }
        let runs = Recorder<UUID>()
        let definition = JobDefinition(kind: "count") { job, _ in runs.append(job.id) }
        let workers = (0..<3).map { _ in harness.worker([definition], threads: 3, poll: 0.05) }
        workers.forEach { $0.start() }
        let finished = try eventually(timeout: 60) { try harness.count("SELECT count(*) FROM jobs WHERE state = 'succeeded'") == 300 }
        workers.forEach { $0.stop() }
        #expect(finished)
        #expect(runs.values.count == 300)
        #expect(Set(runs.values) == ids)
        #expect(try harness.count("SELECT count(*) FROM jobs WHERE attempts <> 1 OR finished_at IS NULL OR locked_by IS NOT NULL") == 0)
    }

    @Test func aFailingJobIsRetriedWithGrowingDelaysThenDeadWithItsLastError() throws {
        let harness = try JobsHarness()
        let id = try harness.enqueue("flaky", maxAttempts: 3).job.id
        let attempts = Recorder<Date>()
        let definition = JobDefinition(kind: "flaky", backoff: BackoffPolicy(baseDelay: 0.3, maximumDelay: 10, jitter: 0)) { job, _ in
            attempts.append(Date())
            throw TestFailure("platform said no (attempt \(job.attempts))")
        }
        let worker = harness.worker([definition], threads: 1, poll: 0.05)
        worker.start()
        let dead = try eventually(timeout: 20) { try harness.job(id).state == .dead }
        worker.stop()
        #expect(dead)
        let job = try harness.job(id)
        #expect(job.attempts == 3)
        #expect(job.lastError == "platform said no (attempt 3)")
        #expect(job.finishedAt != nil && job.lockedBy == nil)
        let times = attempts.values
        try #require(times.count == 3)
        // 0.3 s after the first attempt, then 0.6 s after the second.
        #expect(times[1].timeIntervalSince(times[0]) >= 0.3)
        #expect(times[2].timeIntervalSince(times[1]) >= 0.6)
    }

    @Test func aJobThatFailsOnceSucceedsOnItsSecondAttempt() throws {
        let harness = try JobsHarness()
        let id = try harness.enqueue("once").job.id
        let definition = JobDefinition(kind: "once", backoff: BackoffPolicy(baseDelay: 0.05, jitter: 0)) { job, _ in
            if job.attempts == 1 { throw TestFailure("timeout") }
        }
        let worker = harness.worker([definition], poll: 0.05)
        worker.start()
        let succeeded = try eventually { try harness.job(id).state == .succeeded }
        worker.stop()
        #expect(succeeded)
        let job = try harness.job(id)
        #expect(job.attempts == 2)
        #expect(job.lastError == "timeout")
    }

    @Test func theKindsMaximumOfAttemptsWinsOverTheJobs() throws {
        let harness = try JobsHarness()
        let id = try harness.enqueue("capped", maxAttempts: 10).job.id
        let worker = harness.worker([JobDefinition(kind: "capped", backoff: BackoffPolicy(baseDelay: 0.01, jitter: 0), maxAttempts: 2) { _, _ in
            throw TestFailure("still broken")
        }], poll: 0.05)
        worker.start()
        let dead = try eventually { try harness.job(id).state == .dead }
        worker.stop()
        #expect(dead)
        #expect(try harness.job(id).attempts == 2)
    }

    @Test func theKindsMaximumOfAttemptsAlsoWinsWhenItIsHigherThanTheJobs() throws {
        let harness = try JobsHarness()
        let id = try harness.enqueue("patient", maxAttempts: 1).job.id
        let worker = harness.worker([JobDefinition(kind: "patient", backoff: BackoffPolicy(baseDelay: 0.01, jitter: 0), maxAttempts: 3) { job, _ in
            if job.attempts < 3 { throw TestFailure("not yet") }
        }], poll: 0.05)
        worker.start()
        let finished = try eventually { [.succeeded, .dead].contains(try harness.job(id).state) }
        worker.stop()
        #expect(finished)
        let job = try harness.job(id)
        #expect(job.state == .succeeded)
        #expect(job.attempts == 3)
        #expect(job.maxAttempts == 3)
    }

    @Test func aPermanentFailureIsDeadAtOnce() throws {
        let harness = try JobsHarness()
        let id = try harness.enqueue("broken", maxAttempts: 5).job.id
        let worker = harness.worker([JobDefinition(kind: "broken") { _, _ in throw PermanentJobFailure("campaign is gone") }], poll: 0.05)
        worker.start()
        let dead = try eventually { try harness.job(id).state == .dead }
        worker.stop()
        #expect(dead)
        #expect(try harness.job(id).attempts == 1)
        #expect(try harness.job(id).lastError == "campaign is gone")
    }

    @Test func pruningDeletesOnlyJobsThatFinishedBeforeTheRetention() throws {
        let harness = try JobsHarness()
        try harness.pool.withConnection { connection in
            try connection.execute(
                """
                INSERT INTO jobs (kind, state, finished_at) VALUES
                    ('old', 'succeeded', now() - interval '20 days'), ('old', 'dead', now() - interval '15 days'),
                    ('recent', 'succeeded', now() - interval '2 days'), ('recent', 'dead', now() - interval '1 hour');
                INSERT INTO jobs (kind, state, run_at, created_at) VALUES
                    ('pending', 'queued', now(), now() - interval '30 days'), ('pending', 'failed', now(), now() - interval '30 days')
                """)
        }
        #expect(try harness.pool.withConnection { try harness.queue.prune(finishedBefore: 14 * 86_400, on: $0) } == 2)
        #expect(try harness.count("SELECT count(*) FROM jobs WHERE kind = 'old'") == 0)
        #expect(try harness.count("SELECT count(*) FROM jobs") == 4)
    }

    @Test func backoffDoublesUpToTheMaximumWithJitterBelowIt() {
        let policy = BackoffPolicy(baseDelay: 5, maximumDelay: 60, jitter: 0.5)
        #expect(policy.delay(afterAttempt: 1, random: 0) == 5)
        #expect(policy.delay(afterAttempt: 2, random: 0) == 10)
        #expect(policy.delay(afterAttempt: 3, random: 0) == 20)
        #expect(policy.delay(afterAttempt: 5, random: 0) == 60)
        #expect(policy.delay(afterAttempt: 50, random: 0) == 60)
        #expect(policy.delay(afterAttempt: 2, random: 1) == 5)
        for _ in 0..<100 { #expect((2.5...5).contains(policy.delay(afterAttempt: 1))) }
    }

    @Test func aUniqueKeyQueuesOnePendingJobAndAnotherOnceItFinished() throws {
        let harness = try JobsHarness()
        let first = try harness.enqueue("sync", uniqueKey: "sync:campaign-1")
        let second = try harness.enqueue("sync", uniqueKey: "sync:campaign-1")
        #expect(first.isNew && !second.isNew)
        #expect(first.job.id == second.job.id)
        #expect(try harness.enqueue("sync", uniqueKey: "sync:campaign-2").isNew)
        // Once it ran, the same key queues a new job.
        let claimed = try harness.pool.withConnection {
            try harness.queue.claim(leases: ["sync": 30], limit: 10, workerID: "w", on: $0)
        }
        #expect(claimed.count == 2)
        #expect(!(try harness.enqueue("sync", uniqueKey: "sync:campaign-1").isNew))
        try harness.pool.withConnection { _ = try harness.queue.complete(first.job.id, workerID: "w", on: $0) }
        let third = try harness.enqueue("sync", uniqueKey: "sync:campaign-1")
        #expect(third.isNew && third.job.id != first.job.id)
    }

    @Test func aJobWhoseLeaseExpiredIsTakenByAnotherWorkerAndTheFirstCannotFinishIt() throws {
        let harness = try JobsHarness()
        let id = try harness.enqueue("lease").job.id
        let ghost = try harness.pool.withConnection { try harness.queue.claim(leases: ["lease": 0.3], limit: 1, workerID: "ghost", on: $0) }
        #expect(ghost.map(\.id) == [id])
        // While the lease holds, nobody else gets it.
        #expect(try harness.pool.withConnection { try harness.queue.claim(leases: ["lease": 30], limit: 1, workerID: "other", on: $0) }.isEmpty)
        let runs = Recorder<Int>()
        let worker = harness.worker([JobDefinition(kind: "lease", lease: 5) { job, _ in runs.append(job.attempts) }], poll: 0.05)
        worker.start()
        let succeeded = try eventually { try harness.job(id).state == .succeeded }
        worker.stop()
        #expect(succeeded)
        #expect(runs.values == [2])
        #expect(try harness.job(id).lastError == "lease expired: ghost stopped before finishing")
        #expect(try harness.pool.withConnection { try harness.queue.complete(id, workerID: "ghost", on: $0) } == false)
    }

    @Test func whenALeaseExpiredAndAnotherThreadOfTheSameWorkerTookTheJobTheFirstCannotFinishIt() throws {
        let harness = try JobsHarness()
        let id = try harness.enqueue("slowpoke").job.id
        let runs = Recorder<Int>()
        let finishes = Recorder<Int>()
        // A 60 s lease renews every 20 s: the test expires it by hand while the first run goes on.
        let worker = harness.worker([JobDefinition(kind: "slowpoke", lease: 60) { job, _ in
            runs.append(job.attempts)
            Thread.sleep(forTimeInterval: job.attempts == 1 ? 1.5 : 3)
            finishes.append(job.attempts)
        }], threads: 2, poll: 0.05)
        worker.start()
        defer { worker.stop() }
        #expect(eventually { runs.values == [1] })
        try harness.pool.withConnection { _ = try $0.query("UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = \(id)") }
        // The worker's other thread reclaims the job and runs it again.
        #expect(eventually(timeout: 5) { runs.values == [1, 2] })
        #expect(eventually(timeout: 5) { finishes.values == [1] })
        Thread.sleep(forTimeInterval: 0.3)
        // The first run lost its lease: it does not mark the job done under the second run.
        #expect(try harness.job(id).state == .running)
        #expect(try eventually(timeout: 10) { try harness.job(id).state == .succeeded })
        #expect(finishes.values == [1, 2])
    }

    @Test func anExpiredLeaseOnTheLastAttemptMakesTheJobDead() throws {
        let harness = try JobsHarness()
        let id = try harness.enqueue("last", maxAttempts: 1).job.id
        _ = try harness.pool.withConnection { try harness.queue.claim(leases: ["last": 0.1], limit: 1, workerID: "ghost", on: $0) }
        usleep(300_000)
        #expect(try harness.pool.withConnection { try harness.queue.claim(leases: ["last": 30], limit: 1, workerID: "w", on: $0) }.isEmpty)
        #expect(try harness.pool.withConnection { try harness.queue.reclaimExpired(on: $0) } == 1)
        let job = try harness.job(id)
        #expect(job.state == .dead)
        #expect(job.lastError == "lease expired: ghost stopped before finishing the last attempt")
        #expect(job.finishedAt != nil)
    }

    @Test func theHeartbeatKeepsALongJobsLeaseAlive() throws {
        let harness = try JobsHarness()
        let id = try harness.enqueue("long").job.id
        let runs = Recorder<String>()
        let worker = harness.worker([JobDefinition(kind: "long", lease: 0.4) { _, context in
            runs.append(context.workerID)
            Thread.sleep(forTimeInterval: 1.5)
        }], threads: 1, poll: 0.05)
        worker.start()
        #expect(eventually { !runs.values.isEmpty })
        // Past the first lease, the renewed lease has not expired: nothing to reclaim, nothing to claim.
        Thread.sleep(forTimeInterval: 0.8)
        #expect(try harness.pool.withConnection { try harness.queue.reclaimExpired(on: $0) } == 0)
        #expect(try harness.pool.withConnection { try harness.queue.claim(leases: ["long": 30], limit: 1, workerID: "thief", on: $0) }.isEmpty)
        let succeeded = try eventually { try harness.job(id).state == .succeeded }
        worker.stop()
        #expect(succeeded)
        #expect(try harness.job(id).attempts == 1)
    }

    @Test func aNotificationWakesAnIdleWorkerLongBeforeItsPollInterval() throws {
        let harness = try JobsHarness()
        let runs = Recorder<Date>()
        let worker = harness.worker([JobDefinition(kind: "ping") { _, _ in runs.append(Date()) }], threads: 2, poll: 60)
        worker.start()
        defer { worker.stop() }
        // Let both threads find nothing and go to sleep for their 60 s poll interval.
        Thread.sleep(forTimeInterval: 0.5)
        for _ in 0..<3 {
            let queuedAt = Date()
            let before = runs.values.count
            try harness.enqueue("ping")
            #expect(eventually(timeout: 5) { runs.values.count == before + 1 })
            if let ranAt = runs.values.last { #expect(ranAt.timeIntervalSince(queuedAt) < 2) }
        }
    }

    @Test func stopLetsRunningJobsFinishAndClaimsNothingNew() throws {
        let harness = try JobsHarness()
        let first = try harness.enqueue("slow").job.id
        let started = Recorder<UUID>()
        let worker = harness.worker([JobDefinition(kind: "slow") { job, _ in
            started.append(job.id)
            Thread.sleep(forTimeInterval: 0.5)
        }], threads: 1, poll: 0.05, grace: 5)
        worker.start()
        #expect(eventually { started.values == [first] })
        let second = try harness.enqueue("slow").job.id
        worker.stop()
        #expect(try harness.job(first).state == .succeeded)
        #expect(try harness.job(second).state == .queued)
        #expect(started.values == [first])
    }

    @Test func stopReturnsAsSoonAsTheRunningJobIsDoneNotAHeartbeatLater() throws {
        let harness = try JobsHarness()
        let id = try harness.enqueue("brief").job.id
        let started = Recorder<UUID>()
        // A 60 s lease renews every 20 s; the job takes 0.3 s and the grace is 30 s.
        let worker = harness.worker([JobDefinition(kind: "brief", lease: 60) { job, _ in
            started.append(job.id)
            Thread.sleep(forTimeInterval: 0.3)
        }], threads: 1, poll: 0.05, grace: 30)
        worker.start()
        #expect(eventually { started.values == [id] })
        let stopping = Date()
        worker.stop()
        let took = Date().timeIntervalSince(stopping)
        #expect(took < 3, "stop() took \(took) s")
        #expect(try harness.job(id).state == .succeeded)
    }

    @Test func stopGivesBackJobsThatOutlastTheGraceAndThoseReleasedByTheirHandler() throws {
        let harness = try JobsHarness()
        let stuck = try harness.enqueue("stuck").job.id
        let polite = try harness.enqueue("polite").job.id
        let started = Recorder<String>()
        let worker = harness.worker([
            JobDefinition(kind: "stuck") { _, _ in
                started.append("stuck")
                Thread.sleep(forTimeInterval: 3)
            },
            JobDefinition(kind: "polite") { _, context in
                started.append("polite")
                while !context.isStopping { usleep(10_000) }
                throw JobReleased()
            },
        ], threads: 2, poll: 0.05, grace: 0.5)
        worker.start()
        #expect(eventually { started.values.count == 2 })
        worker.stop()
        for id in [stuck, polite] {
            let job = try harness.job(id)
            #expect(job.state == .queued)
            #expect(job.attempts == 0)
            #expect(job.lockedBy == nil)
        }
    }
}
