/// The members of a JSON object, kept sorted by key in a plain array, which is the order `JSONValue` writes
/// them in. A document is built once and written once; storing its members in a `Dictionary` hashed every key
/// to store it, sorted the pairs again to write them, and cost more than the rest of building the API.
///
/// Written like a dictionary (`["id": .string(id)]`, `members["target"] = …`); a key given twice keeps its
/// last value, as assigning twice to a dictionary would.
struct JSONMembers: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    struct Member: Sendable, Hashable {
        let key: String
        var value: JSONValue
    }

    /// Sorted by key, each key once.
    private(set) var members: [Member] = []

    init(dictionaryLiteral elements: (String, JSONValue)...) {
        members.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    subscript(key: String) -> JSONValue? {
        get {
            let index = position(of: key)
            return index < members.count && members[index].key == key ? members[index].value : nil
        }
        set {
            let index = position(of: key)
            let present = index < members.count && members[index].key == key
            switch (present, newValue) {
            case (true, let value?): members[index].value = value
            case (true, nil): members.remove(at: index)
            case (false, let value?): members.insert(Member(key: key, value: value), at: index)
            case (false, nil): break
            }
        }
    }

    /// The index of `key`, or where it would be inserted to keep the keys sorted. Members are built in code
    /// from literals of a dozen keys, so the common case is appending: checked first.
    private func position(of key: String) -> Int {
        guard let last = members.last, !(last.key < key) else { return members.count }
        var low = 0
        var high = members.count
        while low < high {
            let middle = (low + high) / 2
            if members[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
