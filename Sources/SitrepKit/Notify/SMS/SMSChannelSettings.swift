import Foundation

/// An `sms` channel from `notifications.channels`: an HTTP gateway taking a form POST, Twilio's Messages API by
/// default (`https://api.twilio.com/2010-04-01/Accounts/<account_sid>/Messages.json`, HTTP Basic auth with the
/// account SID and auth token, fields `From`, `To`, `Body`). `url` points it elsewhere (a compatible gateway, a
/// test receiver).
public struct SMSChannelSettings: Sendable {
    public var name: String
    public var url: String
    public var accountSID: String
    public var authToken: String
    /// The sending number (E.164) or messaging service id the gateway expects in `From`.
    public var from: String
    /// Numbers from `to:` in the config; subscribers with a `phone:` come on top.
    public var to: [String]
    public var redactor: SecretRedactor

    public init(name: String, url: String? = nil, accountSID: String, authToken: String, from: String, to: [String] = [],
                redactor: SecretRedactor = .init()) {
        self.name = name
        self.url = url ?? Self.twilioURL(accountSID: accountSID)
        self.accountSID = accountSID
        self.authToken = authToken
        self.from = from
        self.to = to
        self.redactor = redactor
    }

    public static func twilioURL(accountSID: String) -> String {
        "https://api.twilio.com/2010-04-01/Accounts/\(accountSID)/Messages.json"
    }
}
