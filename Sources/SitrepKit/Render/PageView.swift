import Mustache

/// A page view that answers template lookups with typed values (`TemplateLookups.swift`). swift-mustache asks
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
