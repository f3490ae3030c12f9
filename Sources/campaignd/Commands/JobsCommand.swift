import Foundation
import Jobs
import Postgres

/// `campaignd jobs`: what the queue holds, queuing a job by hand, and the queue's benchmark.
enum JobsCommand {
    static let help = """
        usage: campaignd jobs [status] [--failures N]
               campaignd jobs enqueue --kind KIND [--payload JSON] [--unique-key KEY] [--max-attempts N]
               campaignd jobs bench [--jobs N] [--workers N] [--threads N]
               campaignd jobs bench-sync [--campaigns N] [--batch N]

        status (the default) prints how many jobs of each kind are in each state, then the latest N failures
        (default 10) with their last error. enqueue queues a system job (no organization) and prints its id.
        bench queues N `noop` jobs (default 20000) into the database and runs them with N in-process workers
        (default 2) of N threads each (default 4), then prints the claim rate in jobs per second.
        bench-sync creates N live campaigns (default 10000) on the simulated platforms (CAMPAIGND_SIMULATOR_URL)
        for a throwaway organization, times a full metrics sync and a re-run in batches of N (default 500),
        then deletes the organization.

        \(Configuration.environmentHelp)
        """

    static func run(_ arguments: [String]) throws -> Int32 {
        var arguments = arguments
        let action = arguments.first.flatMap { $0.hasPrefix("-") ? nil : $0 } ?? "status"
        if arguments.first == action { arguments.removeFirst() }
        switch action {
        case "status":
            let options = try CommandOptions(arguments, command: "jobs status", valued: ["failures"])
            if options.wantsHelp { FileHandleOutput.standardOutput(help + "\n"); return 0 }
            let failures = try number(options, "failures", default: 10, command: "jobs status")
            return try status(failures: failures)
        case "enqueue":
            let options = try CommandOptions(arguments, command: "jobs enqueue", valued: ["kind", "payload", "unique-key", "max-attempts"])
            if options.wantsHelp { FileHandleOutput.standardOutput(help + "\n"); return 0 }
            let job = NewJob(
                kind: try options.required("kind", command: "jobs enqueue"), payloadJSON: options.value("payload") ?? "{}",
                uniqueKey: options.value("unique-key"), maxAttempts: try number(options, "max-attempts", default: 5, command: "jobs enqueue"))
            return try enqueue(job)
        case "bench":
            let options = try CommandOptions(arguments, command: "jobs bench", valued: ["jobs", "workers", "threads"])
            if options.wantsHelp { FileHandleOutput.standardOutput(help + "\n"); return 0 }
            return try JobsBench.run(
                jobs: try number(options, "jobs", default: 20_000, command: "jobs bench"),
                workers: try number(options, "workers", default: 2, command: "jobs bench"),
                threads: try number(options, "threads", default: 4, command: "jobs bench"))
        case "bench-sync":
            let options = try CommandOptions(arguments, command: "jobs bench-sync", valued: ["campaigns", "batch"])
            if options.wantsHelp { FileHandleOutput.standardOutput(help + "\n"); return 0 }
            return try SyncBench.run(
                campaigns: try number(options, "campaigns", default: 10_000, command: "jobs bench-sync"),
                batch: try number(options, "batch", default: 500, command: "jobs bench-sync"))
        default:
            throw UsageError("unknown jobs command \"\(action)\" (see campaignd jobs --help)")
        }
    }

    static func number(_ options: CommandOptions, _ name: String, default value: Int, command: String) throws -> Int {
        guard let text = options.value(name) else { return value }
        guard let number = Int(text), number >= 1 else { throw UsageError("\(command): --\(name) must be a positive integer, got \"\(text)\"") }
        return number
    }

    static func status(failures limit: Int) throws -> Int32 {
        let configuration = try Configuration.fromEnvironment()
        let pool = PostgresPool(conninfo: configuration.databaseURL, maximumConnections: 1)
        let queue = JobQueue()
        let (counts, failures) = try pool.withConnection { connection in
            (try queue.counts(on: connection), try queue.latestFailures(limit: limit, on: connection))
        }
        let states = JobState.allCases
        let kinds = Array(Set(counts.map(\.kind))).sorted()
        let width = max(20, (kinds.map(\.count).max() ?? 0) + 2)
        var text = "kind".padding(toLength: width, withPad: " ", startingAt: 0)
            + states.map { $0.rawValue.leftPadded(to: 10) }.joined() + "\n"
        for kind in kinds {
            text += kind.padding(toLength: width, withPad: " ", startingAt: 0)
            for state in states {
                let count = counts.first { $0.kind == kind && $0.state == state }?.count ?? 0
                text += String(count).leftPadded(to: 10)
            }
            text += "\n"
        }
        if kinds.isEmpty { text += "(no jobs)\n" }
        text += "\nlatest failures:\n"
        if failures.isEmpty { text += "(none)\n" }
        for job in failures {
            let firstLine = (job.lastError ?? "").split(separator: "\n").first.map(String.init) ?? ""
            text += "\(job.updatedAt.formatted(.iso8601))  \(job.kind)  \(job.id.uuidString.lowercased())  "
                + "\(job.state.rawValue) after \(job.attempts)/\(job.maxAttempts)  \(firstLine)\n"
        }
        FileHandleOutput.standardOutput(text)
        return 0
    }

    static func enqueue(_ job: NewJob) throws -> Int32 {
        guard (try? JSONSerialization.jsonObject(with: Data(job.payloadJSON.utf8))) is [String: Any] else {
            throw UsageError("jobs enqueue: --payload must be a JSON object")
        }
        let configuration = try Configuration.fromEnvironment()
        let pool = PostgresPool(conninfo: configuration.databaseURL, maximumConnections: 1)
        let enqueued = try pool.withTransaction { try JobQueue().enqueue(job, on: $0) }
        FileHandleOutput.standardOutput("\(enqueued.isNew ? "queued" : "already pending") \(enqueued.job.kind) \(enqueued.job.id.uuidString.lowercased())\n")
        return 0
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
