/// A flat two-part badge (label on grey, message on a colour) as a self-contained SVG: `role="img"`, an
/// `aria-label` and a `<title>` for assistive technology, no external references, all text XML-escaped.
struct Badge {
    var label: String
    var message: String
    /// `#rrggbb`.
    var color: String
    /// The accessible name; defaults to `label: message`.
    var accessibleName: String?

    private static let padding = 10

    func svg() -> String {
        let labelWidth = BadgeTextWidth.of(label) + 2 * Self.padding
        let messageWidth = BadgeTextWidth.of(message) + 2 * Self.padding
        let width = labelWidth + messageWidth
        let name = XMLText.escape(accessibleName ?? "\(label): \(message)")
        let labelText = XMLText.escape(label)
        let messageText = XMLText.escape(message)
        // Text is drawn at 10× scale and scaled down, which keeps positions integral.
        let labelX = labelWidth * 5
        let messageX = (labelWidth + messageWidth / 2) * 10
        let labelLength = (labelWidth - 2 * Self.padding) * 10
        let messageLength = (messageWidth - 2 * Self.padding) * 10
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="20" role="img" aria-label="\(name)">\
        <title>\(name)</title>\
        <linearGradient id="shade" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/>\
        <stop offset="1" stop-opacity=".1"/></linearGradient>\
        <clipPath id="round"><rect width="\(width)" height="20" rx="3" fill="#fff"/></clipPath>\
        <g clip-path="url(#round)"><rect width="\(labelWidth)" height="20" fill="#555"/>\
        <rect x="\(labelWidth)" width="\(messageWidth)" height="20" fill="\(color)"/>\
        <rect width="\(width)" height="20" fill="url(#shade)"/></g>\
        <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" \
        text-rendering="geometricPrecision" font-size="110">\
        <text aria-hidden="true" x="\(labelX)" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" \
        textLength="\(labelLength)">\(labelText)</text>\
        <text x="\(labelX)" y="140" transform="scale(.1)" textLength="\(labelLength)">\(labelText)</text>\
        <text aria-hidden="true" x="\(messageX)" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" \
        textLength="\(messageLength)">\(messageText)</text>\
        <text x="\(messageX)" y="140" transform="scale(.1)" textLength="\(messageLength)">\(messageText)</text>\
        </g></svg>

        """
    }
}
