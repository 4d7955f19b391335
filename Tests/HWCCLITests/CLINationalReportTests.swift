import Foundation
import HWCCore
import HWCTestSupport
import Testing

@testable import HWCCLI
@testable import HWCRegister

/// `hwc national report quarterly` through the command line, over the demo's three offices as
/// `hwc demo` builds them (enrolled, keyed, exported and accepted in-process).
@Suite struct CLINationalReportTests {
  /// The integer at `keys` of a JSON value, 0 when there is none.
  static func int(_ value: JSON, _ keys: String...) -> Int {
    var current = value
    for key in keys {
      guard case .object(let pairs) = current, let next = pairs.first(where: { $0.0 == key })
      else { return 0 }
      current = next.1
    }
    if case .int(let number) = current { return number }
    return 0
  }

  /// The paid total of `currency` in a report's compensation totals.
  static func paid(_ value: JSON, _ currency: String) -> Int {
    guard case .object(let sections) = value,
      case .object(let compensation)? = sections.first(where: { $0.0 == "compensation" })?.1,
      case .array(let totals)? = compensation.first(where: { $0.0 == "totals" })?.1
    else { return 0 }
    for total in totals {
      guard case .object(let fields) = total,
        fields.contains(where: { $0.0 == "currency" && $0.1 == .string(currency) })
      else { continue }
      return int(total, "paid_minor")
    }
    return 0
  }

  @Test func theDemosNationalReportAddsUpItsOfficesReports() throws {
    let workspace = Workspace()
    let secrets = workspace.path("secrets")
    try DemoCommand.makeDirectory(secrets)
    let (folder, lines) = try DemoNational.build(
      directory: workspace.directory, secrets: secrets, progress: { _ in })
    #expect(lines.count == 3)
    let quarter = ["--quarter", "2026-Q3"]
    let national = workspace.ok(
      ["national", "report", "quarterly", "--national", folder, "--format", "json"] + quarter,
      environment: [:])
    let pooled = try JSON.parse(national.out)
    var complaints = 0
    var paidCount = 0
    var kzt = 0
    var kgs = 0
    for (code, _, _) in DemoNational.offices {
      let replica = "\(folder)/offices/\(code).sqlite"
      let own = try JSON.parse(
        workspace.ok(["report", "quarterly", "--db", replica, "--json"] + quarter).out)
      complaints += Self.int(own, "complaints", "total")
      paidCount += Self.int(own, "decisions", "paid")
      kzt += Self.paid(own, "KZT")
      kgs += Self.paid(own, "KGS")
    }
    #expect(complaints > 0 && kzt > 0 && kgs > 0)
    #expect(Self.int(pooled, "complaints", "total") == complaints)
    #expect(Self.int(pooled, "decisions", "paid") == paidCount)
    #expect(Self.paid(pooled, "KZT") == kzt)
    #expect(Self.paid(pooled, "KGS") == kgs)

    let text = workspace.ok(
      ["national", "report", "quarterly", "--national", folder, "--lang", "ru"] + quarter,
      environment: [:]
    ).out
    #expect(text.contains("11. ОФИСЫ"))
    for (code, _, _) in DemoNational.offices {
      let replica = try Register.open(path: "\(folder)/offices/\(code).sqlite", readOnly: true)
      let head = try #require(try replica.auditAnchor())
      #expect(text.contains(head.description), "\(code)")
    }
    let anchor = try #require(text.split(separator: "\n").last)
    #expect(anchor.hasPrefix("Отметка национального реестра: "))
  }

  @Test func aNationalRegisterWithoutBundlesHasNoFiguresToReport() throws {
    let workspace = Workspace()
    let secret = try workspace.write("minister", "ministry passphrase, for tests\n")
    let folder = workspace.path("national")
    workspace.ok(
      ["national", "init", "--national", folder, "--new-password-file", secret], environment: [:])
    let refused = workspace.run(
      ["national", "report", "quarterly", "--quarter", "2026-Q2", "--national", folder],
      environment: [:])
    #expect(refused.code == 1)
    #expect(refused.out.isEmpty)
    #expect(
      refused.err
        == "hwc: no office has sent a bundle to \(folder) yet, so there are no figures; accept "
        + "one with 'hwc national accept BUNDLE'\n")
  }
}
