import Testing
@testable import KeysweepKit

/// Where a secret is, who owns it, and which OWASP NHI risks follow.
@Suite struct EnrichmentTests {
    private let now = Timestamp(iso8601: "2026-11-01T00:00:00Z")!
    private let advice = Enrichment.RemediationAdvice(text: "rotate", link: "https://example.com")

    private func place(_ path: String, repository: String? = nil, date: String? = nil, author: String? = nil) -> Enrichment.Place {
        Enrichment.Place(repository: repository, path: path, commit: date.map { "c" + $0 }, date: date, author: author)
    }

    private func enrichment(_ places: [Enrichment.Place], facts: Enrichment.SecretFacts = .init()) -> Enrichment {
        Enrichment(places: places, presentAtHead: true, facts: facts, codeOwners: [], branches: nil, onlyUnmergedBranches: nil,
                   remediation: advice, now: now, policy: .init())
    }

    @Test(arguments: [
        ("deploy/prod/.env", ["production"]),
        (".env.production", ["production"]),
        ("helm/values-staging.yaml", ["staging"]),
        ("config/devSettings.json", ["development"]),
        ("src/test/resources/app.properties", ["test"]),
        ("src/protocol/product.swift", []),
        ("k8s/prod/fixtures/secret.yaml", ["production", "test"]),
    ])
    func environmentsFromPaths(path: String, expected: [String]) {
        #expect(DeploymentEnvironment.of(path: path).map(\.rawValue) == expected)
    }

    @Test(arguments: [
        ("services/billing/config/.env", "billing"),
        ("deploy/prod/search/values.yaml", "search"),
        ("config/app.yaml", "."),
        (".env", "."),
    ])
    func serviceNames(path: String, expected: String) {
        #expect(ServiceName.of(path: path) == expected)
    }

    /// The folder a scan was given is where services start: `keysweep scan repo` names `billing`,
    /// not `repo`, so that NHI9 can fire within one repository.
    @Test func servicesAreNamedBelowTheScanRoot() {
        #expect(ServiceName.of(path: ServiceName.relative("repo/services/billing/.env", to: ["repo"])) == "billing")
        #expect(ServiceName.of(path: ServiceName.relative("repo/billing/.env", to: ["other", "repo/"])) == "billing")
        #expect(ServiceName.relative("billing/.env", to: ["."]) == "billing/.env")
        #expect(ServiceName.relative("repository/x/.env", to: ["repo"]) == "repository/x/.env")
    }

    @Test func everyFindingIsSecretLeakage() {
        #expect(enrichment([place("a.env")]).risks == ["NHI2"])
    }

    @Test func productionAndDevelopmentIsEnvironmentIsolation() {
        let result = enrichment([place("deploy/prod/.env"), place("deploy/dev/.env")])
        #expect(result.exposure.environments == ["production", "development"])
        #expect(result.exposure.productionAndNonProduction)
        #expect(result.risks == ["NHI2", "NHI8"])
    }

    @Test func twoServicesOrTwoRepositoriesIsReuse() {
        #expect(enrichment([place("services/a/.env"), place("services/b/.env")]).risks == ["NHI2", "NHI9"])
        #expect(enrichment([place(".env", repository: "a"), place(".env", repository: "b")]).risks == ["NHI2", "NHI9"])
    }

    @Test func oldSecretWithoutExpiryIsLongLived() {
        let old = enrichment([place("a.env", date: "2026-07-01T00:00:00Z", author: "Ada <ada@example.com>")])
        #expect(old.lifetime.ageDays == 123)
        #expect(old.risks == ["NHI2", "NHI7"])
        let recent = enrichment([place("a.env", date: "2026-10-01T00:00:00Z")])
        #expect(recent.risks == ["NHI2"])
    }

    @Test func expiryDecidesInsteadOfAge() {
        let issued = Timestamp(iso8601: "2024-01-01T00:00:00Z")!
        let short = Enrichment.SecretFacts(issuedAt: issued, expiresAt: Timestamp(iso8601: "2024-02-01T00:00:00Z")!)
        let shortLived = enrichment([place("a.env", date: "2024-01-01T00:00:00Z")], facts: short)
        #expect(shortLived.lifetime.expired == true)
        #expect(shortLived.risks == ["NHI2"])
        let long = Enrichment.SecretFacts(issuedAt: issued, expiresAt: Timestamp(iso8601: "2027-01-01T00:00:00Z")!)
        let longLived = enrichment([place("a.env")], facts: long)
        #expect(longLived.lifetime.expired == false)
        #expect(longLived.risks == ["NHI2", "NHI7"])
    }

    @Test func temporaryCredentialsAreNotLongLived() {
        let facts = Enrichment.SecretFacts(temporary: true)
        #expect(enrichment([place("a.env", date: "2020-01-01T00:00:00Z")], facts: facts).risks == ["NHI2"])
    }

    @Test func theAuthorWhoIntroducedItComesFirst() {
        let result = enrichment([
            place("a.env", date: "2024-03-01T00:00:00Z", author: "Bo <bo@example.com>"),
            place("b.env", date: "2024-04-01T00:00:00Z", author: "Bo <bo@example.com>"),
            place("c.env", date: "2024-01-01T00:00:00Z", author: "Ada <ada@example.com>"),
        ])
        #expect(result.owners.map(\.name) == ["Ada <ada@example.com>", "Bo <bo@example.com>"])
        #expect(result.owners.map(\.locations) == [1, 2])
    }
}
