import Foundation

/// One page of the browser, driven like a user would: navigate, type, click, choose files; and read
/// back what it shows.
struct BrowserPage: Sendable {
    let pipe: DevToolsPipe
    let session: String

    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:]) async throws -> [String: Any] {
        try await pipe.send(method, params, session: session)
    }

    func navigate(_ url: URL) async throws {
        try await send("Page.navigate", ["url": url.absoluteString])
        try await waitUntil("document.readyState === 'complete'", "the page loads")
    }

    /// Evaluates JavaScript (awaiting a promise) and returns its JSON value.
    @discardableResult
    func evaluate(_ expression: String) async throws -> Any? {
        let result = try await send("Runtime.evaluate", ["expression": expression, "awaitPromise": true, "returnByValue": true])
        if let exception = result["exceptionDetails"] as? [String: Any] {
            let description = (exception["exception"] as? [String: Any])?["description"] ?? exception["text"] ?? exception
            throw BrowserError("JavaScript failed: \(description)\n\(expression)")
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Polls `condition` (a JavaScript expression) until it is truthy.
    func waitUntil(_ condition: String, _ what: String, timeout: Double = 30) async throws {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while true {
            let value = try? await evaluate("Boolean(\(condition))")
            if value as? Bool == true { return }
            if Date() > deadline {
                // What the page shows then, so a failure says more than "timed out".
                let shown = try? await evaluate("(document.querySelector('#step-heading')?.textContent ?? '') + ' | alert: ' + (document.querySelector('#alert')?.textContent ?? '')")
                throw BrowserError("timed out waiting until \(what): \(condition)\n\(shown as? String ?? "")\n\(problems())")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The text content of the first element matching `selector`, nil when there is none.
    func text(_ selector: String) async throws -> String? {
        try await evaluate("document.querySelector(\(Self.quoted(selector)))?.textContent ?? null") as? String
    }

    func exists(_ selector: String) async throws -> Bool {
        try await evaluate("document.querySelector(\(Self.quoted(selector))) !== null") as? Bool ?? false
    }

    /// Focuses a text field, selects what it holds and types `text` over it, a few characters at a
    /// time, as keyboard input (each insertion fires the `input` events a user's typing does).
    func type(_ selector: String, _ text: String, chunk: Int = 4) async throws {
        try await evaluate("(() => { const e = document.querySelector(\(Self.quoted(selector))); e.focus(); e.select(); })()")
        if text.isEmpty {
            try await send("Input.dispatchKeyEvent", ["type": "keyDown", "key": "Backspace", "code": "Backspace", "windowsVirtualKeyCode": 8])
            try await send("Input.dispatchKeyEvent", ["type": "keyUp", "key": "Backspace", "code": "Backspace", "windowsVirtualKeyCode": 8])
            return
        }
        var rest = Substring(text)
        while !rest.isEmpty {
            try await send("Input.insertText", ["text": String(rest.prefix(chunk))])
            rest = rest.dropFirst(chunk)
        }
    }

    /// Presses a key on the focused element (`Enter`, ` `).
    func press(_ key: String, code: String, keyCode: Int) async throws {
        try await send("Input.dispatchKeyEvent", ["type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": keyCode, "text": key == "Enter" ? "\r" : key])
        try await send("Input.dispatchKeyEvent", ["type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": keyCode])
    }

    /// Clicks the middle of an element with the mouse, as a user would.
    func click(_ selector: String) async throws {
        try await waitUntil("document.querySelector(\(Self.quoted(selector)))", "\(selector) exists")
        // The point must hit the element itself: content drawn in the meantime (a list that finished loading) may
        // have moved it, and a press there would land on something else.
        var box: [Double] = []
        var previous: [Double] = []
        for _ in 0..<40 {
            box = try await evaluate("""
                (() => { const e = document.querySelector(\(Self.quoted(selector))); if (!e) return [];
                  e.scrollIntoView({ block: 'center' });
                  const r = e.getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + r.height / 2;
                  const hit = document.elementFromPoint(x, y);
                  return hit && (hit === e || e.contains(hit)) ? [x, y] : []; })()
                """) as? [Double] ?? []
            // Pressed once it stood still for one look (content still arriving moves it).
            if box.count == 2 && box == previous { break }
            previous = box
            box = []
            try await Task.sleep(for: .milliseconds(50))
        }
        guard box.count == 2 else { throw BrowserError("\(selector) cannot be pressed: nothing of it is under its centre") }
        for type in ["mousePressed", "mouseReleased"] {
            try await send("Input.dispatchMouseEvent", ["type": type, "x": box[0], "y": box[1], "button": "left", "clickCount": 1])
        }
    }

    /// Presses `selector` until `condition` holds, for a press that only moves the page on (Next): under load an
    /// image arriving can move the button between aiming and pressing, and the press lands beside it.
    func click(_ selector: String, until condition: String, _ what: String, timeout: Double = 30) async throws {
        for _ in 0..<3 {
            try await click(selector)
            if (try? await waitUntil(condition, what, timeout: timeout / 3)) != nil { return }
        }
        try await waitUntil(condition, what, timeout: 1)
    }

    /// Chooses `file` in a file input, which fires its `change` event.
    func chooseFile(_ selector: String, _ file: URL) async throws {
        let document = try await send("DOM.getDocument", ["depth": 0])
        guard let root = (document["root"] as? [String: Any])?["nodeId"] as? Int else { throw BrowserError("no document") }
        let node = try await send("DOM.querySelector", ["nodeId": root, "selector": selector])
        guard let nodeID = node["nodeId"] as? Int, nodeID != 0 else { throw BrowserError("no \(selector)") }
        try await send("DOM.setFileInputFiles", ["files": [file.path], "nodeId": nodeID])
    }

    /// Slows the page's uploads to `bytesPerSecond` (nil: full speed), to watch what it shows meanwhile.
    func throttleUploads(bytesPerSecond: Int?) async throws {
        try await send("Network.enable")
        try await send("Network.emulateNetworkConditions", [
            "offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": bytesPerSecond ?? -1,
        ])
    }

    /// A PNG of one element, written to `file`.
    /// A phone's screen: the layout viewport `width` × `height` CSS pixels, mobile rules on (headless
    /// Chromium's window cannot be made narrower than 500 px).
    func emulatePhone(width: Int = 390, height: Int = 844) async throws {
        try await emulateScreen(width: width, height: height, mobile: true)
    }

    /// A screen of `width` × `height` CSS pixels, whatever the window's size.
    func emulateScreen(width: Int, height: Int, mobile: Bool = false) async throws {
        _ = try await send("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile])
    }

    /// What the window shows now, without scrolling.
    func screenshotOfWindow(to file: URL) async throws {
        let shot = try await send("Page.captureScreenshot", ["format": "png"])
        guard let base64 = shot["data"] as? String, let png = Data(base64Encoded: base64) else { throw BrowserError("no screenshot") }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try png.write(to: file)
    }

    func screenshot(_ selector: String, to file: URL) async throws {
        let box = try await evaluate("""
            (() => { const e = document.querySelector(\(Self.quoted(selector))); e.scrollIntoView({ block: 'start' });
              const r = e.getBoundingClientRect(); return [r.x + scrollX, r.y + scrollY, r.width, r.height]; })()
            """) as? [Double] ?? []
        guard box.count == 4, box[2] > 0, box[3] > 0 else { throw BrowserError("\(selector) is not visible") }
        let shot = try await send("Page.captureScreenshot", [
            "format": "png", "captureBeyondViewport": true,
            "clip": ["x": box[0], "y": box[1], "width": box[2], "height": box[3], "scale": 1],
        ])
        guard let base64 = shot["data"] as? String, let png = Data(base64Encoded: base64) else { throw BrowserError("no screenshot") }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try png.write(to: file)
    }

    /// Uncaught exceptions and console errors of the page so far, as text.
    func problems() -> [String] {
        pipe.eventsSnapshot().compactMap { event -> String? in
            let params = event["params"] as? [String: Any] ?? [:]
            switch event["method"] as? String {
            case "Runtime.exceptionThrown":
                let details = params["exceptionDetails"] as? [String: Any] ?? [:]
                return "exception: \((details["exception"] as? [String: Any])?["description"] ?? details["text"] ?? "")"
            case "Runtime.consoleAPICalled" where params["type"] as? String == "error":
                let args = (params["args"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? $0["description"] ?? "")" }
                return "console.error: \(args.joined(separator: " "))"
            default:
                return nil
            }
        }
    }

    static func quoted(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
