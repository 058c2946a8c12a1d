/// Why a site could not be published; one readable sentence naming the path. The previous site is intact.
public struct PublishError: Error, Sendable, CustomStringConvertible, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
