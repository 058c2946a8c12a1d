/// The known key an unknown one was probably meant to be (`componets` → `components`): the closest by edit
/// distance (insertions, deletions, substitutions and swaps of neighbours, ignoring case), if it is close
/// enough to be a typo: at most one edit per three characters, and at least one.
enum KeySuggestion {
    /// `; did you mean 'KEY'?`, or empty when no known key is close.
    static func didYouMean(_ key: String, among known: some Sequence<String>) -> String {
        guard let match = closest(to: key, among: known) else { return "" }
        return "; did you mean '\(match)'?"
    }

    static func closest(to key: String, among known: some Sequence<String>) -> String? {
        let typed = Array(key.lowercased().unicodeScalars)
        let limit = max(1, typed.count / 3)
        var best: (distance: Int, key: String)?
        for candidate in known.sorted() where candidate != key {
            let distance = editDistance(typed, Array(candidate.lowercased().unicodeScalars))
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (distance, candidate)
            }
        }
        return best?.key
    }

    /// Optimal string alignment distance between two scalar arrays.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], twoBack[j - 2] + 1)
                }
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }
}
