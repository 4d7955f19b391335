import HWCRegister

/// What one bench run measured: the figures of issue #12, printed as a table and, last, as one
/// JSON line with exactly these keys.
struct BenchFigures {
  var rows = 0
  var importSeconds = 0.0
  var importBaselineSeconds = 0.0
  var inspectSeconds = 0.0
  var assessSeconds = 0.0
  var assessed = 0
  var decideSeconds = 0.0
  var reportSeconds = 0.0
  var reportBaselineSeconds = 0.0
  var verifySeconds = 0.0
  var checkSeconds = 0.0
  var registerMilliseconds = 0.0
  var showMilliseconds = 0.0
  var bytesImported = 0
  var bytesFinal = 0
  var peakKiB = 0
  var bundleSeconds = 0.0
  var acceptSeconds = 0.0
  var nationalReportSeconds = 0.0

  var importRatio: Double { ratio(importSeconds, importBaselineSeconds) }
  var reportRatio: Double { ratio(reportSeconds, reportBaselineSeconds) }
  var assessPerSecond: Double { assessSeconds > 0 ? Double(assessed) / assessSeconds : 0 }
  var bytesPerComplaintImported: Double { Double(bytesImported) / Double(max(rows, 1)) }
  var bytesPerComplaintFinal: Double { Double(bytesFinal) / Double(max(rows, 1)) }
  var peakMegabytes: Double { Double(peakKiB) / 1024 }

  private func ratio(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : 0 }

  /// The keys and values of the JSON line, in order, with their table labels and targets
  /// (SPEC §11; empty where the SPEC sets none).
  var entries: [(key: String, value: Double, decimals: Int, label: String, target: String)] {
    [
      ("rows", Double(rows), 0, "complaint rows", ""),
      ("import_s", importSeconds, 3, "hwc complaint import", ""),
      ("import_baseline_s", importBaselineSeconds, 3, BaselineImport.label, ""),
      ("import_ratio", importRatio, 2, "import / baseline", "≤ 1"),
      ("inspect_s", inspectSeconds, 3, "hwc inspection import", ""),
      ("assess_s", assessSeconds, 3, "hwc assess --pending", ""),
      ("assess_per_s", assessPerSecond, 0, "assessments per second", "≥ 200,000"),
      ("decide_s", decideSeconds, 3, "approve ×2 + pay, whole processes", ""),
      ("report_s", reportSeconds, 3, "hwc report quarterly", "≤ 1"),
      ("report_baseline_s", reportBaselineSeconds, 3, "its SQL replayed by sqlite3", ""),
      ("report_ratio", reportRatio, 2, "report / its SQL", "≤ 1.5"),
      ("verify_s", verifySeconds, 3, "hwc audit verify", "≤ 5"),
      ("check_s", checkSeconds, 3, "hwc check", "≤ 30"),
      ("register_ms", registerMilliseconds, 1, "complaint register, median process", "≤ 50"),
      ("show_ms", showMilliseconds, 1, "complaint show, median process", "≤ 50"),
      (
        "bytes_per_complaint_imported", bytesPerComplaintImported, 0, "file bytes / row, imported",
        "≤ 500"
      ),
      (
        "bytes_per_complaint_final", bytesPerComplaintFinal, 0, "file bytes / row, final", "≤ 2,000"
      ),
      ("peak_rss_mb", peakMegabytes, 1, "largest hwc resident set, MB", "≤ 150"),
      ("bundle_s", bundleSeconds, 3, "hwc office export, office of ROWS/10", ""),
      ("accept_s", acceptSeconds, 3, "hwc national accept of that bundle", ""),
      ("national_report_s", nationalReportSeconds, 3, "national report over 9 offices", ""),
    ]
  }

  /// The readable table.
  var table: String {
    var lines = [
      pad("key", 30) + pad("value", 14) + pad("target", 11) + "what",
      String(repeating: "-", count: 96),
    ]
    for entry in entries {
      lines.append(
        pad(entry.key, 30) + pad(Self.format(entry.value, entry.decimals), 14)
          + pad(entry.target, 11) + entry.label)
    }
    return lines.joined(separator: "\n")
  }

  /// One JSON object, every value a number.
  var json: String {
    "{"
      + entries.map { "\"\($0.key)\": \(Self.format($0.value, $0.decimals, grouped: false))" }
      .joined(separator: ", ") + "}"
  }

  /// `value` with `decimals` places; thousands grouped with commas in the table.
  static func format(_ value: Double, _ decimals: Int, grouped: Bool = true) -> String {
    guard value.isFinite else { return "0" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    let whole = String(scaled / Int(scale))
    let text =
      grouped ? group(whole) : whole
    guard decimals > 0 else { return text }
    let fraction = String(scaled % Int(scale))
    return text + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
  }

  private static func group(_ digits: String) -> String {
    var out = ""
    for (index, character) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(character)
    }
    return out
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(1, width - text.count))
  }
}
