/// Which rollup series a row belongs to: a component's (`checkID` empty) or one check's. Ids are slugs (ASCII,
/// checked by the config), so equal strings are equal bytes, as SQLite compares them.
struct RollupKey: Hashable {
    var componentID: String
    var checkID: String

    /// Component id, then check id, each compared as UTF-8 bytes.
    func precedes(_ other: RollupKey) -> Bool {
        if componentID != other.componentID { return componentID.utf8.lexicographicallyPrecedes(other.componentID.utf8) }
        return checkID.utf8.lexicographicallyPrecedes(other.checkID.utf8)
    }
}
