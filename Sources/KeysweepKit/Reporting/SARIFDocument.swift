/// The subset of SARIF 2.1.0 that Keysweep writes, as encodable values (names as in the spec).
enum SARIF {
    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let taxonomies: [ToolComponent]
        let invocations: [Invocation]
        let originalUriBaseIds: [String: ArtifactLocation]
        /// Archives and their members, for locations inside archives; absent otherwise.
        var artifacts: [Artifact]?
        let columnKind = "unicodeCodePoints"
        let results: [Result]
    }

    /// A file, an archive or a member of one (SARIF 3.24); `parentIndex` is its archive's index.
    struct Artifact: Encodable {
        let location: ArtifactLocation
        var parentIndex: Int?
    }

    struct Tool: Encodable {
        let driver: ToolComponent
    }

    struct ToolComponent: Encodable {
        let name: String
        var version: String?
        var semanticVersion: String?
        var informationUri: String?
        var organization: String?
        var shortDescription: Message?
        var rules: [ReportingDescriptor]?
        var taxa: [ReportingDescriptor]?
        var supportedTaxonomies: [ToolComponentReference]?
    }

    struct ToolComponentReference: Encodable {
        let name: String
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        var name: String?
        var shortDescription: Message?
        var fullDescription: Message?
        var help: Message?
        var helpUri: String?
        var defaultConfiguration: Configuration?
        var relationships: [Relationship]?
        var properties: Properties?
    }

    struct Configuration: Encodable {
        let level: String
    }

    struct Relationship: Encodable {
        let target: DescriptorReference
        let kinds: [String]
    }

    struct DescriptorReference: Encodable {
        let id: String
        let toolComponent: ToolComponentReference
    }

    struct Message: Encodable {
        let text: String
        var markdown: String?
    }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let exitCode: Int
        /// Why the run fell short (a damaged input); absent when it did not.
        let toolExecutionNotifications: [Notification]?
        let properties: Properties
    }

    /// A message from the tool about its run, not about the code (SARIF 3.58).
    struct Notification: Encodable {
        let level: String
        let message: Message
    }

    struct ArtifactLocation: Encodable {
        var uri: String?
        var uriBaseId: String?
        /// The artifact in `run.artifacts` it names, for archive members.
        var index: Int?
        var description: Message?
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        var relatedLocations: [Location]?
        let partialFingerprints: [String: String]
        let properties: Properties
    }

    struct Location: Encodable {
        var id: Int?
        let physicalLocation: PhysicalLocation
        var message: Message?
        /// The layer digests of a location in a container image.
        var properties: Properties?
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
        let snippet: Message
    }

    /// A property bag: string, number, boolean and string-list values, encoded with sorted keys.
    struct Properties: Encodable {
        var values: [String: PropertyValue] = [:]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            for (key, value) in values {
                let codingKey = DynamicKey(stringValue: key)
                switch value {
                case .string(let text): try container.encode(text, forKey: codingKey)
                case .number(let number): try container.encode(number, forKey: codingKey)
                case .bool(let flag): try container.encode(flag, forKey: codingKey)
                case .strings(let list): try container.encode(list, forKey: codingKey)
                case .counts(let counts): try container.encode(counts, forKey: codingKey)
                case .enrichment(let enrichment): try container.encode(enrichment, forKey: codingKey)
                }
            }
        }
    }

    enum PropertyValue {
        case string(String)
        case number(Int)
        case bool(Bool)
        case strings([String])
        case counts([String: Int])
        /// Owner, age, expiry and NHI risks of the secret, in the JSON report's shape.
        case enrichment(Enrichment)
    }

    struct DynamicKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
