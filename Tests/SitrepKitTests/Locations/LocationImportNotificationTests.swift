import Foundation
import Testing
@testable import SitrepKit

/// An import enqueues the status changes its agreed history makes hold, as a probe's append does: a change the
/// locations agree on is announced once, one a single location sees alone is not.
@Suite struct LocationImportNotificationTests {
    @Test func anImportAnnouncesTheAgreedChangeOnceAndALoneLocationsOutageNever() throws {
        let sites = try ThreeLocations()
        let config = ComponentStatusHoldTests.config(hold: HoldSettings(runs: 2))
        let outbox = StatusOutbox(detector: ComponentStatusDetector(config: config),
                                  targets: DeliveryTarget.all(config.notifications, subscribers: []))
        func announced() throws -> [String] {
            try sites.builder.readNotifications { db in try NotificationOutbox.openDeliveries(db) }.map { delivery in
                guard case .component(let id, _, let from, let to, _) = delivery.event.subject else { return "?" }
                return "\(id): \(from?.rawValue ?? "none")>\(to.rawValue)"
            }
        }
        func importNew() throws -> SegmentImportReport {
            try sites.importFiles(["ams", "nyc"].flatMap { try sites.ship($0) }, notifying: outbox)
        }

        try sites.probe("ams", minutes: 0..<10)
        try sites.probe("nyc", minutes: 0..<10)
        #expect(try importNew().agreedRuns > 0)
        // The first status held is operational: the starting point, not news.
        #expect(try announced() == [])

        try sites.probe("ams", minutes: 10..<20, down: Set(10..<20))
        try sites.probe("nyc", minutes: 10..<20)
        #expect(try importNew().agreedRuns > 0)
        #expect(try announced() == [], "ams alone saw api down: no agreement, nothing to announce")

        try sites.probe("ams", minutes: 20..<30, down: Set(20..<30))
        try sites.probe("nyc", minutes: 20..<30, down: Set(20..<30))
        #expect(try importNew().agreedRuns > 0)
        #expect(try announced() == ["api: operational>major_outage"])

        // Importing the same segments again changes nothing and announces nothing more.
        let again = try sites.importFiles(try FileManager.default.contentsOfDirectory(at: sites.inbox, includingPropertiesForKeys: nil),
                                          notifying: outbox)
        #expect(again.outcomes.allSatisfy { $0.outcome == .duplicate })
        #expect(try announced() == ["api: operational>major_outage"])
    }
}
