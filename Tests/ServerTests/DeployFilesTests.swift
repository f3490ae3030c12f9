import Foundation
import Testing
import TestSupport

/// The files in deploy/ are what an operator installs: nginx accepts the production site, systemd accepts the
/// units, and neither serves the platform simulator.
@Suite struct DeployFilesTests {
    static let deploy = TestPaths.repository.appendingPathComponent("deploy")

    @Test func nginxAcceptsTheProductionSiteWhichHasNoSimulator() throws {
        let directory = try TestPaths.temporaryDirectory("deploy-nginx")
        defer { try? FileManager.default.removeItem(at: directory) }
        let certificate = try runCommand("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=ads.example.com",
            "-keyout", directory.appendingPathComponent("privkey.pem").path, "-out", directory.appendingPathComponent("fullchain.pem").path,
        ])
        #expect(certificate.status == 0, "\(certificate.output)")
        let site = try String(contentsOf: Self.deploy.appendingPathComponent("nginx/campaignd.conf"), encoding: .utf8)
        let code = site.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }.joined(separator: "\n")
        #expect(!code.contains("simulator") && !code.contains("_control"))
        #expect(code.contains("location = /metrics {\n        allow 127.0.0.1;\n        allow ::1;\n        deny all;"))
        let local = site.replacingOccurrences(of: "/etc/ssl/campaignd", with: directory.path)
            .replacingOccurrences(of: "/var/log/nginx", with: directory.path)
        try local.write(to: directory.appendingPathComponent("campaignd.conf"), atomically: true, encoding: .utf8)
        try """
            pid \(directory.path)/nginx.pid;
            error_log \(directory.path)/error.log;
            events {}
            http {
                include /etc/nginx/mime.types;
                include \(directory.path)/campaignd.conf;
            }
            """.write(to: directory.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
        let checked = try runCommand("/usr/sbin/nginx", ["-t", "-p", directory.path, "-c", directory.appendingPathComponent("nginx.conf").path,
                                                        "-e", directory.appendingPathComponent("error.log").path])
        #expect(checked.status == 0, "\(checked.output)")
        #expect(checked.output.contains("test is successful"), "\(checked.output)")
    }

    /// systemd-analyze prints what it ignores (a misspelt setting) without failing: any line naming a unit fails.
    @Test func systemdAcceptsTheUnits() throws {
        let directory = try TestPaths.temporaryDirectory("deploy-systemd")
        defer { try? FileManager.default.removeItem(at: directory) }
        var units: [String] = []
        for (template, instance) in [("campaignd-migrate.service", "campaignd-migrate.service"),
                                     ("campaignd-serve@.service", "campaignd-serve@1.service"),
                                     ("campaignd-worker@.service", "campaignd-worker@1.service")] {
            let text = try String(contentsOf: Self.deploy.appendingPathComponent("systemd/\(template)"), encoding: .utf8)
            #expect(text.contains("Restart=on-failure") || template.contains("migrate"))
            #expect(text.contains("User=campaignd"))
            let local = text.replacingOccurrences(of: "/usr/local/bin/campaignd", with: TestPaths.campaignd.path)
            try local.write(to: directory.appendingPathComponent(instance), atomically: true, encoding: .utf8)
            units.append(directory.appendingPathComponent(instance).path)
        }
        let verified = try runCommand("/usr/bin/systemd-analyze", ["verify"] + units)
        #expect(verified.status == 0, "\(verified.output)")
        #expect(!verified.output.contains("campaignd-"), "\(verified.output)")
    }
}
