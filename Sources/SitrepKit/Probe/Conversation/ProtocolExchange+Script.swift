import Foundation

extension ProtocolExchange {
    /// The script the transfer thread runs once connected; nil when libcurl itself holds the whole exchange
    /// (`smtp` greeting, EHLO and STARTTLS; the `tls` handshake).
    func makeScript() -> (any ConversationScript)? {
        switch self {
        case .tcp(let send, let expect): TCPExchange(send: send, expect: expect)
        case .postgres(let user, let database): PostgresStartup(user: user, database: database)
        case .redis(let exchange): RedisPing(exchange)
        case .amqp: AMQPHandshake()
        case .smtp, .tls: nil
        }
    }
}
