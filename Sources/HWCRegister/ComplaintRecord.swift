import HWCCore
import HWCDomain

/// A complaint as shown and listed.
public struct ComplaintRecord: Sendable {
  public let id: Int
  public let code: String
  public let district: String
  public let conservancy: String?
  public let claimantMaskedID: String
  public let claimantName: String
  public let type: String
  public let species: String
  public let incidentDate: String
  public let reportedDate: String
  public let status: String
  public let items: [ItemQuantity]
  public let ref: String?
  public let village: String?
  public let latitudeMicro: Int?
  public let longitudeMicro: Int?
  public let notes: String?
  public let registeredAt: String
  public let registeredBy: String
  public let flags: [String]
  public let events: [Event]

  /// One transition of the complaint.
  public struct Event: Sendable {
    public let kind: String
    public let fromStatus: String?
    public let toStatus: String
    public let actor: String
    public let at: String
    public let reason: String?
    /// What a `corrected` event changed, old and new.
    public var changes: [FieldChange] = []
  }

  /// Items as `key=qty` text, e.g. `sheep_goat.adult=3`.
  public var itemsText: String { ComplaintRecord.itemsText(items) }

  /// `items` as `key=qty` text joined by `;`.
  static func itemsText(_ items: [ItemQuantity]) -> String {
    items.map { "\($0.item)=\(Decimal2.format($0.centi))" }.joined(separator: ";")
  }

  public var json: JSON {
    func coordinate(_ micro: Int?) -> JSON {
      guard let micro else { return .null }
      return .string(ComplaintRecord.degrees(micro))
    }
    return .object([
      ("id", .string(code)), ("district", .string(district)),
      ("conservancy", .optional(conservancy)),
      (
        "claimant",
        .object([
          ("national_id_masked", .string(claimantMaskedID)), ("name", .string(claimantName)),
        ])
      ),
      ("type", .string(type)), ("species", .string(species)),
      ("incident_date", .string(incidentDate)), ("reported_date", .string(reportedDate)),
      ("status", .string(status)),
      (
        "items",
        .array(items.map(\.json))
      ),
      ("ref", .optional(ref)), ("village", .optional(village)),
      ("latitude", coordinate(latitudeMicro)), ("longitude", coordinate(longitudeMicro)),
      ("notes", .optional(notes)), ("registered_at", .string(registeredAt)),
      ("registered_by", .string(registeredBy)), ("flags", .array(flags.map(JSON.string))),
      (
        "events",
        .array(
          events.map { event in
            .object(
              [
                ("kind", .string(event.kind)), ("from", .optional(event.fromStatus)),
                ("to", .string(event.toStatus)), ("actor", .string(event.actor)),
                ("at", .string(event.at)), ("reason", .optional(event.reason)),
              ] + (event.changes.isEmpty ? [] : [("changes", .array(event.changes.map(\.json)))]))
          })
      ),
    ])
  }

  /// Millionths of a degree as a decimal text with six places.
  static func degrees(_ micro: Int) -> String {
    let sign = micro < 0 ? "-" : ""
    let magnitude = micro.magnitude
    let fraction = String(magnitude % 1_000_000)
    return "\(sign)\(magnitude / 1_000_000)."
      + String(repeating: "0", count: 6 - fraction.count) + fraction
  }
}

extension ItemQuantity {
  /// `{"item": "sheep_goat.adult", "quantity": "3"}`, as a complaint's JSON lists its items.
  var json: JSON {
    .object([("item", .string(item)), ("quantity", .string(Decimal2.format(centi)))])
  }
}
