import HWCCore
import HWCDomain
import HWCRules
import HWCStore

/// What the herder's documents (receipt, decision letter) say about a complaint, read in one
/// place: the complaint as registered, the claimant's national ID masked (the full number never
/// leaves the register), the claimed items, the status history and the payment.
public struct ComplaintDocumentFacts: Sendable, Equatable {
  /// A claimed quantity of a rate item, in hundredths.
  public struct Item: Sendable, Equatable {
    public let item: String
    public let quantityCenti: Int
  }

  /// A status change: the status it led to, when, and why.
  public struct Event: Sendable, Equatable {
    public let status: ComplaintStatus
    public let at: String
    public let reason: String?
  }

  /// The payment of a paid complaint.
  public struct Payment: Sendable, Equatable {
    public let reference: String
    public let paidOn: String
    public let amountMinor: Int

    public init(reference: String, paidOn: String, amountMinor: Int) {
      self.reference = reference
      self.paidOn = paidOn
      self.amountMinor = amountMinor
    }
  }

  /// The complaint id, e.g. `KAZ-2026-0001`.
  public let code: String
  /// The field-form number, when there is one.
  public let ref: String?
  public let status: ComplaintStatus
  /// When the complaint was entered in the register (a timestamp).
  public let registeredAt: String
  /// The user who registered it.
  public let registeredBy: String
  public let incidentDate: String
  public let reportedDate: String
  public let claimantName: String
  /// First two and last two digits, the rest `*`.
  public let claimantMaskedID: String
  /// The claimant's preferred language for documents (`kk`, `ru`, …), when recorded.
  public let claimantLang: String?
  public let district: District
  public let conservancy: Conservancy?
  public let village: String?
  public let damageType: String
  public let species: String
  /// What the herder claimed, in item order.
  public let items: [Item]
  /// Every status change, oldest first.
  public let events: [Event]
  public let payment: Payment?

  /// Which scheme applies and who pays.
  public var coverage: Coverage {
    Coverage(
      district: district, conservancy: conservancy,
      incidentYear: Int(incidentDate.prefix(4)) ?? 0)
  }
}

extension Register {
  /// The facts of complaint `code` for the herder's documents; an unknown id is refused naming
  /// the `ID` argument.
  public func complaintDocument(code text: String) throws -> ComplaintDocumentFacts {
    let code = text.trimmingSpaces.uppercased()
    return try db.transaction(.deferred) {
      let row = try db.prepare(
        """
        SELECT c.id, c.code, c.external_ref, c.status, c.registered_at, u.name AS registered_by_name, c.incident_date,
          c.reported_date, cl.name AS claimant_name, cl.national_id, cl.lang, c.district_id, c.conservancy_id, c.village,
          c.damage_type, c.species
        FROM complaint c JOIN claimant cl ON cl.id = c.claimant_id
        JOIN app_user u ON u.id = c.registered_by
        WHERE c.code = ?
        """
      ).first(with: [code]) { row in
        (
          id: row.int("id"), code: row.text("code"), ref: row.optionalText("external_ref"),
          status: ComplaintStatus(rawValue: row.text("status"))!,
          registeredAt: row.text("registered_at"), registeredBy: row.text("registered_by_name"),
          incident: row.text("incident_date"),
          reported: row.text("reported_date"), name: row.text("claimant_name"),
          nationalID: row.text("national_id"), lang: row.optionalText("lang"),
          districtID: row.int("district_id"), conservancyID: row.optionalInt("conservancy_id"),
          village: row.optionalText("village"), type: row.text("damage_type"),
          species: row.text("species")
        )
      }
      guard let row, let district = reference.district(id: row.districtID) else {
        throw DomainError.invalid(field: .complaint, "there is no complaint \(text.trimmingSpaces)")
      }
      let id: [any SQLBindable] = [row.id]
      let items = try db.prepare(
        ReadSQL.claimedItems
      ).map(with: id) {
        ComplaintDocumentFacts.Item(item: $0.text("item"), quantityCenti: $0.int("quantity_centi"))
      }
      let events = try db.prepare(
        """
        SELECT to_status, at, reason FROM complaint_event WHERE complaint_id = ?
          AND kind != \(ComplaintEventKind.corrected.sqlLiteral) ORDER BY id
        """
      ).map(with: id) {
        ComplaintDocumentFacts.Event(
          status: ComplaintStatus(rawValue: $0.text("to_status"))!, at: $0.text("at"),
          reason: $0.optionalText("reason"))
      }
      let payment = try db.prepare(
        """
        SELECT t.reference, t.on_date,
          (SELECT sum(amount_minor) FROM ledger_entry WHERE transfer_id = t.id AND amount_minor > 0) AS amount_minor
        FROM ledger_transfer t WHERE t.complaint_id = ? AND t.kind = \(TransferKind.payment.sqlLiteral)
        """
      ).first(with: id) {
        ComplaintDocumentFacts.Payment(
          reference: $0.text("reference"), paidOn: $0.text("on_date"),
          amountMinor: $0.int("amount_minor"))
      }
      return ComplaintDocumentFacts(
        code: row.code, ref: row.ref, status: row.status, registeredAt: row.registeredAt,
        registeredBy: row.registeredBy, incidentDate: row.incident, reportedDate: row.reported,
        claimantName: row.name, claimantMaskedID: NationalID.mask(row.nationalID),
        claimantLang: row.lang,
        district: district,
        conservancy: row.conservancyID.flatMap { reference.conservancy(id: $0) },
        village: row.village, damageType: row.type, species: row.species, items: items,
        events: events, payment: payment)
    }
  }
}
