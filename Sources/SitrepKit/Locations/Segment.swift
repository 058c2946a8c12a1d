import Crypto
import Foundation

/// What one probe location sends to the builder: the runs it recorded since its last export (`sitrep export`),
/// as one file that any file transport can carry.
///
/// A file is one header line, then the body:
/// `sitrep-segment 2 location=eu runs=41-100 results=30000 bytes=391234 sha256=<hex>\n` + body. The header names
/// the location and the range of its run ids (a location's runs are numbered in its own database, so the pair
/// identifies a segment: importing it twice changes nothing); `bytes` and `sha256` make a file cut short by a
/// failed upload, or damaged, fail to decode as a whole, so nothing of it is imported.
///
/// Format 2 adds a flow's steps to each result (format 1 files, which carry none, are still read); a result's
/// failed-condition summary is in both.
public struct Segment: Sendable, Hashable {
    /// One run of the location, with the id its own database gave it.
    public struct Run: Sendable, Hashable {
        public var id: Int64
        public var run: ProbeRun
        public var results: [CheckResult]

        public init(id: Int64, run: ProbeRun, results: [CheckResult]) {
            self.id = id
            self.run = run
            self.results = results
        }
    }

    /// The format `encoded()` writes; `decode` reads it and every older one.
    public static let formatVersion = 2
    static let magic = "sitrep-segment"
    /// The file name extension of segments (`sitrep import` is given the files themselves).
    public static let fileExtension = "segment"

    public var location: String
    /// In ascending id order; never empty.
    public var runs: [Run]

    public init(location: String, runs: [Run]) {
        self.location = location
        self.runs = runs
    }

    public var firstRunID: Int64 { runs.first?.id ?? 0 }
    public var lastRunID: Int64 { runs.last?.id ?? 0 }
    public var resultCount: Int { runs.reduce(0) { $0 + $1.results.count } }

    /// `<location>.<first run>-<last run>.segment`, zero-padded so that a folder lists a location's segments in order.
    public var fileName: String {
        "\(location).\(Self.padded(firstRunID))-\(Self.padded(lastRunID)).\(Self.fileExtension)"
    }

    private static func padded(_ id: Int64) -> String {
        let digits = String(id)
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    /// A location name: 1 to 64 letters, digits, `.`, `_` or `-` (it becomes part of file names).
    public static func isValidLocation(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64 && name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
    }

    // MARK: Encoding

    /// The whole file, in `version` (the current format unless a test asks for an older one).
    public func encoded() -> Data { encoded(version: Self.formatVersion) }

    func encoded(version: Int) -> Data {
        let body = encodedBody(version: version)
        let digest = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        let header = "\(Self.magic) \(version) location=\(location) runs=\(firstRunID)-\(lastRunID) "
            + "results=\(resultCount) bytes=\(body.count) sha256=\(digest)\n"
        var data = Data(header.utf8)
        data.append(contentsOf: body)
        return data
    }

    private func encodedBody(version: Int) -> [UInt8] {
        var writer = SegmentByteWriter()
        // The checks, each once; results name them by index.
        var checkIndex: [SeriesKey: Int] = [:]
        var checks: [SeriesKey] = []
        for run in runs {
            for result in run.results {
                let key = SeriesKey(componentID: result.componentID, checkID: result.checkID, type: result.type)
                if checkIndex[key] == nil {
                    checkIndex[key] = checks.count
                    checks.append(key)
                }
            }
        }
        writer.varint(UInt64(checks.count))
        for check in checks {
            writer.string(check.componentID)
            writer.string(check.checkID)
            writer.varint(UInt64(StoreCodes.code(check.type)))
        }
        writer.varint(UInt64(runs.count))
        for run in runs {
            let startMs = StoreTime.milliseconds(run.run.startedAt)
            writer.int(run.id)
            writer.int(startMs)
            writer.double(run.run.durationMs)
            writer.varint(UInt64(run.results.count))
            for result in run.results {
                let key = SeriesKey(componentID: result.componentID, checkID: result.checkID, type: result.type)
                writer.varint(UInt64(checkIndex[key] ?? 0))
                writer.int(StoreTime.milliseconds(result.at) - startMs)
                writer.varint(UInt64(StoreCodes.code(result.status)))
                writer.optional(result.latencyMs.map(StoreCodes.microseconds))
                Self.write(result.timings, to: &writer)
                writer.optional(result.httpStatus.map(Int64.init))
                Self.write(result.error, to: &writer)
                writer.varint(UInt64(max(0, result.attempts)))
                if version >= 2 {
                    writer.varint(UInt64(result.steps.count))
                    for step in result.steps {
                        writer.string(step.name)
                        writer.optional(step.status.map { Int64(StoreCodes.code($0)) })
                        writer.optional(step.httpStatus.map(Int64.init))
                        Self.write(step.timings, to: &writer)
                        Self.write(step.error, to: &writer)
                    }
                }
            }
        }
        return writer.bytes
    }

    private static func write(_ timings: PhaseTimings?, to writer: inout SegmentByteWriter) {
        guard let timings else { return writer.varint(0) }
        writer.varint(1)
        for phase in [timings.dnsMs, timings.connectMs, timings.tlsMs, timings.ttfbMs, timings.totalMs] {
            writer.int(StoreCodes.microseconds(phase))
        }
    }

    private static func write(_ error: ProbeError?, to writer: inout SegmentByteWriter) {
        guard let error else { return writer.varint(0) }
        writer.varint(UInt64(StoreCodes.code(error.kind)) + 1)
        writer.string(error.message)
        writer.optional(error.severity.map { Int64(StoreCodes.code($0)) })
        writer.varint(error.summary == nil ? 0 : 1)
        if let summary = error.summary { writer.string(summary) }
    }

    private static func readTimings(_ reader: inout SegmentByteReader) throws -> PhaseTimings? {
        guard try reader.varint() == 1 else { return nil }
        // Arguments are evaluated in order: dns, connect, tls, ttfb, total, as written.
        return PhaseTimings(
            dnsMs: StoreCodes.milliseconds(try reader.int()), connectMs: StoreCodes.milliseconds(try reader.int()),
            tlsMs: StoreCodes.milliseconds(try reader.int()), ttfbMs: StoreCodes.milliseconds(try reader.int()),
            totalMs: StoreCodes.milliseconds(try reader.int()))
    }

    private static func readError(_ reader: inout SegmentByteReader) throws -> ProbeError? {
        let kindCode = try reader.varint()
        guard kindCode > 0 else { return nil }
        let message = try reader.string()
        let severity = try reader.optional().flatMap { StoreCodes.checkStatus($0) }
        let summary = try reader.varint() == 1 ? try reader.string() : nil
        return ProbeError(kind: StoreCodes.errorKind(Int64(clamping: kindCode - 1)), message: message,
                          summary: summary, severity: severity)
    }

    private struct SeriesKey: Hashable {
        var componentID: String
        var checkID: String
        var type: CheckType
    }

    // MARK: Decoding

    /// Decodes a whole file; throws `SegmentError` (one sentence naming `path`) for anything but a complete,
    /// undamaged segment.
    public static func decode(_ data: Data, path: String) throws -> Segment {
        let bytes = [UInt8](data)
        guard let newline = bytes.firstIndex(of: 0x0A), newline < 1024,
              let header = String(bytes: bytes[..<newline], encoding: .utf8)
        else {
            throw SegmentError(path: path, problem: bytes.isEmpty ? .empty : .notASegment)
        }
        let words = header.split(separator: " ")
        guard words.count == 7, words[0] == magic else { throw SegmentError(path: path, problem: .notASegment) }
        guard let version = Int(words[1]), (1...formatVersion).contains(version) else {
            throw SegmentError(path: path, problem: .newerFormat(String(words[1])))
        }
        var fields: [String: String] = [:]
        for word in words.dropFirst(2) {
            let parts = word.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { throw SegmentError(path: path, problem: .notASegment) }
            fields[String(parts[0])] = String(parts[1])
        }
        guard let location = fields["location"], isValidLocation(location),
              let length = fields["bytes"].flatMap({ Int($0) }), let digest = fields["sha256"],
              let resultCount = fields["results"].flatMap({ Int($0) })
        else { throw SegmentError(path: path, problem: .notASegment) }
        // The body is read where it is, not copied out (19 MB for a day of 500 checks).
        let bodyStart = newline + 1
        let bodyCount = bytes.count - bodyStart
        guard bodyCount >= length else {
            throw SegmentError(path: path, problem: .cutShort(expected: length, found: bodyCount))
        }
        guard bodyCount == length,
              SHA256.hash(data: bytes[bodyStart...]).map({ String(format: "%02x", $0) }).joined() == digest
        else { throw SegmentError(path: path, problem: .damaged) }
        do {
            let segment = try decodeBody(bytes, from: bodyStart, location: location, version: version)
            guard segment.resultCount == resultCount, !segment.runs.isEmpty,
                  fields["runs"] == "\(segment.firstRunID)-\(segment.lastRunID)"
            else { throw SegmentFormatError.malformed }
            return segment
        } catch {
            throw SegmentError(path: path, problem: .damaged)
        }
    }

    /// The body is `bytes[start...]`.
    private static func decodeBody(_ bytes: [UInt8], from start: Int, location: String, version: Int) throws -> Segment {
        var reader = SegmentByteReader(bytes, from: start)
        let bodyCount = bytes.count - start
        let checkCount = try reader.count(atMost: bodyCount)
        var checks: [SeriesKey] = []
        checks.reserveCapacity(checkCount)
        for _ in 0..<checkCount {
            let componentID = try reader.string()
            let checkID = try reader.string()
            guard let type = StoreCodes.checkType(Int64(clamping: try reader.varint())) else { throw SegmentFormatError.malformed }
            checks.append(SeriesKey(componentID: componentID, checkID: checkID, type: type))
        }
        let runCount = try reader.count(atMost: bodyCount)
        var runs: [Run] = []
        runs.reserveCapacity(runCount)
        var previousID = Int64.min
        for _ in 0..<runCount {
            let id = try reader.int()
            guard id > previousID else { throw SegmentFormatError.malformed }
            previousID = id
            let startMs = try reader.int()
            let duration = try reader.double()
            let resultCount = try reader.count(atMost: bodyCount)
            var results: [CheckResult] = []
            results.reserveCapacity(resultCount)
            for _ in 0..<resultCount {
                let index = try reader.count(atMost: checks.count - 1)
                let check = checks[index]
                let atMs = startMs &+ (try reader.int())
                guard let status = StoreCodes.checkStatus(Int64(clamping: try reader.varint())) else { throw SegmentFormatError.malformed }
                let latency = try reader.optional().map(StoreCodes.milliseconds)
                let timings = try readTimings(&reader)
                let httpStatus = try reader.optional().map { Int(clamping: $0) }
                let error = try readError(&reader)
                let attempts = try reader.count(atMost: Int(Int32.max))
                let stepCount = version >= 2 ? try reader.count(atMost: bodyCount) : 0
                var steps: [FlowStepResult] = []
                if stepCount > 0 {
                    steps.reserveCapacity(stepCount)
                    for _ in 0..<stepCount {
                        let name = try reader.string()
                        let stepStatus = try reader.optional().map { code in
                            guard let status = StoreCodes.checkStatus(code) else { throw SegmentFormatError.malformed }
                            return status
                        }
                        let stepHTTPStatus = try reader.optional().map { Int(clamping: $0) }
                        steps.append(FlowStepResult(name: name, status: stepStatus, httpStatus: stepHTTPStatus,
                                                    timings: try readTimings(&reader), error: try readError(&reader)))
                    }
                }
                results.append(CheckResult(
                    componentID: check.componentID, checkID: check.checkID, type: check.type, at: StoreTime.date(atMs),
                    status: status, latencyMs: latency, httpStatus: httpStatus, timings: timings, error: error,
                    attempts: attempts, steps: steps))
            }
            runs.append(Run(id: id, run: ProbeRun(startedAt: StoreTime.date(startMs), durationMs: duration, location: location),
                            results: results))
        }
        guard reader.isAtEnd else { throw SegmentFormatError.malformed }
        return Segment(location: location, runs: runs)
    }
}
