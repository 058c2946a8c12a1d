import Testing
@testable import SitrepKit
@Test func placeholder() { #expect(CheckStatus.down > CheckStatus.up) }
