import HWCCore
import HWCDomain
import HWCTestSupport
import Testing

@testable import HWCRegister

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `Register.importComplaints` on whole files: malformed ones, a large one, and the audit trail.
@Suite struct ComplaintImportFileTests {
  /// A malformed file: its text and the start of the one error naming FILE:LINE.
  struct Malformed: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let error: String

    var testDescription: String { name }
  }

  static let header = ComplaintCSVRow.header

  static let malformed = [
    Malformed(
      name: "unterminated quote",
      text: header + ComplaintCSVRow().text
        + "F-2,880512300411,\"Yerlan Bekov,Kaztalov,,,hay_loss,saiga,2026-06-01,2026-06-02,hay=1\n"
        + ComplaintCSVRow.with { $0.ref = "F-3" }.text,
      error: "bad.csv:3: a quoted field is never closed"),
    Malformed(
      name: "text after a closing quote",
      text: header + ComplaintCSVRow().text + ComplaintCSVRow().text
        + "F-3,\"880512300411\"x,,Kaztalov,,,hay_loss,saiga,2026-06-01,2026-06-02,hay=1\n",
      error: "bad.csv:4: text follows the closing quote of a quoted field"),
    Malformed(
      name: "a column twice",
      text: header.dropLast() + ",village\n" + ComplaintCSVRow().text,
      error: "bad.csv:1: header: column 'village' appears twice"),
    Malformed(
      name: "unknown header column",
      text: header.replacingFirst("village", with: "colour") + ComplaintCSVRow().text,
      error: "bad.csv:1: header: unknown column 'colour'"),
    Malformed(
      name: "missing column",
      text: header.replacingFirst(",items", with: "")
        + CSVWriter.row(Array(ComplaintCSVRow().fields.dropLast())),
      error: "bad.csv:1: header: missing column 'items'"),
    Malformed(
      name: "empty file", text: "", error: "bad.csv:1: the file is empty; it needs a header row"),
  ]

  @Test(arguments: malformed)
  func aMalformedFileIsRefusedWholeNamingFileAndLine(_ file: Malformed) throws {
    let fixture = try Fixture()
    let path = try fixture.file("bad.csv", file.text)
    let rejects = fixture.directory.file("rejects.csv")
    let before = try fixture.counts()
    for options in [
      ImportOptions(), ImportOptions(skipInvalid: true, rejectsPath: rejects),
      ImportOptions(dryRun: true),
    ] {
      #expect {
        _ = try fixture.importComplaints(path, options: options)
      } throws: { error in
        guard let error = error as? ImportFileError else { return false }
        #expect(error.description.hasPrefix(file.error), "\(error.description)")
        return true
      }
      #expect(try fixture.counts() == before)
      #expect(access(rejects, F_OK) != 0, "a refused file left \(rejects) behind")
    }
  }

  @Test func fiveThousandRowsInTwoDistrictsImportInOneCall() throws {
    let fixture = try Fixture()
    let count = 5_000
    let types = [
      ("hay_loss", "hay=3"), ("pasture_trampling", "pasture.light=12.5"),
      ("crop_invasion", "crop.fodder=2"), ("water_depletion", "water.point_day=4"),
    ]
    var text = Self.header
    for (index, iin) in GeneratedIIN.first(count).enumerated() {
      let (type, items) = types[index % types.count]
      text += CSVWriter.row([
        "N-\(index)", iin, "Herder \(index)", index % 2 == 0 ? "Kaztalov" : "Zhanibek", "",
        "Village \(index % 40)", type, "saiga", "2026-05-01", "2026-05-03", items,
      ])
    }
    let path = try fixture.file("national.csv", text)
    let before = try fixture.counts()
    let run = try fixture.importComplaints(path, as: "national")
    #expect(run.errors == [])
    #expect(
      run.tally
        == Tally(rows: count, created: count, claimantsCreated: count, committed: true))
    let after = try fixture.counts()
    #expect(after["complaint"] == before["complaint"]! + count)
    #expect(after["claimant"] == before["claimant"]! + count)
    #expect(after["audit_entry"] == before["audit_entry"]! + 2 * count)
    #expect(try fixture.register.complaints(district: "Kaztalov").count == count / 2)
    #expect(try fixture.register.complaints(district: "Zhanibek").count == count / 2)
    #expect(try fixture.register.complaint(code: "ZHA-2026-2500").ref == "N-4999")
    let audit = try fixture.register.verifyAudit()
    #expect(audit.problem == nil)
    #expect(audit.entries == after["audit_entry"])
  }

  @Test func everyCreatedComplaintAndClaimantHasAnAuditEntry() throws {
    let fixture = try Fixture()
    let path = try fixture.csv("field.csv", ComplaintImportTests.goodRows)
    let before = try fixture.counts()
    let run = try fixture.importComplaints(path)
    #expect(run.tally == Tally(rows: 3, created: 3, claimantsCreated: 1, committed: true))
    #expect(try fixture.counts()["audit_entry"] == before["audit_entry"]! + 4)
    for code in ["KAZ-2026-0001", "KAZ-2026-0002", "KAZ-2026-0003"] {
      let entries = try fixture.register.auditLog(entity: "complaint:\(code)")
      #expect(entries.count == 1, "\(code)")
      #expect(entries.first?.action == "create")
      #expect(entries.first?.actor == "dauren")
      #expect(entries.first?.command == "hwc complaint import")
      #expect(entries.first?.digest?.count == 64)
    }
    let claimant = try fixture.register.auditLog(entity: "claimant:\(Fixture.gulnara)")
    #expect(claimant.map(\.action) == ["create"])
    #expect(claimant.first?.digest?.count == 64)
    #expect(try fixture.register.verifyAudit().problem == nil)
    // A re-import adds no entry and leaves the chain intact.
    _ = try fixture.importComplaints(path)
    #expect(try fixture.counts()["audit_entry"] == before["audit_entry"]! + 4)
    #expect(try fixture.register.verifyAudit().problem == nil)
  }

  @Test func generatedIINsAreValidAndDistinct() throws {
    let iins = GeneratedIIN.first(2_000)
    #expect(Set(iins).count == iins.count)
    for iin in iins.prefix(200) {
      #expect(throws: Never.self) { _ = try NationalID(iin, country: .kz) }
    }
    #expect(NationalID.iinCheckDigit(of: [8, 8, 0, 5, 1, 2, 3, 0, 0, 4, 1]) == 1)
  }
}

extension String {
  /// The string with the first `target` replaced.
  fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = firstRange(of: target) else { return self }
    var result = self
    result.replaceSubrange(range, with: replacement)
    return result
  }
}
