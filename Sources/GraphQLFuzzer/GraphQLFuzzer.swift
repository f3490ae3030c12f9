import Foundation
import GraphQLFuzzing

/// libFuzzer's entry: `make fuzz` builds this with `--sanitize=fuzzer -DFUZZING`, and libFuzzer supplies `main`.
/// Built without them, as `swift build` does, the replay driver below is `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

#if !FUZZING
/// The replay driver: runs every file (or every file of every folder) named on the command line.
@main
enum ReplayDriver {
    static func main() throws {
        var replayed = 0
        for path in CommandLine.arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("GraphQLFuzzer: no such file \(path)\n".utf8))
                exit(2)
            }
            let files = isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { "\(path)/\($0)" }
                : [path]
            for file in files {
                FuzzTarget.run([UInt8](try Data(contentsOf: URL(fileURLWithPath: file))))
                replayed += 1
            }
        }
        print("GraphQLFuzzer: replayed \(replayed) input(s) without a finding")
    }
}
#endif
