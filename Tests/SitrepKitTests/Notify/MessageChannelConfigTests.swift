import Foundation
import Testing
@testable import SitrepKit

/// The `email` and `sms` channel entries and `signup_url`: secrets from `${VAR}`, one sentence per bad value.
@Suite struct MessageChannelConfigTests {
    private struct Decoded {
        var email: EmailChannelSettings?
        var sms: SMSChannelSettings?
        var signup: String?
        var problems: [String]
        var unset: [String]
    }

    private func decode(_ yaml: String, environment: [String: String] = [:]) -> Decoded {
        let collector = DiagnosticCollector(path: "sitrep.yml")
        var decoder = ConfigDecoder(collector: collector, baseDirectory: URL(fileURLWithPath: "/srv/status"),
                                    expander: EnvironmentExpander(environment: environment))
        var result = Decoded(problems: [], unset: [])
        if let root = YAMLDocument.parse(yaml, into: collector), var reader = YAMLMapReader(root, keyPath: "notifications", collector: collector) {
            result.signup = decoder.decodeSignupURL(&reader)
            if var entry = reader.map("email") {
                result.email = decoder.decodeEmailChannel(&entry, name: "mail")
                entry.finish()
            }
            if var entry = reader.map("sms") {
                result.sms = decoder.decodeSMSChannel(&entry, name: "text")
                entry.finish()
            }
            reader.finish()
        }
        result.problems = collector.diagnostics.map(\.description)
        result.unset = decoder.unsetVariables.map(\.description)
        return result
    }

    @Test func emailAndSMSWithSecretsFromTheEnvironment() throws {
        let decoded = decode("""
        signup_url: mailto:subscribe@example.org
        email:
          url: smtp://smtp.example.org:587
          username: ${SMTP_USER}
          password: ${SMTP_PASSWORD}
          from: "Example Status <status@example.org>"
          to: [ops@example.org]
          ca_file: certs/relay.pem
        sms:
          account_sid: ${TWILIO_SID}
          auth_token: ${TWILIO_TOKEN}
          from: "+15550001111"
        """, environment: ["SMTP_USER": "mailer", "SMTP_PASSWORD": "pa55word", "TWILIO_SID": "AC999", "TWILIO_TOKEN": "tok3n-xyz"])
        #expect(decoded.problems.isEmpty, "\(decoded.problems)")
        let email = try #require(decoded.email)
        #expect(email.url == "smtp://smtp.example.org:587" && email.starttls)
        #expect(email.username == "mailer" && email.password == "pa55word")
        #expect(email.from == MailAddress(displayName: "Example Status", address: "status@example.org"))
        #expect(email.to == ["ops@example.org"])
        #expect(email.unsubscribeURL == "mailto:status@example.org?subject=unsubscribe")
        #expect(email.caFile?.path == "/srv/status/certs/relay.pem")
        #expect(email.redactor.redact("login pa55word") == "login ${SMTP_PASSWORD}")
        let sms = try #require(decoded.sms)
        #expect(sms.url == "https://api.twilio.com/2010-04-01/Accounts/AC999/Messages.json")
        #expect(sms.authToken == "tok3n-xyz")
        #expect(decoded.signup == "mailto:subscribe@example.org")
    }

    @Test func badValuesAreOneSentenceEachWithLine() {
        let decoded = decode("""
        signup_url: javascript:alert(1)
        email:
          url: https://smtp.example.org
          from: nobody
          to: [ops@example.org, "not an address"]
          unsubscribe_url: ftp://x
          events: [incident_opend]
        sms:
          url: ftp://gateway
          account_sid: AC1
          auth_token: ${UNSET_TOKEN}
          from: "+1555"
          to: ["555-1234"]
          colour: red
        """)
        let problems = decoded.problems
        #expect(problems.contains { $0.hasPrefix("sitrep.yml:1:") && $0.contains("'notifications.signup_url' must be a mailto:") })
        #expect(problems.contains { $0.hasPrefix("sitrep.yml:3:") && $0.contains("must be an smtp:// or smtps:// URL") })
        #expect(problems.contains { $0.hasPrefix("sitrep.yml:4:") && $0.contains("'notifications.email.from' must be an address") })
        #expect(problems.contains { $0.hasPrefix("sitrep.yml:5:") && $0.contains("item 2 is not a plain email address") })
        #expect(problems.contains { $0.hasPrefix("sitrep.yml:6:") && $0.contains("unsubscribe_url") })
        #expect(problems.contains { $0.hasPrefix("sitrep.yml:7:") && $0.contains("'notifications.email.events'") })
        #expect(problems.contains { $0.hasPrefix("sitrep.yml:9:") && $0.contains("'notifications.sms.url' must be an absolute http") })
        #expect(problems.contains { $0.hasPrefix("sitrep.yml:13:") && $0.contains("item 1 must be an international number") })
        #expect(problems.contains { $0.hasPrefix("sitrep.yml:14:") && $0.contains("unknown key 'notifications.sms.colour'") })
        #expect(decoded.unset.contains { $0.contains("${UNSET_TOKEN}") })
        #expect(decoded.email == nil && decoded.sms == nil)
    }
}

/// Header text as RFC 5322 and 2047 want it.
@Suite struct MailHeaderTextTests {
    @Test func asciiStaysAndTheRestIsEncodedInShortWords() {
        #expect(MailHeaderText.encode("Plain subject") == "Plain subject")
        let encoded = MailHeaderText.encode(String(repeating: "Verzögerung ✓ ", count: 12))
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") && $0.count <= 75 })
        #expect(!MailHeaderText.encode("two\nlines").contains("\n"))
    }

    @Test func dateIsRFC5322InUTC() {
        #expect(MailHeaderText.date(Date(timeIntervalSince1970: 1_795_176_000)) == "Fri, 20 Nov 2026 12:00:00 +0000")
    }

    @Test func addressesWithNamesParse() {
        #expect(MailAddress.parse("\"Ops, Team\" <ops@example.org>") == MailAddress(displayName: "Ops, Team", address: "ops@example.org"))
        #expect(MailAddress.parse("a@b") == MailAddress(displayName: nil, address: "a@b"))
        #expect(MailAddress.parse("a b@c") == nil)
        #expect(MailAddress.parse("a@b>\r\nBcc: x@y") == nil)
    }
}
