import Foundation
import Jobs
import Postgres
import Testing
import TestSupport

/// Periodic jobs: once per period, however many schedulers tick at the same time.
@Suite struct SchedulerTests {
    @Test func twoSchedulersTickingConcurrentlyQueueEachPeriodOnce() throws {
        let harness = try JobsHarness()
        let schedulers = (0..<2).map { _ in
            Scheduler(pool: harness.database.pool(maximumConnections: 2), jobs: [PeriodicJob(kind: "everySecond", interval: 1)])
        }
        let queued = Recorder<String>()
        let group = DispatchGroup()
        let started = Date()
        let deadline = Date(timeIntervalSinceNow: 2.5)
        for scheduler in schedulers {
            for _ in 0..<2 {
                DispatchQueue.global().async(group: group) {
                    while Date() < deadline {
                        if let jobs = try? scheduler.tick() { jobs.forEach { queued.append($0.uniqueKey ?? "") } }
                        usleep(5_000)
                    }
                }
            }
        }
        group.wait()
        // One job per one-second period that the ticking spanned, never more.
        let periods = Int(Date().timeIntervalSince1970) - Int(started.timeIntervalSince1970) + 1
        let keys = queued.values
        #expect(keys.count >= 2 && keys.count <= periods, "\(keys) in \(periods) periods")
        #expect(Set(keys).count == keys.count, "a period was queued twice: \(keys)")
        #expect(try harness.count("SELECT count(*) FROM jobs WHERE kind = 'everySecond'") == keys.count)
        #expect(try harness.count("SELECT count(DISTINCT unique_key) FROM jobs WHERE kind = 'everySecond'") == keys.count)
        #expect(try harness.count("SELECT count(*) FROM jobs WHERE kind = 'everySecond' AND organization_id IS NOT NULL") == 0)
    }

    @Test func aLongIntervalRunsOnceAndNotAgainUntilTheNextPeriod() throws {
        let harness = try JobsHarness()
        let first = Scheduler(pool: harness.pool, jobs: [PeriodicJob(kind: "hourly", interval: 3600)])
        let second = Scheduler(pool: harness.pool, jobs: [PeriodicJob(kind: "hourly", interval: 3600)])
        #expect(try first.tick().count == 1)
        #expect(try second.tick().isEmpty)
        #expect(try first.tick().isEmpty)
        let next: Date = try harness.pool.withConnection {
            try $0.query("SELECT next_run_at FROM job_schedules WHERE kind = 'hourly'")[0].decode("next_run_at")
        }
        #expect(next > Date() && next.timeIntervalSinceNow <= 3600)
        #expect(Int(next.timeIntervalSince1970) % 3600 == 0)
    }

    @Test func theSchedulerThreadQueuesAndAWorkerRunsThePeriodicJob() throws {
        let harness = try JobsHarness()
        let runs = Recorder<UUID>()
        let worker = harness.worker([JobDefinition(kind: "tick") { job, _ in runs.append(job.id) }], poll: 0.05)
        let scheduler = Scheduler(pool: harness.pool, jobs: [PeriodicJob(kind: "tick", interval: 3600)], tickInterval: 0.1)
        worker.start()
        scheduler.start()
        let ran = eventually { runs.values.count == 1 }
        Thread.sleep(forTimeInterval: 0.3)
        scheduler.stop()
        worker.stop()
        #expect(ran)
        #expect(runs.values.count == 1)
    }
}
