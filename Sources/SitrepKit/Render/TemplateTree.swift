import Mustache

/// A page's view value turned, once, into nodes the template engine looks into by hash lookup.
///
/// swift-mustache finds `{{name}}` in a plain struct with a fresh `Mirror` on every lookup, and again on every
/// level of the context stack it searches; for a site of hundreds of components that reflection was most of
/// the build. Walking each view value with one `Mirror` up front gives the same answers (stored properties
/// by name, `nil` optionals absent so the lookup falls through to the enclosing context, as with a Mirror)
/// at a fraction of the cost. The most repeated views (daily bars, chart rows, times, statuses) skip even that:
/// they conform to `MustacheParent` themselves. Strings, numbers, booleans, enums and anything that is not a struct stay as they are.
enum TemplateTree {
    static func make(_ value: Any) -> Any {
        convert(value) ?? value
    }

    /// The converted value, or nil for an empty optional (which a lookup must not find).
    private static func convert(_ value: Any) -> Any? {
        // Most values are strings; the cast also unwraps a non-empty `String?`.
        if let text = value as? String { return text }
        // Hot views answer lookups themselves (`MustacheParent`), with children that do too.
        if let parent = value as? MustacheParent { return parent }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label, let converted = convert(child.value) else { continue }
                fields[label] = converted
            }
            return TemplateNode(fields)
        case .collection?:
            return mirror.children.map { make($0.value) }
        case .optional?:
            return mirror.children.first.flatMap { convert($0.value) }
        default:
            return value
        }
    }
}

/// One struct's stored properties by name.
final class TemplateNode: MustacheParent {
    private let fields: [String: Any]

    init(_ fields: [String: Any]) { self.fields = fields }

    func child(named name: String) -> Any? { fields[name] }
}
