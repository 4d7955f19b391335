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
        SELECT c.id, c.code, c.external_ref, c.status, c.registered_at, u.name, c.incident_date,
          c.reported_date, cl.name, cl.national_id, c.district_id, c.conservancy_id, c.village,
          c.damage_type, c.species
        FROM complaint c JOIN claimant cl ON cl.id = c.claimant_id
        JOIN app_user u ON u.id = c.registered_by
        WHERE c.code = ?
        """
      ).first([.text(code)]) { row in
        (
          id: row.int(0), code: row.text(1), ref: row.optionalText(2),
          status: ComplaintStatus(rawValue: row.text(3))!,
          registeredAt: row.text(4), registeredBy: row.text(5), incident: row.text(6),
          reported: row.text(7), name: row.text(8), nationalID: row.text(9),
          districtID: row.int(10), conservancyID: row.optionalInt(11),
          village: row.optionalText(12), type: row.text(13), species: row.text(14)
        )
      }
      guard let row, let district = reference.district(id: row.districtID) else {
        throw DomainError.invalid(field: .complaint, "there is no complaint \(text.trimmingSpaces)")
      }
      let id: [SQLValue] = [.integer(Int64(row.id))]
      let items = try db.prepare(
        "SELECT item, quantity_centi FROM complaint_item WHERE complaint_id = ? ORDER BY item"
      ).map(id) { ComplaintDocumentFacts.Item(item: $0.text(0), quantityCenti: $0.int(1)) }
      let events = try db.prepare(
        "SELECT to_status, at, reason FROM complaint_event WHERE complaint_id = ? ORDER BY id"
      ).map(id) {
        ComplaintDocumentFacts.Event(
          status: ComplaintStatus(rawValue: $0.text(0))!, at: $0.text(1),
          reason: $0.optionalText(2))
      }
      let payment = try db.prepare(
        """
        SELECT t.reference, t.on_date,
          (SELECT sum(amount_minor) FROM ledger_entry WHERE transfer_id = t.id AND amount_minor > 0)
        FROM ledger_transfer t WHERE t.complaint_id = ? AND t.kind = \(TransferKind.payment.sqlLiteral)
        """
      ).first(id) {
        ComplaintDocumentFacts.Payment(
          reference: $0.text(0), paidOn: $0.text(1), amountMinor: $0.int(2))
      }
      return ComplaintDocumentFacts(
        code: row.code, ref: row.ref, status: row.status, registeredAt: row.registeredAt,
        registeredBy: row.registeredBy, incidentDate: row.incident, reportedDate: row.reported,
        claimantName: row.name, claimantMaskedID: NationalID.mask(row.nationalID),
        district: district,
        conservancy: row.conservancyID.flatMap { reference.conservancy(id: $0) },
        village: row.village, damageType: row.type, species: row.species, items: items,
        events: events, payment: payment)
    }
  }
}
