/// The inventory as one self-contained HTML page that works offline: summary figures, bar charts
/// (by provider, age and risk), and a table that sorts and filters in the browser, with each
/// secret's locations on demand. Everything is rendered here, so it reads fine without scripts;
/// the inline script only sorts and filters.
enum InventoryHTML {
    static func render(_ document: JSONReportDocument) -> [UInt8] {
        let rows = document.findings.map(InventoryRow.init)
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Keysweep inventory of non-human identity secrets</title>
        <style>\(style)</style>
        </head>
        <body>
        <header><h1>Secrets inventory</h1><p class="meta">\(escape(meta(document)))</p></header>
        <section id="summary" class="figures">\(figures(document, rows))</section>
        <section class="charts">
        \(chart("Secrets by provider", counts(rows.map(\.entry.provider)), id: "by-provider"))
        \(chart("Secrets by age", InventoryRow.ageBuckets.map { bucket in (bucket, rows.filter { $0.ageBucket == bucket }.count) }, id: "by-age"))
        \(chart("Secrets by OWASP NHI risk", NHIRisk.allCases.map { risk in ("\(risk.id) \(risk.title)", rows.filter { $0.risks.contains(risk.id) }.count) }, id: "by-risk"))
        </section>
        <section>
        <h2>Secrets</h2>
        <input id="filter" type="search" placeholder="Filter: provider, owner, path, risk…" aria-label="Filter the table">
        <table id="inventory">
        <thead><tr>\(columns.enumerated().map { "<th data-column=\"\($0.offset)\" data-type=\"\($0.element.type)\">\($0.element.title)</th>" }.joined())</tr></thead>
        <tbody>

        """
        for row in rows { html += tableRow(row) }
        html += """
        </tbody>
        </table>
        <p id="empty" \(rows.isEmpty ? "" : "hidden")>No secrets found.</p>
        </section>
        <footer>Secrets are redacted. Risks: \(NHIRisk.allCases.map { "<a href=\"\($0.link)\">\($0.id) \($0.title)</a>" }.joined(separator: " · ")).</footer>
        <script>\(script)</script>
        </body>
        </html>

        """
        return Array(html.utf8)
    }

    private static let columns: [(title: String, type: String)] = [
        ("Provider", "text"), ("Kind", "text"), ("Secret", "text"), ("Owner", "text"), ("First seen", "text"),
        ("Age (days)", "number"), ("Expires", "text"), ("Locations", "number"), ("At HEAD", "text"),
        ("Environments", "text"), ("Context", "text"), ("Risks", "text"),
    ]

    private static func meta(_ document: JSONReportDocument) -> String {
        var parts = ["\(document.tool.name) \(document.tool.version)"]
        if let now = document.scan.now { parts.append("as of \(now)") }
        if let repositories = document.scan.repositories, !repositories.isEmpty { parts.append(repositories.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    private static func figures(_ document: JSONReportDocument, _ rows: [InventoryRow]) -> String {
        let figures: [(String, Int)] = [
            ("secrets", rows.count),
            ("locations", document.scan.locations),
            ("repositories", document.scan.repositories?.count ?? 1),
            ("still at HEAD", rows.filter { $0.entry.presentAtHead == true }.count),
            ("expired", rows.filter { $0.entry.nhi?.lifetime.expired == true }.count),
            ("long-lived (NHI7)", rows.filter { $0.risks.contains(NHIRisk.longLivedSecret.id) }.count),
            ("prod and non-prod (NHI8)", rows.filter { $0.risks.contains(NHIRisk.environmentIsolation.id) }.count),
            ("reused (NHI9)", rows.filter { $0.risks.contains(NHIRisk.reuse.id) }.count),
        ]
        return figures.map { "<div class=\"figure\"><span class=\"value\">\($0.1)</span><span class=\"label\">\(escape($0.0))</span></div>" }.joined()
    }

    /// A horizontal bar chart as inline SVG.
    private static func chart(_ title: String, _ data: [(String, Int)], id: String) -> String {
        let shown = data.prefix(12)
        let maximum = max(1, shown.map(\.1).max() ?? 1)
        let height = 22 * max(1, shown.count) + 4
        var svg = "<figure id=\"\(id)\"><figcaption>\(escape(title))</figcaption><svg role=\"img\" aria-label=\"\(escape(title))\" viewBox=\"0 0 420 \(height)\" width=\"420\" height=\"\(height)\">"
        for (index, (label, count)) in shown.enumerated() {
            let y = index * 22 + 2
            // In floating point: counts may come from merged reports and be as large as `Int.max`.
            let width = count <= 0 ? 0 : max(2, Int(Double(count) / Double(maximum) * 220))
            svg += "<text x=\"0\" y=\"\(y + 14)\" class=\"bar-label\">\(escape(String(label.prefix(28))))</text>"
            svg += "<rect x=\"170\" y=\"\(y + 2)\" width=\"\(width)\" height=\"16\" rx=\"2\"></rect>"
            svg += "<text x=\"\(176 + width)\" y=\"\(y + 14)\" class=\"bar-value\">\(count)</text>"
        }
        return svg + "</svg></figure>"
    }

    private static func tableRow(_ row: InventoryRow) -> String {
        let entry = row.entry
        let cells: [(String, String)] = [
            (entry.provider, escape(entry.provider)),
            (entry.kind, escape(entry.kind)),
            (entry.secret, "<code>\(escape(entry.secret))</code>"),
            (row.owner, escape(row.owner)),
            (row.firstSeen, escape(row.firstSeen)),
            (row.ageDays.map(String.init) ?? "", escape(row.age)),
            (row.expires, escape(row.expires)),
            (String(entry.counts.locations), locations(entry)),
            (row.presentAtHead, escape(row.presentAtHead)),
            (row.environments, escape(row.environments)),
            (row.context, escape(row.context)),
            (row.risks.joined(separator: " "), row.risks.map { "<span class=\"risk \($0.lowercased())\">\($0)</span>" }.joined(separator: " ")),
        ]
        let words: [String] = [entry.rule, row.owners, row.repositories, row.key] + entry.locations.map(\.path)
        let search: String = escape(words.joined(separator: " ").lowercased())
        let cellsHTML: String = cells.map { (value: String, html: String) -> String in "<td data-value=\"\(escape(value))\">\(html)</td>" }.joined()
        return "<tr class=\"severity-\(escape(entry.severity))\" data-search=\"\(search)\">" + cellsHTML + "</tr>\n"
    }

    /// The count, with the locations, owners, key facts and remediation behind a disclosure.
    private static func locations(_ entry: JSONReportDocument.FindingEntry) -> String {
        var details = "<details><summary>\(entry.counts.locations)</summary><ul>"
        for location in entry.locations.prefix(200) {
            var text = escape(InventoryRow.place(location))
            if let author = location.author { text += " · " + escape(author) }
            if let date = location.date { text += " · " + escape(String(date.prefix(10))) }
            details += "<li>\(text)</li>"
        }
        if entry.locations.count > 200 { details += "<li>… \(entry.locations.count - 200) more</li>" }
        details += "</ul>"
        if let nhi = entry.nhi {
            if nhi.owners.count > 1 { details += "<p>Owner candidates: \(escape(nhi.owners.map { "\($0.name) (\($0.source))" }.joined(separator: ", ")))</p>" }
            let key = InventoryRow(entry: entry).key
            if !key.isEmpty { details += "<p>Key: \(escape(key))</p>" }
            details += "<p>\(escape(nhi.remediation.text)) <a href=\"\(escape(nhi.remediation.link))\">How to revoke</a></p>"
        }
        return details + "</details>"
    }

    private static func counts(_ values: [String]) -> [(String, Int)] {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        let ordered = counts.sorted { (lhs: (key: String, value: Int), rhs: (key: String, value: Int)) -> Bool in
            lhs.value != rhs.value ? lhs.value > rhs.value : lhs.key < rhs.key
        }
        return ordered.map { ($0.key, $0.value) }
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static let style = """
    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1280px;padding:16px 24px;color:#1d2330;background:#fff}
    h1{margin:0 0 4px}h2{margin:24px 0 8px}.meta{color:#5b6473;margin:0}
    .figures{display:flex;flex-wrap:wrap;gap:12px;margin:18px 0}
    .figure{border:1px solid #d9dee7;border-radius:6px;padding:10px 14px;min-width:120px}
    .figure .value{display:block;font-size:26px;font-weight:600}.figure .label{color:#5b6473}
    .charts{display:flex;flex-wrap:wrap;gap:24px}figure{margin:0}figcaption{font-weight:600;margin-bottom:6px}
    svg rect{fill:#3b6fd8}svg text{font-size:12px;fill:#1d2330}
    #filter{width:100%;max-width:420px;padding:6px 8px;margin:4px 0 10px;border:1px solid #c3cad6;border-radius:4px}
    table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e3e7ee;padding:6px 8px;text-align:left;vertical-align:top}
    th{cursor:pointer;user-select:none;background:#f4f6fa;position:sticky;top:0}th.sorted-asc::after{content:" ▲"}th.sorted-desc::after{content:" ▼"}
    tr.severity-critical td:first-child{border-left:4px solid #c62828}tr.severity-high td:first-child{border-left:4px solid #ef6c00}
    tr.severity-medium td:first-child{border-left:4px solid #f9a825}tr.severity-low td:first-child{border-left:4px solid #90a4ae}
    .risk{display:inline-block;border-radius:3px;padding:0 4px;font-size:12px;background:#e8ecf4}.risk.nhi7,.risk.nhi8,.risk.nhi9{background:#fde2cf}
    details ul{margin:4px 0;padding-left:18px}code{font-size:12px}footer{margin:24px 0;color:#5b6473}
    """

    private static let script = """
    (function(){
    var table=document.getElementById('inventory'),body=table.tBodies[0],filter=document.getElementById('filter');
    filter.addEventListener('input',function(){var q=filter.value.toLowerCase(),shown=0;
    Array.prototype.forEach.call(body.rows,function(r){var hit=!q||r.textContent.toLowerCase().indexOf(q)>=0||r.getAttribute('data-search').indexOf(q)>=0;r.hidden=!hit;if(hit)shown++;});
    document.getElementById('empty').hidden=shown>0;});
    Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th){th.addEventListener('click',function(){
    var i=+th.getAttribute('data-column'),numeric=th.getAttribute('data-type')==='number',asc=!th.classList.contains('sorted-asc');
    Array.prototype.forEach.call(table.tHead.rows[0].cells,function(c){c.classList.remove('sorted-asc','sorted-desc');});
    th.classList.add(asc?'sorted-asc':'sorted-desc');
    var rows=Array.prototype.slice.call(body.rows);rows.sort(function(a,b){var x=a.cells[i].getAttribute('data-value'),y=b.cells[i].getAttribute('data-value');
    var c=numeric?((x===''?-1:+x)-(y===''?-1:+y)):x.localeCompare(y);return asc?c:-c;});
    rows.forEach(function(r){body.appendChild(r);});});});
    })();
    """
}
