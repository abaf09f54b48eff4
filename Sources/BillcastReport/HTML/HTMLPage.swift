import BillcastCore
import BillcastEngine

/// A self-contained HTML page: inline CSS and SVG, no scripts, nothing fetched.
enum HTMLPage {
  static func page(title: String, subtitle: [String], body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(SVGChart.escape(title))</title>
    <style>
    body { font: 15px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1d1d1f; margin: 24px auto; max-width: 920px; padding: 0 16px; }
    h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; }
    .meta { color: #555; font-size: 13px; margin: 2px 0; }
    figure { margin: 16px 0 8px; } figcaption { font-weight: 600; margin-bottom: 4px; }
    svg { width: 100%; height: auto; background: #fff; }
    .tick { font-size: 11px; fill: #444; } .axis { font-size: 12px; fill: #222; }
    .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 13px; margin: 4px 0 0 72px; }
    .legend i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
    .legend .note { color: #666; }
    .legend .swatch { vertical-align: -1px; margin-right: 5px; width: 24px; height: 12px; background: none; }
    .wide { overflow-x: auto; } .scroll { overflow: auto; max-height: 480px; border: 1px solid #e3e3e3; }
    .scroll table { margin: 0; } .scroll thead th { position: sticky; top: 0; background: #fff; }
    table { border-collapse: collapse; font-size: 13px; margin: 8px 0; width: 100%; }
    th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 8px; text-align: left; vertical-align: top; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    ul { padding-left: 20px; }
    </style>
    </head>
    <body>
    <h1>\(SVGChart.escape(title))</h1>
    \(subtitle.map { "<p class=\"meta\">\(SVGChart.escape($0))</p>" }.joined(separator: "\n"))
    \(body)
    </body>
    </html>

    """
  }

  /// A table that scrolls sideways in its own box when it is wider than the page (a phone).
  static func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int>) -> String {
    var out =
      "<div class=\"wide\"><table><thead><tr>"
      + headers.enumerated().map {
        "<th\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(SVGChart.escape($0.element))</th>"
      }.joined() + "</tr></thead><tbody>"
    for r in rows {
      out +=
        "<tr>"
        + r.enumerated().map {
          "<td\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(SVGChart.escape($0.element))</td>"
        }.joined() + "</tr>"
    }
    return out + "</tbody></table></div>"
  }

  static func pricing(_ tables: [TableReference]) -> String {
    ReportHeader.pricingLine(tables) + tables.compactMap(\.warning).map { ". Warning: " + $0 }.joined()
  }
}
