import Mustache

// How templates see the page views: `{{name}}` is the stored property of that name.
//
// swift-mustache falls back to a fresh `Mirror` for every lookup in a plain struct, and again on every level
// of the context stack it searches; for a site of hundreds of components that reflection was most of the
// build. Each view therefore answers lookups itself, in an extension beside the view, with the same results as
// reflection: every stored property by its name, and an empty optional as no answer (so the lookup falls
// through to the enclosing context). A property added to a view gets its `case` there too;
// `TemplateLookupTests` fails otherwise. Strings are answered as `TemplateText`, which swift-mustache prints
// with fewer dynamic casts. The answers are typed, so a page filled in from its shape reads them uncast.

/// A page view that answers template lookups with typed values (see above). swift-mustache asks
/// `child(named:)`, which hands it the same answers as `Any`; a page filled in from its shape (`TemplateShape`)
/// reads the typed answers and so checks and collects hundreds of values a page without a dynamic cast each.
protocol PageView: MustacheParent {
    func value(named name: String) -> ViewValue
}

extension PageView {
    func child(named name: String) -> Any? { value(named: name).mustacheValue }
}

/// One lookup's answer.
enum ViewValue {
    /// No answer: an unknown name or an empty optional (the lookup goes on to the enclosing views).
    case none
    /// A string, which swift-mustache is given as `TemplateText`.
    case text(String)
    case bool(Bool)
    case view(any PageView)
    /// A list of page views, which swift-mustache is given as the array it is.
    case views(any PageViewList)
    /// Anything else (numbers, lists of text), as it is.
    case other(Any)

    var mustacheValue: Any? {
        switch self {
        case .none: nil
        case .text(let text): TemplateText(text)
        case .bool(let bool): bool
        case .view(let view): view
        case .views(let list): list
        case .other(let value): value
        }
    }
}

/// A list of page views, read one at a time (an array of them as `[Any]` would box every element at once).
protocol PageViewList {
    var count: Int { get }
    func view(at index: Int) -> any PageView
}

extension Array: PageViewList where Element: PageView {
    func view(at index: Int) -> any PageView { self[index] }
}

extension ViewValue {
    /// A stored property as a lookup answers it: a string as text (`TemplateText` for swift-mustache), a flag, a
    /// view or a list of views, anything else as it is, and an empty optional as no answer.
    static func of(_ text: String) -> ViewValue { .text(text) }
    static func of(_ text: String?) -> ViewValue { text.map { .text($0) } ?? .none }
    static func of(_ flag: Bool) -> ViewValue { .bool(flag) }
    static func of(_ view: some PageView) -> ViewValue { .view(view) }
    static func of(_ view: (some PageView)?) -> ViewValue { view.map { .view($0) } ?? .none }
    static func of(_ views: [some PageView]) -> ViewValue { .views(views) }
    static func of<Value>(_ value: Value) -> ViewValue { .other(value) }
    static func of<Value>(_ value: Value?) -> ViewValue { value.map { .other($0) } ?? .none }
}
