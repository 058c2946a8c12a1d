import Foundation
import Testing
@testable import SitrepKit

@Suite struct ProbePureLogicTests {
    @Test func jsonPathsWithArrayIndexes() throws {
        let document = try #require(ResponseJSON.parse(Data(#"{"a": {"b": [10, {"c": "x"}]}, "t": true, "n": null}"#.utf8)))
        #expect(document.value(atPath: "a.b.0") == .number(10))
        #expect(document.value(atPath: "a.b.1.c") == .string("x"))
        #expect(document.value(atPath: "a.b.2") == nil)
        #expect(document.value(atPath: "a.x") == nil)
        #expect(document.value(atPath: "t")?.matches(.bool(true)) == true)
        #expect(document.value(atPath: "t")?.matches(.number(1)) == false)
        #expect(document.value(atPath: "n")?.matches(.null) == true)
        #expect(document.value(atPath: "a.b.0")?.matches(.string("10")) == true)
    }

    /// libcurl's detail goes into the sentence without its line breaks and trailing full stop.
    @Test func transportFailureSentencesQuoteLibcurlTidily() {
        let timedOut = TransferFailure(reason: .timedOut, detail: "Operation timed out after 2000 milliseconds\nwith 0 bytes received.\n")
        #expect(timedOut.probeError(timeoutMs: 2000, maxBodyBytes: nil).message
                == "No complete response within 2000 ms (Operation timed out after 2000 milliseconds with 0 bytes received).")
        #expect(TransferFailure(reason: .other, detail: " . ").probeError(timeoutMs: 1, maxBodyBytes: nil).message == "The request failed.")
        #expect(TransferFailure(reason: .connectionLost, detail: "Recv failure: Connection reset by peer").probeError(timeoutMs: 1, maxBodyBytes: nil).message
                == "The connection broke while talking to the server (Recv failure: Connection reset by peer).")
        // ASCII is trimmed byte by byte, other text by character: both the same way.
        #expect(TransferFailure(reason: .other, detail: "\t.. a\r\nb\u{0B}c .\u{0C}").probeError(timeoutMs: 1, maxBodyBytes: nil).message
                == "The request failed (a  b c).")
        #expect(TransferFailure(reason: .other, detail: "\u{2028} é\u{2028}ü . ").probeError(timeoutMs: 1, maxBodyBytes: nil).message
                == "The request failed (é ü).")
    }

    /// The probe's terminal table: columns padded to the widest cell, two spaces apart, no trailing spaces.
    @Test func textTableAlignsColumns() {
        let table = TextTable.render(header: ["ID", "TYPE", "STATUS"], rows: [["api", "http", "UP"], ["database-main", "postgres", "DOWN"]])
        #expect(table == """
            ID             TYPE      STATUS
            api            http      UP
            database-main  postgres  DOWN
            """)
    }

    /// Non-ASCII cells are padded by characters, the last column is never padded (a long message does not widen
    /// the others' lines), and a line ends without spaces even when its last cell is empty or ends in spaces.
    @Test func textTablePadsByCharactersAndTrimsLineEnds() {
        let table = TextTable.render(header: ["COMPONENT", "STATUS", "ERROR"], rows: [
            ["café-api", "UP", ""],
            ["db", "DOWN", "timeout: No complete response within 2000 ms.  "],
            ["zürich-ünïcödé", "DEGRADED", "slow"],
        ])
        #expect(table == """
            COMPONENT       STATUS    ERROR
            café-api        UP
            db              DOWN      timeout: No complete response within 2000 ms.
            zürich-ünïcödé  DEGRADED  slow
            """)
    }

    @Test func opensslAndISOExpiryDates() throws {
        let openssl = try #require(CertificateExpiryDate.parse("Jan  5 12:00:00 2027 GMT"))
        let iso = try #require(CertificateExpiryDate.parse("2027-01-05 12:00:00 GMT"))
        #expect(openssl == iso)
        #expect(openssl.timeIntervalSince1970 == 1_799_150_400)
        #expect(CertificateExpiryDate.parse("garbage") == nil)
    }

    @Test func evaluatorOrderAndDefaults() {
        let now = Date(timeIntervalSince1970: 0)
        let soon = now.addingTimeInterval(3 * 86_400)
        let body = Data("hello".utf8)
        let plain = HTTPResponseEvaluator(expectations: HTTPExpectations(), now: now)
        #expect(plain.problem(status: 204, body: body, totalMs: 5, certificateExpiry: nil) == nil)
        #expect(plain.problem(status: 301, body: body, totalMs: 5, certificateExpiry: nil) == nil)
        #expect(plain.problem(status: 404, body: body, totalMs: 5, certificateExpiry: nil)?.kind == .httpStatus)
        let strict = HTTPResponseEvaluator(expectations: HTTPExpectations(maxResponseMs: 10, certMinDays: 14), now: now)
        #expect(strict.problem(status: 200, body: body, totalMs: 50, certificateExpiry: soon)?.kind == .certificate)
        #expect(strict.problem(status: 200, body: body, totalMs: 50, certificateExpiry: nil)?.kind == .slow)
        #expect(strict.problem(status: 200, body: body, totalMs: 5, certificateExpiry: now.addingTimeInterval(30 * 86_400)) == nil)
    }

    @Test func transportFailuresMapToSpecKinds() {
        let cases: [(TransferFailure.Reason, ProbeErrorKind)] = [
            (.nameResolution, .dns), (.connectionRefusedOrUnreachable, .connect), (.connectionLost, .connect),
            (.timedOut, .timeout), (.tls, .tls), (.tooManyRedirects, .redirects), (.bodyTooLarge, .tooLarge),
            (.emptyReply, .other), (.other, .other),
        ]
        for (reason, kind) in cases {
            let error = TransferFailure(reason: reason, detail: "detail.\n").probeError(timeoutMs: 1000, maxBodyBytes: 10)
            #expect(error.kind == kind)
            #expect(error.message.hasSuffix("."))
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func tcpURLBracketsIPv6() {
        #expect(CheckTarget.connectURL(host: "::1", port: 22) == "http://[::1]:22/")
        #expect(CheckTarget.connectURL(host: "db.example", port: 5432) == "http://db.example:5432/")
    }
}
