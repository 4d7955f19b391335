import HWCCore
import HWCDomain
import Testing

@testable import HWCRegister

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `Register.importComplaints`: rows, all-or-nothing, dry runs, rejects and idempotency.
@Suite struct ComplaintImportTests {
  /// Three good rows in Kaztalov, one of them adding Gulnara as a new claimant.
  static let goodRows: [ComplaintCSVRow] = [
    ComplaintCSVRow(),
    .with {
      $0.ref = "F-2"
      $0.claimantID = Fixture.gulnara
      $0.claimantName = "Gulnara Sarsenova"
      $0.village = "Kaztalovka"
      $0.type = "hay_loss"
      $0.species = "saiga"
      $0.items = "hay=2.5"
    },
    .with {
      $0.ref = "F-3"
      $0.type = "crop_invasion"
      $0.species = "saiga"
      $0.items = "crop.wheat=12;crop.barley=3.25"
    },
  ]

  @Test func aGoodFileImportsEveryRowAndAddsNewClaimants() throws {
    let fixture = try Fixture()
    let rows: [ComplaintCSVRow] =
      Self.goodRows + [
        .with {
          $0.ref = "F-4"
          $0.claimantID = Fixture.gulnara
          $0.claimantName = "Gulnara Sarsenova"
          $0.type = "water_depletion"
          $0.species = "saiga"
          $0.items = "water.point_day=14"
        },
        .with {
          $0.ref = "SH-1"
          $0.claimantID = Fixture.asel
          $0.claimantName = "Asel Toktogulova"
          $0.district = "Chuy"
          $0.conservancy = "Shamshy"
          $0.village = "Shamshy"
          $0.species = "snow_leopard"
          $0.items = "sheep_goat.adult=2;yak.young=1"
        },
      ]
    let path = try fixture.csv("field.csv", rows)
    let before = try fixture.counts()
    let run = try fixture.importComplaints(path, as: "national")
    #expect(run.errors == [])
    #expect(
      run.tally == Tally(rows: 5, created: 5, claimantsCreated: 2, committed: true))
    let after = try fixture.counts()
    #expect(after["complaint"] == before["complaint"]! + 5)
    #expect(after["claimant"] == before["claimant"]! + 2)
    let register = fixture.register
    #expect(
      try register.complaints().map(\.code).sorted() == [
        "CHU-2026-0001", "KAZ-2026-0001", "KAZ-2026-0002", "KAZ-2026-0003", "KAZ-2026-0004",
      ])
    let hay = try register.complaint(code: "KAZ-2026-0002")
    #expect(hay.ref == "F-2")
    #expect(hay.claimantName == "Gulnara Sarsenova")
    #expect(hay.itemsText == "hay=2.5")
    #expect(hay.registeredBy == "national")
    let crops = try register.complaint(code: "KAZ-2026-0003")
    #expect(crops.itemsText == "crop.barley=3.25;crop.wheat=12")
    let gulnara = try register.claimant(nationalID: Fixture.gulnara)
    #expect(gulnara.name == "Gulnara Sarsenova")
    #expect(gulnara.district == "Kaztalov")
    #expect(gulnara.village == "Kaztalovka")
    #expect(gulnara.complaints == 2)
    let asel = try register.claimant(nationalID: Fixture.asel)
    #expect(asel.district == "Chuy")
    #expect(asel.conservancy == "Shamshy")
    #expect(try register.complaint(code: "CHU-2026-0001").conservancy == "Shamshy")
  }

  /// A file of good and bad rows; line 4–5 is one record (a quoted village with a line break).
  static func mixedFile(_ fixture: Fixture, name: String = "bad.csv") throws -> String {
    let rows: [String] = [
      ComplaintCSVRow.with { $0.ref = "G-1" }.text,  // line 2
      ComplaintCSVRow.with {  // line 3
        $0.ref = "B-1"
        $0.incidentDate = "2026-02-30"
      }.text,
      ComplaintCSVRow.with {  // lines 4-5
        $0.ref = "G-2"
        $0.village = "Zhalpaktal\nnorth pasture"
        $0.type = "hay_loss"
        $0.species = "saiga"
        $0.items = "hay=2"
      }.text,
      ComplaintCSVRow.with {  // line 6
        $0.ref = "B-2"
        $0.district = "Mars"
      }.text,
      ComplaintCSVRow.with {  // line 7
        $0.ref = "B-3"
        $0.type = "hay_loss"
        $0.species = "saiga"
      }.text,
      ComplaintCSVRow.with { $0.ref = "" }.text,  // line 8
      ComplaintCSVRow.with {  // line 9
        $0.ref = "B-5"
        $0.claimantID = Fixture.gulnara
      }.text,
      ComplaintCSVRow.with {  // line 10
        $0.ref = "B-6"
        $0.claimantID = "900715400237"
        $0.claimantName = "Gulnara Sarsenova"
      }.text,
      ComplaintCSVRow.with {  // line 11
        $0.ref = "B-7"
        $0.district = "Zhanibek"
      }.text,
      "B-8,880512300411,Yerlan Bekov\n",  // line 12
      ComplaintCSVRow.with {  // line 13
        $0.ref = "G-3"
        $0.type = "crop_invasion"
        $0.species = "saiga"
        $0.items = "crop.wheat=12"
      }.text,
    ]
    return try fixture.file(name, ComplaintCSVRow.header + rows.joined())
  }

  static func mixedFileErrors(_ fixture: Fixture) -> [String] {
    let districts = fixture.register.reference.districtNames
    return [
      "bad.csv:3: incident_date: 2026-02-30 is not a date (YYYY-MM-DD)",
      "bad.csv:6: district: 'Mars' is not a district (one of: \(districts))",
      "bad.csv:7: items: sheep_goat.adult is not accepted for hay_loss (accepted: hay)",
      "bad.csv:8: ref: is required, so that importing the file again cannot duplicate complaints",
      "bad.csv:9: claimant_id: no claimant with national ID 90********36, "
        + "and no claimant_name to add them",
      "bad.csv:10: claimant_id: The last digit of the Kazakh IIN does not match its check digit, "
        + "so a digit was probably mistyped; re-read the number from the identity document.",
      "bad.csv:11: row: dauren may not register complaints in Zhanibek: that needs the officer "
        + "role for that district or conservancy",
      "bad.csv:12: row: has 3 fields, the header has 11",
    ]
  }

  @Test func oneBadRowRefusesTheWholeFileAndEveryBadRowIsReported() throws {
    let fixture = try Fixture()
    let path = try Self.mixedFile(fixture)
    let before = try fixture.counts()
    let run = try fixture.importComplaints(path)
    #expect(run.errors == Self.mixedFileErrors(fixture))
    #expect(run.summary.rows == 11)
    #expect(run.summary.rejected == 8)
    #expect(!run.summary.committed)
    #expect(try fixture.counts() == before)
    #expect(throws: DomainError.self) { _ = try fixture.register.complaint(code: "KAZ-2026-0001") }
  }

  @Test func aDryRunReportsTheSameErrorsAndCountsAndWritesNothing() throws {
    let fixture = try Fixture()
    let path = try Self.mixedFile(fixture)
    let rejects = fixture.directory.file("rejects.csv")
    let before = try fixture.counts()
    let dry = try fixture.importComplaints(
      path, options: ImportOptions(dryRun: true, skipInvalid: true, rejectsPath: rejects))
    #expect(try fixture.counts() == before)
    #expect(access(rejects, F_OK) != 0, "a dry run wrote \(rejects)")
    let real = try fixture.importComplaints(path)
    #expect(dry.errors == Self.mixedFileErrors(fixture))
    #expect(dry.errors == real.errors)
    #expect(dry.tally == real.tally)
    #expect(!dry.summary.committed)
    #expect(try fixture.counts() == before)
  }

  @Test func aDryRunOfAGoodFileCountsEveryRowButWritesNothing() throws {
    let fixture = try Fixture()
    let path = try fixture.csv("good.csv", Self.goodRows)
    let before = try fixture.counts()
    let dry = try fixture.importComplaints(path, options: ImportOptions(dryRun: true))
    #expect(dry.errors == [])
    #expect(dry.tally == Tally(rows: 3, created: 3, claimantsCreated: 1, committed: false))
    #expect(try fixture.counts() == before)
    let real = try fixture.importComplaints(path)
    #expect(real.tally == Tally(rows: 3, created: 3, claimantsCreated: 1, committed: true))
  }

  @Test func skipInvalidImportsTheGoodRowsAndWritesTheBadOnesToRejects() throws {
    let fixture = try Fixture()
    let bad = [
      ComplaintCSVRow.with {
        $0.ref = "B-1"
        $0.incidentDate = "2026-02-30"
      },
      ComplaintCSVRow.with {
        $0.ref = "B-2"
        $0.district = "Mars"
        $0.village = "Zhalpaktal\n\"north\" pasture, by the well"
      },
    ]
    let good = [
      ComplaintCSVRow.with { $0.ref = "G-1" },
      ComplaintCSVRow.with {
        $0.ref = "G-2"
        $0.type = "hay_loss"
        $0.species = "saiga"
        $0.items = "hay=1"
      },
    ]
    // Lines: G-1 2, B-1 3, B-2 4-5, G-2 6.
    let path = try fixture.csv("field.csv", [good[0], bad[0], bad[1], good[1]])
    let rejects = fixture.directory.file("rejects.csv")
    let before = try fixture.counts()
    let run = try fixture.importComplaints(
      path, options: ImportOptions(skipInvalid: true, rejectsPath: rejects))
    let dateProblem = "incident_date: 2026-02-30 is not a date (YYYY-MM-DD)"
    let districtProblem =
      "district: 'Mars' is not a district (one of: \(fixture.register.reference.districtNames))"
    #expect(run.errors == ["field.csv:3: " + dateProblem, "field.csv:4: " + districtProblem])
    #expect(run.tally == Tally(rows: 4, created: 2, rejected: 2, committed: true))
    #expect(try fixture.counts()["complaint"] == before["complaint"]! + 2)
    #expect(try fixture.register.complaints().map(\.code) == ["KAZ-2026-0001", "KAZ-2026-0002"])
    var reader = try CSVReader(path: rejects)
    var records: [[String]] = []
    while let record = try reader.next() { records.append(record.fields) }
    let header = ["line"] + ComplaintCSVRow.header.dropLast().split(separator: ",").map(String.init)
    #expect(
      records == [
        header + ["error"],
        ["3"] + bad[0].fields + [dateProblem],
        ["4"] + bad[1].fields + [districtProblem],
      ])
  }

  @Test func aShortRowIsRejectedWithItsReasonInTheErrorColumn() throws {
    let fixture = try Fixture()
    let path = try fixture.file(
      "field.csv",
      ComplaintCSVRow.header + ComplaintCSVRow().text + "B-8,880512300411,Yerlan Bekov\n")
    let rejects = fixture.directory.file("rejects.csv")
    let run = try fixture.importComplaints(
      path, options: ImportOptions(skipInvalid: true, rejectsPath: rejects))
    #expect(run.tally == Tally(rows: 2, created: 1, rejected: 1, committed: true))
    var reader = try CSVReader(path: rejects)
    let header = try #require(try reader.next()).fields
    let row = try #require(try reader.next()).fields
    // Every record as wide as the header, so that the reason sits under "error".
    #expect(row.count == header.count)
    #expect(row.first == "3")
    #expect(row.last == "row: has 3 fields, the header has 11")
    #expect(header.last == "error")
  }

  @Test func theRejectReasonDoesNotDependOnTheFileName() throws {
    let fixture = try Fixture()
    let path = try fixture.csv("field forms.csv", [.with { $0.district = "Mars" }])
    let rejects = fixture.directory.file("rejects.csv")
    let run = try fixture.importComplaints(
      path, options: ImportOptions(skipInvalid: true, rejectsPath: rejects))
    let problem =
      "district: 'Mars' is not a district (one of: \(fixture.register.reference.districtNames))"
    #expect(run.errors == ["field forms.csv:2: " + problem])
    var reader = try CSVReader(path: rejects)
    _ = try reader.next()
    #expect(try reader.next()?.fields.last == problem)
  }

  @Test func skipInvalidWithoutARejectsFileIsRefused() throws {
    let fixture = try Fixture()
    let path = try fixture.csv("field.csv", Self.goodRows)
    let before = try fixture.counts()
    #expect(throws: DomainError.invalid(field: .rejects, "--skip-invalid needs --rejects FILE")) {
      _ = try fixture.importComplaints(path, options: ImportOptions(skipInvalid: true))
    }
    #expect(try fixture.counts() == before)
  }

  @Test func importingTheSameFileTwiceChangesNothing() throws {
    let fixture = try Fixture()
    let path = try fixture.csv("field.csv", Self.goodRows)
    let first = try fixture.importComplaints(path)
    #expect(first.tally == Tally(rows: 3, created: 3, claimantsCreated: 1, committed: true))
    let before = try fixture.counts()
    let second = try fixture.importComplaints(path)
    #expect(second.errors == [])
    #expect(second.tally == Tally(rows: 3, unchanged: 3, committed: true))
    #expect(try fixture.counts() == before)
  }

  @Test func aKnownRefWithOtherDetailsInALaterFileIsARowError() throws {
    let fixture = try Fixture()
    _ = try fixture.importComplaints(try fixture.csv("june.csv", Self.goodRows))
    let before = try fixture.counts()
    let later = try fixture.csv(
      "later.csv",
      [.with { $0.items = "sheep_goat.adult=4" }, .with { $0.ref = "F-9" }])
    let run = try fixture.importComplaints(later)
    #expect(
      run.errors == [
        "later.csv:2: ref: 'F-1' is already complaint KAZ-2026-0001, registered with different "
          + "details"
      ])
    #expect(!run.summary.committed)
    #expect(try fixture.counts() == before)
  }

  @Test func anIdenticalRowTwiceInOneFileIsImportedOnce() throws {
    let fixture = try Fixture()
    let row = ComplaintCSVRow.with {
      $0.claimantID = Fixture.nurlan
      $0.claimantName = "Nurlan Omarov"
    }
    let before = try fixture.counts()
    let run = try fixture.importComplaints(try fixture.csv("twice.csv", [row, row]))
    #expect(run.errors == [])
    #expect(
      run.tally == Tally(rows: 2, created: 1, unchanged: 1, claimantsCreated: 1, committed: true))
    #expect(try fixture.counts()["complaint"] == before["complaint"]! + 1)
  }

  @Test func oneRefWithTwoDifferentRowsInOneFileIsARowError() throws {
    let fixture = try Fixture()
    let before = try fixture.counts()
    let path = try fixture.csv(
      "twice.csv", [ComplaintCSVRow(), .with { $0.incidentDate = "2026-05-31" }])
    let run = try fixture.importComplaints(path)
    #expect(
      run.errors == [
        "twice.csv:3: ref: 'F-1' is already complaint KAZ-2026-0001, registered with different "
          + "details"
      ])
    #expect(run.summary.rejected == 1)
    #expect(!run.summary.committed)
    #expect(try fixture.counts() == before)
  }
}
