extension Array {
    /// The elements grouped by `key`, each group in the array's order: what `Dictionary(grouping:by:)` gives.
    /// Elements with the same key mostly come in one run (a store snapshot is ordered by component), so a key is
    /// hashed once per run instead of once per element; any order still gives the right groups.
    func grouped<Key: Hashable>(byRunsOf key: (Element) -> Key) -> [Key: [Element]] {
        var groups: [Key: [Element]] = [:]
        var start = startIndex
        while start < endIndex {
            let runKey = key(self[start])
            var end = start + 1
            while end < endIndex, key(self[end]) == runKey { end += 1 }
            groups[runKey, default: []].append(contentsOf: self[start..<end])
            start = end
        }
        return groups
    }
}
