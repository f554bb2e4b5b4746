/// A rule file or rule that cannot be used, naming the file, line, rule id and field at fault.
public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var ruleID: String?
    public var field: String?
    public var reason: String

    public init(file: String, line: Int? = nil, ruleID: String? = nil, field: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.ruleID = ruleID
        self.field = field
        self.reason = reason
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let ruleID { text += ": rule '\(ruleID)'" }
        if let field { text += ": field '\(field)'" }
        return text + ": " + reason
    }
}
