import Foundation
import KeysweepKit

/// `--rule-stats`: the rules whose patterns took the most time, as a table for standard error.
struct RuleCostTable {
    /// Rules shown, costliest first.
    static let shown = 25

    let rows: [(rule: String, cost: RuleCost)]
    let total: UInt64

    init(_ costs: [String: RuleCost]) {
        // Ties broken by id: the same scan gives the same order.
        rows = costs.sorted { ($0.value.nanoseconds, $1.key) > ($1.value.nanoseconds, $0.key) }.map { ($0.key, $0.value) }
        total = costs.values.reduce(0) { $0 + $1.nanoseconds }
    }

    var text: String {
        func row(_ cells: [String]) -> String {
            let widths = [8, 7, 8, 12, 14]
            return "  " + zip(cells, widths).map { String(repeating: " ", count: max(0, $1 - $0.count)) + $0 }.joined(separator: " ")
                + "  " + cells[cells.count - 1]
        }
        var lines = ["keysweep: rule stats: \(rows.count) rules ran, \(Self.milliseconds(total)) ms in their patterns; the costliest:"]
        lines.append(row(["ms", "share", "blobs", "MB searched", "where", "rule"]))
        for (rule, cost) in rows.prefix(Self.shown) {
            let share = total == 0 ? 0 : Double(cost.nanoseconds) * 100 / Double(total)
            lines.append(row([
                Self.milliseconds(cost.nanoseconds), String(format: "%.1f%%", share), String(cost.blobs),
                String(format: "%.1f", Double(cost.searchedBytes) / 1e6), cost.nearKeywords ? "near keywords" : "whole blobs", rule,
            ]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func milliseconds(_ nanoseconds: UInt64) -> String { String(nanoseconds / 1_000_000) }
}
