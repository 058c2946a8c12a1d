/// Byte-level questions about a string's UTF-8, answered over its contiguous storage: a tight loop instead of
/// the `String.UTF8View` iterator, for the escapers that look at every byte a build writes.
extension String {
    /// Whether any UTF-8 byte satisfies `predicate`.
    func containsUTF8Byte(where predicate: (UInt8) -> Bool) -> Bool {
        var text = self
        return text.withUTF8 { bytes in bytes.contains(where: predicate) }
    }

    /// Appends this string's UTF-8 to `out`, rewritten by `step`: it is handed the bytes and the index of the next
    /// one, appends what they become, and moves the index past the bytes it consumed (at least one).
    func appendUTF8(to out: inout [UInt8], rewriting step: (UnsafeBufferPointer<UInt8>, inout Int, inout [UInt8]) -> Void) {
        var text = self
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count { step(bytes, &index, &out) }
        }
    }

    /// This string with its UTF-8 rewritten by `step`, as `appendUTF8(to:rewriting:)` does.
    func rewritingUTF8(_ step: (UnsafeBufferPointer<UInt8>, inout Int, inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 32)
        appendUTF8(to: &out, rewriting: step)
        return String(decoding: out, as: UTF8.self)
    }
}
