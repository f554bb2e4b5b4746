/// The document `GitLabReporter` writes, field for field as GitLab's secret-detection schema
/// names them.
struct GitLabReport: Encodable {
    let version: String
    let schema: String
    let scan: Scan
    let vulnerabilities: [Vulnerability]

    struct Scan: Encodable {
        let analyzer: Component
        let scanner: Component
        let type: String
        let startTime: String
        let endTime: String
        let status: String
        let messages: [Message]

        enum CodingKeys: String, CodingKey {
            case analyzer, scanner, type, status, messages
            case startTime = "start_time"
            case endTime = "end_time"
        }
    }

    struct Component: Encodable {
        let id: String
        let name: String
        let url: String
        let version: String
        let vendor: Vendor
    }

    struct Vendor: Encodable {
        let name: String
    }

    struct Message: Encodable {
        /// `info`, `warn` or `fatal`.
        let level: String
        let value: String
    }

    struct Vulnerability: Encodable {
        let id: String
        let name: String
        let description: String
        /// `Critical`, `High`, `Medium` or `Low`.
        let severity: String
        let solution: String
        let identifiers: [Identifier]
        let links: [Link]
        let location: Location
    }

    struct Identifier: Encodable {
        let type: String
        let name: String
        let value: String
        let url: String?
    }

    struct Link: Encodable {
        let url: String
    }

    struct Location: Encodable {
        let file: String
        let startLine: Int
        let endLine: Int
        let commit: Commit

        enum CodingKeys: String, CodingKey {
            case file, commit
            case startLine = "start_line"
            case endLine = "end_line"
        }
    }

    struct Commit: Encodable {
        let sha: String
        let author: String?
        let date: String?
    }
}
