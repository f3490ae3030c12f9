import Foundation
import GraphQL
import GraphQLFuzzing
import Testing
import TestSupport

/// The short fuzz run of `make test`: every corpus input and every crash reproducer `make fuzz` ever kept, then
/// seeded mutations of the corpus, each through `FuzzTarget`, whose invariants stop the process on a finding.
@Suite struct FuzzReplayTests {
    static let fuzzFolder = TestPaths.repository.appendingPathComponent("Tests/Fuzz")

    static func inputs(in folder: String) throws -> [[UInt8]] {
        let directory = fuzzFolder.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { [UInt8](try Data(contentsOf: directory.appendingPathComponent($0))) }
    }

    @Test func theCorpusAndEveryReproducerRunClean() throws {
        let corpus = try Self.inputs(in: "corpus")
        #expect(corpus.count >= 30)
        // Each entry point is seeded.
        #expect(Set(corpus.compactMap { $0.first.map { $0 % 4 } }) == [0, 1, 2, 3])
        for input in corpus + (try Self.inputs(in: "crashes")) { FuzzTarget.run(input) }
    }

    @Test func seededMutationsOfTheCorpusRunClean() throws {
        let corpus = try Self.inputs(in: "corpus")
        var mutator = FuzzMutator(seed: 0x5EED_2026)
        var inputs = corpus
        for round in 0..<3_000 {
            let input = mutator.mutate(inputs[round % inputs.count], splicingWith: corpus[(round * 7) % corpus.count])
            FuzzTarget.run(input)
            if round % 10 == 0 { inputs.append(input) }
        }
        #expect(inputs.count == corpus.count + 300)
    }
}
