import Foundation
import Testing
@testable import SitrepKit

@Suite struct ContentMarkdownTests {
    @Test func rendersCommonMark() {
        #expect(Markdown.html("A **bold** move.") == "<p>A <strong>bold</strong> move.</p>\n")
        #expect(Markdown.html("") == "")
    }

    @Test func rendersTables() {
        let html = Markdown.html("| a | b |\n|---|--:|\n| 1 | 2 |\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>a</th>"))
        #expect(html.contains("<td align=\"right\">2</td>"))
    }

    @Test func rendersStrikethrough() {
        #expect(Markdown.html("~~gone~~").contains("<del>gone</del>"))
    }

    @Test func rendersAutolinks() {
        #expect(Markdown.html("See https://example.com/status now").contains("<a href=\"https://example.com/status\">https://example.com/status</a>"))
        #expect(Markdown.html("or www.example.com").contains("<a href=\"http://www.example.com\">"))
    }

    @Test func rendersTaskLists() {
        let html = Markdown.html("- [x] rolled back\n- [ ] postmortem\n")
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" />"))
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" />"))
    }

    @Test func keepsSafeLinksAndImages() {
        #expect(Markdown.html("[docs](https://example.com/a?b=1&c=2)").contains("<a href=\"https://example.com/a?b=1&amp;c=2\">docs</a>"))
        #expect(Markdown.html("[rel](../incidents/x.html)").contains("href=\"../incidents/x.html\""))
        #expect(Markdown.html("![graph](img/graph.png)").contains("<img src=\"img/graph.png\" alt=\"graph\" />"))
    }

    static let injections = [
        "<script>alert(1)</script>",
        "before <script>alert(1)</script> after",
        "<img src=x onerror=alert(1)>",
        "text <img src=x onerror=alert(1)> inline",
        "<iframe src=\"https://evil.example\"></iframe>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x]( javascript:alert(1) )",
        "[x](java&#115;cript:alert(1))",
        "[x](&#x6A;avascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
        "![x](javascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](file:///etc/passwd)",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/png;base64,iVBORw0KGgo=)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href='javascript:alert(1)'>x</a>",
        "<div>\n<script>alert(1)</script>\n</div>",
        "<svg onload=alert(1)>",
        "<style>body{display:none}</style>",
        "<object data=\"x\"></object><embed src=\"x\">",
        "<!-- comment --><script>alert(1)</script>",
        "| a |\n|---|\n| <script>alert(1)</script> |",
        "- [ ] <img src=x onerror=alert(1)>",
        "~~<iframe src=x>~~",
        "[x](https://ok.example \"title\\\" onmouseover=\\\"alert(1)\")",
        "`<script>` in code is fine",
    ]

    @Test(arguments: injections)
    func neverPassesMarkupThrough(source: String) {
        let html = Markdown.html(source).lowercased()
        #expect(!html.contains("<script"), "\(html)")
        #expect(!html.contains("onerror="), "\(html)")
        #expect(!html.contains("onload="), "\(html)")
        #expect(!html.contains("onmouseover=\""), "\(html)")
        #expect(!html.contains("<iframe"), "\(html)")
        #expect(!html.contains("<svg"), "\(html)")
        #expect(!html.contains("<style"), "\(html)")
        #expect(!html.contains("<object"), "\(html)")
        #expect(!html.contains("<embed"), "\(html)")
        #expect(!html.contains("javascript:"), "\(html)")
        #expect(!html.contains("vbscript:"), "\(html)")
        #expect(!html.contains("href=\"file:"), "\(html)")
        #expect(!html.contains("data:"), "\(html)")
    }

    @Test func forbiddenLinksKeepTheirTextWithoutAnAnchor() {
        #expect(Markdown.html("[click me](javascript:alert(1))") == "<p>click me</p>\n")
        #expect(Markdown.html("![chart](data:image/png;base64,AAAA)") == "<p>chart</p>\n")
    }

    @Test func isSafeToCallConcurrently() async {
        let outputs = await withTaskGroup(of: String.self) { group in
            for index in 0..<32 {
                group.addTask { Markdown.html("| n |\n|---|\n| ~~\(index)~~ |\n- [x] www.example.com") }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(outputs.count == 32)
        #expect(outputs.allSatisfy { $0.contains("<del>") && $0.contains("<table>") && $0.contains("checkbox") })
    }
}

extension ContentMarkdownTests {
    @Test func aForbiddenAutolinkIsOnlyEscapedText() {
        // `<javascript:…>` is a CommonMark autolink: the anchor goes, the words stay as plain text.
        #expect(Markdown.html("<javascript:alert(1)>") == "<p>javascript:alert(1)</p>\n")
        #expect(Markdown.html("5 < 6 & \"quotes\"") == "<p>5 &lt; 6 &amp; &quot;quotes&quot;</p>\n")
    }
}
