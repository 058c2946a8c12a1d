/// Byte-level questions about a string's UTF-8, answered over its contiguous storage: a tight loop instead of
/// the `String.UTF8View` iterator, for the escapers that look at every byte a build writes.
extension String {
    /// Whether any UTF-8 byte satisfies `predicate`.
    func containsUTF8Byte(where predicate: (UInt8) -> Bool) -> Bool {
        var text = self
        return text.withUTF8 { bytes in bytes.contains(where: predicate) }
    }
}
