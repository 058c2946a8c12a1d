import Foundation
import Testing

/// Random and mutated config, front matter, Markdown and templates through the built binary's `check` and
/// `build`. Every case must end in a build or a refusal: exit 0 or 1, never a signal or a hang (the harness kills
/// a case at its deadline and fails it), never a secret in the output, and after a refusal the previous site is
/// there byte for byte. `check` and `build` must agree on whether the inputs are valid.
///
/// The seed is fixed so that CI is repeatable; `SITREP_FUZZ_SEED` and `SITREP_FUZZ_CASES` run other and more
/// cases locally. A failure names its seed and case and keeps the inputs that caused it.
@Suite("hostile inputs, randomized", .serialized)
struct HostileInputFuzzTests {
    static let secret = "fz-secret-3b1f9c07"
    static let now = "2026-11-20T12:00:00Z"
    /// Far above what any case needs on a loaded 2-core machine; reaching it means a hang.
    static let deadline: TimeInterval = 60

    static let config = """
    site:
      title: Fuzz Status
      url: https://status.fuzz.test
      description: A site whose inputs are mutated
      timezone: Europe/Berlin
      refresh_seconds: 30
    probe:
      timeout_ms: 1000
      retries: 0
    uptime:
      weights: {major_outage: 1.0, partial_outage: 0.3, degraded_performance: 0.0}
    groups:
      - {id: core, name: Core platform}
    components:
      - id: api
        name: Public API
        group: core
        description: REST API
        checks:
          - id: health
            type: http
            url: http://127.0.0.1:1/health?token=${FUZZ_SECRET}
            headers: {Authorization: "Bearer ${FUZZ_SECRET}"}
            public: true
            expect: {status: [200], body_contains: ok, json: {status: UP}, max_response_ms: 800}
      - id: web
        name: Website
        checks:
          - {id: port, type: tcp, host: 127.0.0.1, port: 1}
          - {id: dns, type: dns, name: web.fuzz.invalid, record: A}

    """

    static let incident = """
    ---
    title: Elevated API error rates
    impact: major
    components: {api: major_outage, web: degraded_performance}
    root_cause: Connection pool exhaustion
    updates:
      - at: 2026-11-20T11:02:00Z
        status: resolved
        message: Error rates are back to normal.
      - at: 2026-11-20 10:40
        status: identified
        eta: 2026-11-20T10:30:00Z
        message: |
          A bad deploy exhausted the **connection pool**. Rolling back.
      - {at: 2026-11-20T09:15:00Z, status: investigating, message: We see 5xx rates on the API.}
    ---
    ## Timeline

    | time | what |
    |------|------|
    | 09:15 | alert |

    - [x] rolled back
    - [ ] ~~postmortem~~ see <https://fuzz.test/pm> and `code`

    """

    static let maintenance = """
    ---
    title: Database upgrade
    components: [web]
    scheduled_for: 2026-11-21T02:00:00Z
    scheduled_until: 2026-11-21 04:30
    updates:
      - {at: 2026-11-19T08:00:00Z, status: scheduled, message: We will upgrade the database.}
    ---
    Expect *short* interruptions.

    """

    /// The files a case may mutate, with how often each is chosen.
    static let targets: [(path: String, weight: Int)] = [
        ("sitrep.yml", 30), ("content/incidents/2026-11-20-errors.md", 35),
        ("content/maintenance/2026-11-21-db.md", 20), ("templates/pages/index.mustache", 5),
        ("templates/partials/bars.mustache", 5), ("templates/pages/incident.mustache", 5),
    ]

    @Test func everyMutatedInputEndsInABuildOrARefusal() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["SITREP_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_206
        let cases = environment["SITREP_FUZZ_CASES"].flatMap { Int($0) } ?? 40
        // The site sits three folders deep in its own scratch folder, so an output path such as `..` can never
        // reach anything but the scratch folder, whatever a case does.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-fuzz-\(UUID().uuidString)")
        let root = scratch.appendingPathComponent("a/b/repo")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var originals: [String: [UInt8]] = [
            "sitrep.yml": Array(Self.config.utf8),
            "content/incidents/2026-11-20-errors.md": Array(Self.incident.utf8),
            "content/maintenance/2026-11-21-db.md": Array(Self.maintenance.utf8),
        ]
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SitrepProcess.packageRoot.appendingPathComponent("templates"),
                                         to: root.appendingPathComponent("templates"))
        for (path, _) in Self.targets where originals[path] == nil {
            originals[path] = try [UInt8](Data(contentsOf: root.appendingPathComponent(path)))
        }
        for (path, bytes) in originals { try write(bytes, to: root.appendingPathComponent(path)) }

        let first = try run(["build", "--now", Self.now], in: root)
        try #require(first.status == 0 && !first.signalled, "the unmutated fixture builds: \(first.stderr)")
        var published = try tree(root.appendingPathComponent("site"))
        try #require(published["index.html"] != nil)

        var mutator = InputMutator(generator: SeededGenerator(state: seed))
        let totalWeight = Self.targets.reduce(0) { $0 + $1.weight }
        var outcomes = (built: 0, refused: 0)
        for index in 0..<cases {
            var pick = Int.random(in: 0..<totalWeight, using: &mutator.generator)
            let target = Self.targets.first { pick -= $0.weight; return pick < 0 }?.path ?? "sitrep.yml"
            let original = originals[target] ?? []
            let mutated = mutator.mutate(original)
            let file = root.appendingPathComponent(target)
            try write(mutated, to: file)
            let label = "seed \(seed) case \(index): \(target)"

            let check = try run(["check"], in: root)
            if environment["SITREP_FUZZ_VERBOSE"] != nil { print("\(label): check \(check.status): \(check.stderr.prefix(200))") }
            let build = try run(["build", "--now", Self.now], in: root)
            var failed = false
            for (command, outcome) in [("check", check), ("build", build)] {
                let ended = !outcome.timedOut && !outcome.signalled && (outcome.status == 0 || outcome.status == 1)
                failed = failed || !ended
                #expect(!outcome.timedOut, "\(label): `\(command)` still ran after \(Int(Self.deadline)) s")
                #expect(!outcome.signalled && (outcome.status == 0 || outcome.status == 1),
                        "\(label): `\(command)` ended with \(outcome.signalled ? "signal" : "status") \(outcome.status): \(outcome.stderr.prefix(600))")
                #expect(!outcome.stderr.contains("Fatal error") && !outcome.stderr.contains("Stack dump"),
                        "\(label): `\(command)` printed a crash: \(outcome.stderr.prefix(600))")
                #expect(!(outcome.stdout + outcome.stderr).contains(Self.secret), "\(label): `\(command)` printed the secret")
            }
            if check.status == 0 || check.status == 1 {
                #expect(check.status == build.status,
                        "\(label): check exited \(check.status) but build exited \(build.status): \(check.stderr.prefix(300)) | \(build.stderr.prefix(300))")
                failed = failed || check.status != build.status
            }
            let site = try tree(root.appendingPathComponent("site"))
            if build.status == 0 && !build.signalled {
                #expect(site["index.html"] != nil, "\(label): a successful build published no index.html")
                let leaked = site.filter { $0.value.range(of: Data(Self.secret.utf8)) != nil }.keys.sorted()
                #expect(leaked.isEmpty, "\(label): the secret reached \(leaked)")
                failed = failed || leaked.count > 0
                published = site
                outcomes.built += 1
            } else {
                let changed = Set(site.keys).symmetricDifference(published.keys).union(site.keys.filter { site[$0] != published[$0] })
                #expect(changed.isEmpty, "\(label): a refused build changed the published site: \(changed.sorted().prefix(5))")
                failed = failed || !changed.isEmpty
                outcomes.refused += 1
            }
            let strays = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".site.tmp") }
            #expect(strays.isEmpty, "\(label): staging folders left behind: \(strays)")
            if failed { keep(mutated, label: label) }
            try write(original, to: file)
        }
        print("hostile inputs, seed \(seed): \(outcomes.built) built, \(outcomes.refused) refused of \(cases) cases")
        // Mutations that all broke the inputs, or none, would test only half of the promise.
        #expect(cases < 20 || (outcomes.built > 0 && outcomes.refused > 0), "\(outcomes)")
    }

    private func run(_ arguments: [String], in root: URL) throws -> SitrepProcess.BoundedOutcome {
        try SitrepProcess.run(arguments, in: root, environment: ["FUZZ_SECRET": Self.secret], deadline: Self.deadline)
    }

    private func write(_ bytes: [UInt8], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Every regular file below `folder` with its bytes (an absent folder is an empty tree).
    private func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: [.isRegularFileKey]) else {
            return files
        }
        while let url = enumerator.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.resolvingSymlinksInPath().path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    /// Saves a failing case's input where the test log says, so it can be replayed by hand.
    private func keep(_ bytes: [UInt8], label: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-fuzz-failures")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = label.map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let file = folder.appendingPathComponent(String(name))
        try? Data(bytes).write(to: file)
        print("kept the input of \(label) at \(file.path)")
    }
}
