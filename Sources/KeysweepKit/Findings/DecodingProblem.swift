import Foundation

/// What is wrong with a JSON file, in words: the field and the problem, never Swift's
/// `DecodingError` or `CodingKeys` names (used for baselines and merged reports).
public enum DecodingProblem {
    public static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "the field '\(path(context.codingPath + [key]))' is missing"
        case DecodingError.valueNotFound(let type, let context):
            return "the field '\(path(context.codingPath))' is null; expected \(expected(type))"
        case DecodingError.typeMismatch(let type, let context):
            return "the field '\(path(context.codingPath))' has the wrong type; expected \(expected(type))"
        case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty:
            return "it is not valid JSON"
        case DecodingError.dataCorrupted(let context):
            return "the field '\(path(context.codingPath))' has a value that is not allowed"
        default:
            return "it cannot be read (\(error.localizedDescription))"
        }
    }

    /// `findings[2].fingerprint`.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text.isEmpty ? "(top level)" : text
    }

    private static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Double.Type, is Int64.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        case is [String: Any].Type: "an object"
        default: "another kind of value"
        }
    }
}
