import HWCCore
import HWCDomain
import HWCStore
import Testing

@testable import HWCRegister

@Suite struct ComplaintTests {
  @Test func registeringGivesAReadableIdAndARegisteredEvent() throws {
    let fixture = try Fixture()
    let first = try fixture.register.registerComplaint(
      fixture.draft(), actor: fixture.actor("dauren"))
    let second = try fixture.register.registerComplaint(
      fixture.draft {
        $0.incidentDate = "2026-05-01"
        $0.reportedDate = "2026-05-02"
      },
      actor: fixture.actor("dauren"))
    #expect(first.created)
    #expect(first.complaint.code == "KAZ-2026-0001")
    #expect(second.complaint.code == "KAZ-2026-0002")
    #expect(first.complaint.status == "registered")
    #expect(first.complaint.events.map(\.kind) == ["registered"])
    #expect(first.complaint.events.first?.actor == "dauren")
    #expect(first.complaint.claimantMaskedID == "88********11")
  }

  @Test func sequencesAreCountedPerDistrictAndYear() throws {
    let fixture = try Fixture()
    let national = try fixture.actor("national")
    _ = try fixture.register.addClaimant(
      ClaimantDraft(name: "N", nationalID: Fixture.nurlan, district: "Zhanibek"), actor: national)
    let a = try fixture.register.registerComplaint(
      fixture.draft {
        $0.reportedDate = "2025-12-31"
        $0.incidentDate = "2025-12-30"
      }, actor: national)
    let b = try fixture.register.registerComplaint(
      fixture.draft {
        $0.nationalID = Fixture.nurlan
        $0.district = "Zhanibek"
      }, actor: national)
    let c = try fixture.register.registerComplaint(fixture.draft(), actor: national)
    #expect(
      [a, b, c].map(\.complaint.code) == ["KAZ-2025-0001", "ZHA-2026-0001", "KAZ-2026-0001"])
  }

  @Test func theSameRefTwiceIsTheSameComplaint() throws {
    let fixture = try Fixture()
    let dauren = try fixture.actor("dauren")
    let first = try fixture.register.registerComplaint(
      fixture.draft { $0.ref = "F-1" }, actor: dauren)
    let before = try fixture.counts()
    let again = try fixture.register.registerComplaint(
      fixture.draft { $0.ref = "F-1" }, actor: dauren)
    #expect(!again.created)
    #expect(again.complaint.code == first.complaint.code)
    #expect(try fixture.counts() == before)
  }

  @Test func theSameRefWithOtherDetailsIsRefused() throws {
    let fixture = try Fixture()
    let dauren = try fixture.actor("dauren")
    _ = try fixture.register.registerComplaint(fixture.draft { $0.ref = "F-1" }, actor: dauren)
    let before = try fixture.counts()
    #expect(
      throws: DomainError.invalid(
        field: .ref, "'F-1' is already complaint KAZ-2026-0001, registered with different details")
    ) {
      _ = try fixture.register.registerComplaint(
        fixture.draft {
          $0.ref = "F-1"
          $0.items = ["sheep_goat.adult=4"]
        }, actor: dauren)
    }
    #expect(try fixture.counts() == before)
  }

  @Test func aClaimWithinSevenDaysOfAnotherIsFlaggedNotRefused() throws {
    let fixture = try Fixture()
    let dauren = try fixture.actor("dauren")
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: dauren)
    let near = try fixture.register.registerComplaint(
      fixture.draft {
        $0.incidentDate = "2026-06-08"
        $0.reportedDate = "2026-06-09"
      }, actor: dauren)
    let far = try fixture.register.registerComplaint(
      fixture.draft {
        $0.incidentDate = "2026-06-09"
        $0.reportedDate = "2026-06-09"
      }, actor: dauren)
    let otherType = try fixture.register.registerComplaint(
      fixture.draft {
        $0.type = "hay_loss"
        $0.species = "saiga"
        $0.items = ["hay=2"]
      }, actor: dauren)
    #expect(
      near.complaint.flags == [
        "near_duplicate: same claimant and damage type as KAZ-2026-0001 (incident 2026-06-01)"
      ])
    // 2026-06-09 is 8 days after 06-01 but 1 day after 06-08.
    #expect(far.complaint.flags.count == 1)
    #expect(far.complaint.flags.first?.contains("KAZ-2026-0002") == true)
    #expect(otherType.complaint.flags.isEmpty)
  }

  @Test func flagsGrowWithTheComplaintsNotWithTheirPairs() throws {
    let fixture = try Fixture()
    let dauren = try fixture.actor("dauren")
    let forms = 40
    var last: String?
    for day in 1...forms {
      let incident = "2026-06-\(day % 3 == 0 ? "02" : "01")"
      last = try fixture.register.registerComplaint(
        fixture.draft {
          $0.incidentDate = incident
          $0.reportedDate = "2026-06-03"
          $0.ref = "SAME-DAY-\(day)"
        }, actor: dauren
      ).complaint.code
    }
    // One near-duplicate flag per complaint after the first, not one per pair (780 here).
    let flags = try fixture.register.db.scalar(
      Int.self, "SELECT count(*) FROM complaint_flag WHERE kind = 'near_duplicate'")
    #expect(flags == forms - 1)
    let newest = try fixture.register.complaint(code: try #require(last))
    // Form 40 (incident 06-01) is nearest to form 38, the latest one of the same day.
    #expect(
      newest.flags == [
        "near_duplicate: same claimant and damage type as KAZ-2026-0038 (incident 2026-06-01) "
          + "and 38 more within 7 days"
      ])
  }

  @Test func headsAboveTheDeclaredHerdAreFlagged() throws {
    let fixture = try Fixture()
    let dauren = try fixture.actor("dauren")
    let within = try fixture.register.registerComplaint(
      fixture.draft { $0.items = ["sheep_goat.adult=15", "sheep_goat.young=5"] }, actor: dauren)
    let above = try fixture.register.registerComplaint(
      fixture.draft {
        $0.incidentDate = "2026-03-01"
        $0.reportedDate = "2026-03-02"
        $0.items = ["sheep_goat.adult=15", "sheep_goat.young=6", "horse.adult=1"]
      }, actor: dauren)
    #expect(within.complaint.flags.isEmpty)
    #expect(
      above.complaint.flags == [
        "above_herd: 1 horse claimed, 0 declared in the herd",
        "above_herd: 21 sheep_goat claimed, 20 declared in the herd",
      ])
  }

  @Test(arguments: [
    ("saule", "saule may not register complaints in Kaztalov"),
    ("admin", "admin may not register complaints in Kaztalov"),
    ("marat", "marat may not register complaints in Kaztalov"),
    ("bakyt", "bakyt may not register complaints in Kaztalov"),
  ])
  func onlyAnOfficerInScopeRegisters(actor: String, message: String) throws {
    let fixture = try Fixture()
    let before = try fixture.counts()
    #expect {
      _ = try fixture.register.registerComplaint(fixture.draft(), actor: fixture.actor(actor))
    } throws: { ($0 as? DomainError)?.description.hasPrefix(message) == true }
    #expect(try fixture.counts() == before)
  }

  @Test func anUnknownClaimantIsRefusedWithTheIdMasked() throws {
    let fixture = try Fixture()
    let before = try fixture.counts()
    #expect {
      _ = try fixture.register.registerComplaint(
        fixture.draft { $0.nationalID = Fixture.gulnara }, actor: fixture.actor("dauren"))
    } throws: { error in
      let text = (error as? DomainError)?.description ?? ""
      return text.hasPrefix("--claimant: no claimant with national ID 90********36")
        && !text.contains(Fixture.gulnara)
    }
    #expect(try fixture.counts() == before)
  }

  @Test func anInvalidDraftWritesNothing() throws {
    let fixture = try Fixture()
    let before = try fixture.counts()
    #expect(throws: DomainError.self) {
      _ = try fixture.register.registerComplaint(
        fixture.draft { $0.incidentDate = "2026-02-30" }, actor: fixture.actor("dauren"))
    }
    #expect(try fixture.counts() == before)
  }

  @Test func listFiltersByDistrictStatusAndQuarter() throws {
    let fixture = try Fixture()
    let dauren = try fixture.actor("dauren")
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: dauren)
    _ = try fixture.register.registerComplaint(
      fixture.draft {
        $0.incidentDate = "2026-03-30"
        $0.reportedDate = "2026-03-31"
      }, actor: dauren)
    let register = fixture.register
    #expect(try register.complaints(quarter: "2026-Q2").map(\.code) == ["KAZ-2026-0001"])
    #expect(try register.complaints(quarter: "2026-q1").map(\.code) == ["KAZ-2026-0002"])
    #expect(try register.complaints(district: "Zhanibek").isEmpty)
    #expect(try register.complaints(district: "kaztalov", status: "registered").count == 2)
    #expect(try register.complaints(status: "paid").isEmpty)
    #expect(throws: DomainError.self) { _ = try register.complaints(quarter: "2026-Q5") }
    #expect(throws: DomainError.self) { _ = try register.complaints(status: "lost") }
    #expect(throws: DomainError.self) { _ = try register.complaints(district: "Mars") }
  }

  @Test(arguments: [
    ("2026-Q1", "2026-01-01", "2026-03-31"), ("2026-Q4", "2026-10-01", "2026-12-31"),
    ("2024-Q1", "2024-01-01", "2024-03-31"),
  ])
  func quarterBounds(text: String, first: String, last: String) throws {
    let (a, b) = try Register.quarterBounds(text)
    #expect(a.description == first)
    #expect(b.description == last)
  }

  @Test func complaintRowsCannotBeDeletedNorItemsChanged() throws {
    let fixture = try Fixture()
    _ = try fixture.register.registerComplaint(fixture.draft(), actor: fixture.actor("dauren"))
    #expect(throws: SQLiteError.self) { try fixture.register.db.run("DELETE FROM complaint") }
    #expect(throws: SQLiteError.self) {
      try fixture.register.db.run("UPDATE complaint_item SET quantity_centi = 1")
    }
    #expect(throws: SQLiteError.self) { try fixture.register.db.run("DELETE FROM audit_entry") }
  }
}
