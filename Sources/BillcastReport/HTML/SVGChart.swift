import BillcastCore
import Foundation

/// Inline SVG charts for the HTML reports: lines with bands, stacked bars and grouped bars,
/// with axes, units and a legend. Coordinates are presentation only; every figure a
/// chart shows is also in a table on the same page.
enum SVGChart {
  static let palette = [
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
    "#393b79", "#ad494a", "#637939", "#e7ba52", "#7b4173", "#3182bd", "#31a354", "#756bb1",
  ]
  static let width = 860.0, height = 360.0
  static let left = 72.0, right = 20.0, top = 20.0, bottom = 56.0

  static func double(_ v: ExactDecimal) -> Double {
    let (q, r) = v.raw.quotientAndRemainder(dividingBy: ExactDecimal.scale)
    return Double(q) + Double(r) / 1e18
  }

  static func f(_ x: Double) -> String { String(format: "%.1f", x) }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
      of: ">", with: "&gt;"
    ).replacingOccurrences(of: "\"", with: "&quot;")
  }

  /// A round step for about five ticks up to `maximum`.
  static func ticks(_ maximum: Double) -> [Double] {
    guard maximum > 0 else { return [0, 1] }
    let raw = maximum / 5
    let magnitude = pow(10, floor(log10(raw)))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
    var values: [Double] = [0]
    while values.last! < maximum { values.append(values.last! + step) }
    return values
  }

  static func money(_ v: Double) -> String {
    let exact = ExactDecimal(raw: Int128((v * 100).rounded()) * 10_000_000_000_000_000)
    return v >= 100 || v == v.rounded()
      ? "$" + exact.formatted(fractionDigits: 0, grouping: true)
      : "$" + exact.formatted(fractionDigits: 2, grouping: true)
  }

  static func frame(yMax: Double, xLabels: [String], yTitle: String, xTitle: String) -> (
    String, (Int) -> Double, (Double) -> Double
  ) {
    let plotW = width - left - right, plotH = height - top - bottom
    let ys = ticks(yMax)
    let top_ = ys.last ?? 1
    let n = max(xLabels.count, 1)
    let x: (Int) -> Double = { i in left + (n == 1 ? plotW / 2 : plotW * Double(i) / Double(n - 1)) }
    let y: (Double) -> Double = { v in top + plotH - plotH * v / top_ }
    var svg = ""
    for t in ys {
      svg +=
        "<line x1=\"\(f(left))\" y1=\"\(f(y(t)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(t)))\" stroke=\"#e3e3e3\"/>"
      svg += "<text x=\"\(f(left - 8))\" y=\"\(f(y(t) + 4))\" text-anchor=\"end\" class=\"tick\">\(money(t))</text>"
    }
    let every = max(1, Int((Double(n) / 12).rounded(.up)))
    for (i, label) in xLabels.enumerated() where i % every == 0 {
      svg +=
        "<text x=\"\(f(x(i)))\" y=\"\(f(height - bottom + 18))\" text-anchor=\"middle\" class=\"tick\">\(escape(label))</text>"
    }
    svg +=
      "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(width - right))\" y2=\"\(f(top + plotH))\" stroke=\"#555\"/>"
    svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\" stroke=\"#555\"/>"
    svg +=
      "<text x=\"\(f(16))\" y=\"\(f(top + plotH / 2))\" transform=\"rotate(-90 16 \(f(top + plotH / 2)))\" text-anchor=\"middle\" class=\"axis\">\(escape(yTitle))</text>"
    svg +=
      "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(height - 10))\" text-anchor=\"middle\" class=\"axis\">\(escape(xTitle))</text>"
    return (svg, x, y)
  }

  /// Dash patterns, one per line series after the first: two series with the same figures
  /// (one architecture priced like another) stay visible, the dashed one over the solid one.
  static let dashes = ["", "7 4", "2 3", "10 3 2 3", "4 4", "1 4"]

  /// The legend's note for a chart with bands: what its line and its shading are.
  static let percentileBand = "line: median (p50); shaded: p10–p90"

  static func legend(_ names: [String], colors: [String], kind: String = "line", bandNote: String = percentileBand)
    -> String
  {
    var out = "<div class=\"legend\">"
    for (i, name) in names.enumerated() {
      let color = colors[i % colors.count]
      if kind == "bar" {
        out += "<span><i style=\"background:\(color)\"></i>\(escape(name))</span>"
      } else {
        let dash = dashes[i % dashes.count]
        out +=
          "<span><svg class=\"swatch\" viewBox=\"0 0 24 12\" width=\"24\" height=\"12\"><line x1=\"0\" y1=\"6\" x2=\"24\" y2=\"6\" stroke=\"\(color)\" stroke-width=\"2.5\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/></svg>\(escape(name))</span>"
      }
    }
    return out + (kind == "band" ? "<span class=\"note\">\(escape(bandNote))</span>" : "") + "</div>"
  }

  /// Lines (one per series) with an optional shaded band around each; `bandNote` says in the
  /// legend what the bands are.
  static func lines(
    title: String, xLabels: [String], series: [(name: String, values: [Double?], band: [(Double, Double)?])],
    yTitle: String, xTitle: String, bandNote: String = percentileBand
  ) -> String {
    let yMax = series.flatMap { s in s.values.compactMap { $0 } + s.band.compactMap { $0?.1 } }.max() ?? 1
    let (axes, x, y) = frame(yMax: yMax, xLabels: xLabels, yTitle: yTitle, xTitle: xTitle)
    var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\">" + axes
    for (k, s) in series.enumerated() {
      let color = palette[k % palette.count]
      // Bands: one polygon per run of months that have figures.
      var run: [(Int, Double, Double)] = []
      func flush() {
        guard run.count > 0 else { return }
        let upper = run.map { "\(f(x($0.0))),\(f(y($0.2)))" }
        let lower = run.reversed().map { "\(f(x($0.0))),\(f(y($0.1)))" }
        svg +=
          "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(color)\" fill-opacity=\"0.15\" stroke=\"none\"/>"
        run = []
      }
      for (i, b) in s.band.enumerated() { if let b { run.append((i, b.0, b.1)) } else { flush() } }
      flush()
      var path = ""
      var pen = false
      for (i, v) in s.values.enumerated() {
        guard let v else { pen = false; continue }
        path += (pen ? " L" : " M") + "\(f(x(i))),\(f(y(v)))"
        pen = true
      }
      let dash = dashes[k % dashes.count]
      svg +=
        "<path d=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
      for (i, v) in s.values.enumerated() {
        if let v {
          svg +=
            "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"2.4\" fill=\"\(color)\"><title>\(escape(s.name)) \(escape(xLabels[i])): \(money(v))</title></circle>"
        }
      }
    }
    svg += "</svg>"
    return "<figure><figcaption>\(escape(title))</figcaption>" + svg
      + legend(
        series.map(\.name), colors: palette, kind: series.contains { $0.band.contains { $0 != nil } } ? "band" : "line",
        bandNote: bandNote)
      + "</figure>"
  }

  /// Stacked bars: one bar per category, one segment per part.
  /// A category whose values are nil (an architecture unavailable that month) is a gap labelled
  /// "unavailable", not a $0 bar.
  static func stackedBars(
    title: String, categories: [String], parts: [String], values: [[Double]?], yTitle: String, xTitle: String
  ) -> String {
    let totals = values.map { $0?.reduce(0, +) }
    let yMax = totals.compactMap { $0 }.max() ?? 1
    let plotW = width - left - right
    let (axes, _, y) = frame(yMax: yMax, xLabels: [], yTitle: yTitle, xTitle: xTitle)
    var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\">" + axes
    let slot = plotW / Double(max(categories.count, 1))
    let barW = min(90, slot * 0.6)
    for (c, category) in categories.enumerated() {
      let cx = left + slot * (Double(c) + 0.5)
      var base = 0.0
      guard let row = values[c], let total = totals[c] else {
        svg += "<text x=\"\(f(cx))\" y=\"\(f(y(0) - 6))\" text-anchor=\"middle\" class=\"tick\">unavailable</text>"
        svg +=
          "<text x=\"\(f(cx))\" y=\"\(f(height - bottom + 18))\" text-anchor=\"middle\" class=\"tick\">\(escape(category))</text>"
        continue
      }
      for (p, part) in parts.enumerated() {
        let v = row[p]
        guard v > 0 else { continue }
        svg +=
          "<rect x=\"\(f(cx - barW / 2))\" y=\"\(f(y(base + v)))\" width=\"\(f(barW))\" height=\"\(f(y(base) - y(base + v)))\" fill=\"\(palette[p % palette.count])\"><title>\(escape(category)) — \(escape(part)): \(money(v))</title></rect>"
        base += v
      }
      svg += "<text x=\"\(f(cx))\" y=\"\(f(y(base) - 6))\" text-anchor=\"middle\" class=\"tick\">\(money(total))</text>"
      svg +=
        "<text x=\"\(f(cx))\" y=\"\(f(height - bottom + 18))\" text-anchor=\"middle\" class=\"tick\">\(escape(category))</text>"
    }
    svg += "</svg>"
    return "<figure><figcaption>\(escape(title))</figcaption>" + svg + legend(parts, colors: palette, kind: "bar")
      + "</figure>"
  }

  /// Grouped range bars: per group, one bar per series from low to high (a thin line when they match).
  static func rangeBars(
    title: String, groups: [String], series: [String], ranges: [[(Double, Double)?]], yTitle: String, xTitle: String
  ) -> String {
    let yMax = ranges.flatMap { $0.compactMap { $0?.1 } }.max() ?? 1
    let plotW = width - left - right
    let (axes, _, y) = frame(yMax: yMax, xLabels: [], yTitle: yTitle, xTitle: xTitle)
    var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\">" + axes
    let slot = plotW / Double(max(groups.count, 1))
    let barW = min(40, slot * 0.8 / Double(max(series.count, 1)))
    for (g, group) in groups.enumerated() {
      let start = left + slot * Double(g) + (slot - barW * Double(series.count)) / 2
      for (s, name) in series.enumerated() {
        let x0 = start + barW * Double(s)
        guard let (lo, hi) = ranges[g][s] else {
          // Not priced here (an architecture unavailable on the date): a labelled gap, never a $0 bar.
          let cx = x0 + barW / 2, cy = y(0) - 4
          svg +=
            "<text x=\"\(f(cx))\" y=\"\(f(cy))\" transform=\"rotate(-90 \(f(cx)) \(f(cy)))\" class=\"tick\" dominant-baseline=\"middle\">\(escape(name)): unavailable</text>"
          continue
        }
        let color = palette[s % palette.count]
        svg +=
          "<rect x=\"\(f(x0 + 2))\" y=\"\(f(y(hi)))\" width=\"\(f(barW - 4))\" height=\"\(f(max(y(0) - y(hi), 1)))\" fill=\"\(color)\" fill-opacity=\"0.35\"><title>\(escape(group)) — \(escape(name)): \(money(lo))–\(money(hi))</title></rect>"
        svg +=
          "<rect x=\"\(f(x0 + 2))\" y=\"\(f(y(lo)))\" width=\"\(f(barW - 4))\" height=\"\(f(max(y(0) - y(lo), 1)))\" fill=\"\(color)\"/>"
      }
      svg +=
        "<text x=\"\(f(left + slot * (Double(g) + 0.5)))\" y=\"\(f(height - bottom + 18))\" text-anchor=\"middle\" class=\"tick\">\(escape(group))</text>"
    }
    svg += "</svg>"
    return "<figure><figcaption>\(escape(title))</figcaption>" + svg + legend(series, colors: palette, kind: "bar")
      + "<div class=\"legend\"><span class=\"note\">solid: low end of the ranges; pale: up to the high end</span></div></figure>"
  }

  /// The cheapest architecture along a varied workload variable: one bar split into the
  /// stretches where each is cheapest, on a log scale (the stretches span orders of magnitude),
  /// with each break-even value marked.
  static func cheapestStrip(
    title: String, variable: String,
    segments: [(from: Double, to: Double, fromLabel: String, toLabel: String, cheapest: String)], names: [String]
  ) -> String {
    guard let first = segments.first, let last = segments.last else { return "" }
    let w = width, h = 120.0, margin = 24.0
    let lo = log10(1 + first.from), hi = max(log10(1 + last.to), lo + 1e-9)
    func x(_ v: Double) -> Double { margin + (log10(1 + v) - lo) / (hi - lo) * (w - 2 * margin) }
    var svg = "<svg viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\" aria-label=\"\(escape(title))\">"
    for seg in segments {
      let color = palette[(names.firstIndex(of: seg.cheapest) ?? 0) % palette.count]
      svg +=
        "<rect x=\"\(f(x(seg.from)))\" y=\"30\" width=\"\(f(max(x(seg.to) - x(seg.from), 1)))\" height=\"34\" fill=\"\(color)\"><title>\(escape(seg.cheapest)) is cheapest from \(seg.fromLabel) to \(seg.toLabel)</title></rect>"
    }
    for seg in segments.dropFirst() {
      svg +=
        "<line x1=\"\(f(x(seg.from)))\" y1=\"24\" x2=\"\(f(x(seg.from)))\" y2=\"70\" stroke=\"#222\" stroke-width=\"1.5\"/>"
      svg += "<text x=\"\(f(x(seg.from)))\" y=\"18\" text-anchor=\"middle\" class=\"tick\">\(seg.fromLabel)</text>"
    }
    svg += "<text x=\"\(f(margin))\" y=\"86\" class=\"tick\">\(first.fromLabel)</text>"
    svg += "<text x=\"\(f(w - margin))\" y=\"86\" text-anchor=\"end\" class=\"tick\">\(last.toLabel)</text>"
    svg +=
      "<text x=\"\(f(w / 2))\" y=\"108\" text-anchor=\"middle\" class=\"axis\">\(escape(variable)) (log scale)</text></svg>"
    let cheapest = names.filter { n in segments.contains { $0.cheapest == n } }
    return "<figure><figcaption>\(escape(title))</figcaption>" + svg
      + legend(cheapest, colors: cheapest.map { palette[(names.firstIndex(of: $0) ?? 0) % palette.count] }, kind: "bar")
      + "</figure>"
  }
}
