/// Byte-level questions about a string's UTF-8, answered over its contiguous storage: a tight loop instead of
/// the `String.UTF8View` iterator, for the escapers that look at every byte a build writes.
extension String {
    /// Whether the UTF-8 holds `byte`: a quick test before a search that needs Foundation or builds anything.
    func containsUTF8Byte(_ byte: UInt8) -> Bool {
        containsUTF8Byte { $0 == byte }
    }

    /// Whether any UTF-8 byte satisfies `predicate`.
    func containsUTF8Byte(where predicate: (UInt8) -> Bool) -> Bool {
        var text = self
        return text.withUTF8 { bytes in bytes.contains(where: predicate) }
    }

    /// Appends this string's UTF-8 to `out`, rewritten by `step`: the bytes for which `changes` is false are
    /// copied as they are, in runs; at each other byte, `step` is handed the bytes and that byte's index, appends
    /// what they become, and moves the index past the bytes it consumed (at least one).
    func appendUTF8(to out: inout [UInt8], changing changes: (UInt8) -> Bool,
                    rewriting step: (UnsafeBufferPointer<UInt8>, inout Int, inout [UInt8]) -> Void) {
        var text = self
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let runStart = index
                while index < bytes.count, !changes(bytes[index]) { index += 1 }
                if index > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                if index < bytes.count { step(bytes, &index, &out) }
            }
        }
    }

    /// This string with its UTF-8 rewritten by `step`, as `appendUTF8(to:changing:rewriting:)` does.
    func rewritingUTF8(changing changes: (UInt8) -> Bool,
                       _ step: (UnsafeBufferPointer<UInt8>, inout Int, inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 32)
        appendUTF8(to: &out, changing: changes, rewriting: step)
        return String(decoding: out, as: UTF8.self)
    }
}
