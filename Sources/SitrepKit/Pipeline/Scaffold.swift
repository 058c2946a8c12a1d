import Foundation

/// `sitrep init [DIR]`: a new status repository with a commented config and `content/`. The pages come from the
/// default theme of the installed sitrep; `--theme` copies it into `templates/` for editing.
public enum Scaffold {
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates the repository; refuses to overwrite an existing `sitrep.yml`, and never touches other files.
    /// `themeDirectory`: the theme to copy into `templates/`, nil for none.
    public static func create(at directory: URL, themeDirectory: URL?) throws -> [String] {
        let fileManager = FileManager.default
        let config = directory.appendingPathComponent("sitrep.yml")
        guard !fileManager.fileExists(atPath: config.path) else {
            throw Problem(description: "\(DisplayPath.of(config)) already exists; nothing was changed")
        }
        var created: [String] = []
        do {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(starterConfig.utf8).write(to: config, options: .withoutOverwriting)
            created.append("sitrep.yml")
            for folder in ["content/incidents", "content/maintenance"] {
                let url = directory.appendingPathComponent(folder)
                try fileManager.createDirectory(at: url, withIntermediateDirectories: true)
                try Data().write(to: url.appendingPathComponent(".gitkeep"))
                created.append(folder + "/")
            }
            let templates = directory.appendingPathComponent("templates")
            if let themeDirectory, !fileManager.fileExists(atPath: templates.path) {
                try fileManager.copyItem(at: themeDirectory, to: templates)
                created.append("templates/")
            }
            let gitignore = directory.appendingPathComponent(".gitignore")
            if !fileManager.fileExists(atPath: gitignore.path) {
                try Data("site/\n.site.build-stamp\ndata/\nsubscribers.yml\n".utf8).write(to: gitignore)
                created.append(".gitignore")
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(description: "cannot scaffold \(DisplayPath.of(directory)): \(error.localizedDescription)")
        }
        return created
    }

    static let starterConfig = """
    # sitrep.yml: your status site. Every relative path resolves against this file's folder.
    # Reference: README.md of sitrep. Validate with `sitrep check`; probe and render with `sitrep run`.
    site:
      title: Example Status                 # required
      url: https://status.example.com       # required: absolute base for feeds, API links, canonical URLs
      description: Live status of our public services
      timezone: UTC                         # IANA zone for times on the pages (JSON is always UTC)
      history_days: 90                      # days of daily uptime bars and incident history
      refresh_seconds: 60                   # open pages re-read api/v2/summary.json this often (0 = never)
      language: en                          # the pages' words: templates/i18n/<language>.yml (en, de)
      # lang: en-GB                         # <html lang> (BCP 47: en, de-CH, pt-BR) when it is not site.language
      # logo: static/logo.svg               # a file in static/ or an https:// URL; favicon: likewise
      # colors: {accent: "#0550ae", accent_dark: "#6cb6ff"}   # links and header; WCAG AA contrast is checked

    paths:                                  # defaults shown
      database: data/sitrep.sqlite
      content: content
      templates: templates                  # only the theme files you override; the rest come from the default theme
      static: static                        # copied into the site as is (favicon, logo, robots.txt, CNAME)
      output: site

    probe:
      timeout_ms: 10000                     # hard deadline per check, DNS included
      concurrency: 64
      retries: 1                            # re-tries of a failing check before it is recorded down
      stale_after_s: 900                    # no result this recent: the page says "no recent data"

    retention:
      raw_days: 30                          # raw results and their runs
      hourly_days: 30                       # hourly rollups (at least 8: what a build reads)
      daily_days: 400                       # daily rollups (at least history_days or 90, whichever is more)

    groups:
      - id: core
        name: Core services

    components:
      - id: website                         # [a-z0-9-]+, unique; used in URLs and file names
        name: Website
        group: core
        description: Our public website
        checks:
          - id: home                        # unique within the component; defaults to the type
            type: http
            url: https://www.example.com/
            public: true                    # the site may show this URL and raw error text
            expect:
              status: [200]
              max_response_ms: 1000         # slower: degraded
              cert_min_days: 14             # certificate expiring sooner: degraded
      # - id: api
      #   name: API
      #   group: core
      #   checks:
      #     - id: health
      #       type: http
      #       url: https://api.example.com/health
      #       headers: {Authorization: "Bearer ${API_TOKEN}"}   # from the environment; never published
      #       expect: {json: {status: ok}}
      #     - {id: db, type: tcp, host: db.example.com, port: 5432}
      #     - {id: dns, type: dns, name: example.com, record: A}

    """
}
