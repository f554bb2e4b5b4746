/// The deployment environment a path points at, inferred from its folder and file names
/// (`deploy/prod/`, `.env.production`, `values-staging.yaml`, `tests/`).
public enum DeploymentEnvironment: String, Sendable, Hashable, Comparable, CaseIterable {
    case production, staging, development, test

    /// Words that name each environment, matched against the path's words (split at `/ . _ -`).
    private static let words: [String: DeploymentEnvironment] = [
        "prod": .production, "production": .production, "prd": .production, "live": .production,
        "staging": .staging, "stage": .staging, "stg": .staging, "preprod": .staging, "uat": .staging,
        "dev": .development, "develop": .development, "development": .development, "local": .development, "sandbox": .development,
        "test": .test, "tests": .test, "testing": .test, "spec": .test, "specs": .test, "qa": .test,
        "fixture": .test, "fixtures": .test, "testdata": .test, "e2e": .test, "mock": .test, "mocks": .test,
    ]

    /// Every environment `path` names, sorted.
    public static func of(path: String) -> [DeploymentEnvironment] {
        Set(pathWords(path).compactMap { words[$0] }).sorted()
    }

    /// Lowercased words of a path, split at separators and at lower-to-upper case changes.
    static func pathWords(_ path: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in path {
            if character.isLetter || character.isNumber {
                if character.isUppercase && previousWasLower {
                    words.append(current.lowercased())
                    current = ""
                }
                current.append(character)
                previousWasLower = character.isLowercase
            } else {
                if !current.isEmpty { words.append(current.lowercased()) }
                current = ""
                previousWasLower = false
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }

    public static func < (lhs: DeploymentEnvironment, rhs: DeploymentEnvironment) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
