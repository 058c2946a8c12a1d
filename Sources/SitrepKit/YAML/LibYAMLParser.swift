import CYaml

/// libyaml's event parser (the copy Yams bundles), the only file that imports it: hands out one event at a time
/// as a Swift value, with every string already copied out of libyaml's buffers.
///
/// sitrep composes its own node tree from these events (`YAMLComposer`) instead of Yams' `Node`: Yams' compose
/// was two thirds of reading a config (a tag object and a weak anchor reference per node, every scalar decoded
/// through Foundation, and each mapping's keys hashed whole to look for repeats).
final class LibYAMLParser {
    enum Event {
        case streamStart, streamEnd, documentEnd
        case documentStart(at: SourceLocation)
        case alias(anchor: String, at: SourceLocation)
        case scalar(String, style: YAMLNode.Style, anchor: String?, at: SourceLocation)
        case sequenceStart(anchor: String?, at: SourceLocation)
        case sequenceEnd
        case mappingStart(anchor: String?, at: SourceLocation)
        case mappingEnd
    }

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The text's UTF-8 bytes, which libyaml reads in place until the parser is deleted.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let count: Int

    init(_ text: String) {
        count = text.utf8.count
        bytes = .allocate(capacity: max(count, 1))
        _ = bytes.initialize(from: text.utf8)
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        bytes.deallocate()
    }

    /// The next event, or the syntax error that stops the text from being read further.
    func next() throws(YAMLSyntaxError) -> Event {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw error() }
        defer { yaml_event_delete(&event) }
        let at = SourceLocation(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart(at: at)
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: Self.text(event.data.alias.anchor) ?? "", at: at)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            return .scalar(value, style: YAMLNode.Style(libyaml: scalar.style), anchor: Self.text(scalar.anchor), at: at)
        case YAML_SEQUENCE_START_EVENT:
            return .sequenceStart(anchor: Self.text(event.data.sequence_start.anchor), at: at)
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            return .mappingStart(anchor: Self.text(event.data.mapping_start.anchor), at: at)
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        default:
            throw YAMLSyntaxError(message: "unexpected event from the YAML parser", location: at)
        }
    }

    /// libyaml's description of why it stopped: its context and problem, at the problem's place.
    private func error() -> YAMLSyntaxError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return YAMLSyntaxError(message: "out of memory", location: SourceLocation(line: 1, column: 1))
        case YAML_READER_ERROR:
            // A reader error (bad UTF-8, a control character) has a byte offset, not a mark.
            return YAMLSyntaxError(message: problem, location: location(ofByte: state.problem_offset))
        default:
            let context = state.context.map { String(cString: $0) }
            let message = [context, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return YAMLSyntaxError(message: message,
                                   location: SourceLocation(line: state.problem_mark.line + 1, column: state.problem_mark.column + 1))
        }
    }

    /// Line and column (1-based) of a byte offset, the column counted in characters as libyaml's marks count them
    /// (a UTF-8 continuation byte starts none).
    private func location(ofByte offset: Int) -> SourceLocation {
        var line = 1, column = 1
        for index in 0..<min(offset, count) {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if bytes[index] & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

extension YAMLNode.Style {
    fileprivate init(libyaml style: yaml_scalar_style_t) {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: self = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: self = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: self = .literal
        case YAML_FOLDED_SCALAR_STYLE: self = .folded
        default: self = .plain
        }
    }
}
