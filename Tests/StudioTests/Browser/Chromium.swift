import Foundation
import TestSupport

/// Headless Chromium (Debian's `chromium`) driven over the DevTools pipe, with one page open.
final class Chromium: @unchecked Sendable {
    let pid: pid_t
    let pipe: DevToolsPipe
    let profile: URL
    let logFile: URL

    static var executable: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(width: Int = 1400, height: Int = 1000) throws {
        guard let executable = Self.executable else {
            throw BrowserError("chromium is not installed: run scripts/install-deps.sh")
        }
        profile = try TestPaths.temporaryDirectory("campaignd-chromium")
        logFile = profile.appendingPathComponent("chromium.log")
        var toBrowser: [Int32] = [0, 0], fromBrowser: [Int32] = [0, 0]
        guard Foundation.pipe(&toBrowser) == 0, Foundation.pipe(&fromBrowser) == 0 else { throw BrowserError("pipe() failed") }
        // Park the child's ends above 3 and 4 so dup2 onto 3 and 4 cannot overwrite one with the other.
        let childRead = fcntl(toBrowser[0], F_DUPFD_CLOEXEC, 100), childWrite = fcntl(fromBrowser[1], F_DUPFD_CLOEXEC, 100)
        close(toBrowser[0]); close(fromBrowser[1])
        _ = fcntl(toBrowser[1], F_SETFD, FD_CLOEXEC); _ = fcntl(fromBrowser[0], F_SETFD, FD_CLOEXEC)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logFile.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_adddup2(&actions, childRead, 3)
        posix_spawn_file_actions_adddup2(&actions, childWrite, 4)
        let arguments = [
            executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--remote-debugging-pipe", "--user-data-dir=\(profile.path)", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-sync", "--mute-audio", "--hide-scrollbars",
            "--force-device-scale-factor=1", "--window-size=\(width),\(height)", "about:blank",
        ]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.merging(["LANG": "en_US.UTF-8", "TZ": "UTC"]) { $1 }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(childRead); close(childWrite)
        guard result == 0 else { throw BrowserError("cannot start chromium: \(String(cString: strerror(result)))") }
        self.pid = pid
        Watchdog.whenTestsExit("kill -9 \(pid); rm -rf \(profile.path)")
        pipe = DevToolsPipe(
            reading: FileHandle(fileDescriptor: fromBrowser[0], closeOnDealloc: true),
            writing: FileHandle(fileDescriptor: toBrowser[1], closeOnDealloc: true))
    }

    /// The first page target, attached with a session of its own, its events switched on.
    func page() async throws -> BrowserPage {
        let deadline = Date(timeIntervalSinceNow: 20)
        while Date() < deadline {
            let targets = try await pipe.send("Target.getTargets")["targetInfos"] as? [[String: Any]] ?? []
            if let target = targets.first(where: { $0["type"] as? String == "page" }), let id = target["targetId"] as? String {
                let attached = try await pipe.send("Target.attachToTarget", ["targetId": id, "flatten": true])
                guard let session = attached["sessionId"] as? String else { throw BrowserError("no session: \(attached)") }
                let page = BrowserPage(pipe: pipe, session: session)
                for domain in ["Page.enable", "Runtime.enable", "DOM.enable"] { _ = try await page.send(domain) }
                return page
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BrowserError("chromium opened no page: \(log)")
    }

    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    func stop() {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        try? FileManager.default.removeItem(at: profile)
    }
}
