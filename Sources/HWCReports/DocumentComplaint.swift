import HWCCore
import HWCDomain
import HWCRegister
import HWCRules
import HWCTemplates

/// A code with its name in both languages: a damage type, a species, a rate item.
public struct CodedName: Sendable, Equatable {
  public let code: String
  public let name: LocalizedName
}

/// A quantity of a rate item, with the item's name and unit.
public struct DocumentItem: Sendable, Equatable {
  public let item: CodedName
  /// `head`, `hectare`, `tonne` or `point_day`.
  public let unit: String
  public let quantityCenti: Int
}

/// A complaint as the herder's documents show it: what was registered, names in both languages,
/// and the claimant's national ID masked (the full number never leaves the register).
public struct DocumentComplaint: Sendable, Equatable {
  /// The complaint id, e.g. `KAZ-2026-0001`.
  public let code: String
  /// The field-form number, when there is one.
  public let ref: String?
  public let status: ComplaintStatus
  /// The day the complaint was entered in the register (`YYYY-MM-DD`).
  public let registeredOn: String
  /// The user who registered it.
  public let registeredBy: String
  public let incidentDate: String
  public let reportedDate: String
  public let claimantName: String
  /// First two and last two digits, the rest `*`.
  public let claimantMaskedID: String
  /// The claimant's preferred language, the default of their documents; not in the JSON.
  public let claimantLang: String?
  public let district: LocalizedName
  public let region: LocalizedName
  public let conservancy: LocalizedName?
  public let village: String?
  public let type: CodedName
  public let species: CodedName
  /// What the herder claimed, in item order.
  public let items: [DocumentItem]
  /// `kz-state`, `kg-buffer`, or nil when no scheme covers the place (Kyrgyzstan outside a
  /// conservancy).
  public let scheme: String?

  /// The complaint with id `code`; an unknown id is refused naming the `ID` argument.
  static func load(_ register: Register, code: String) throws -> DocumentComplaint {
    DocumentComplaint(
      try register.complaintDocument(code: code), register.reference, zone: register.officeZone)
  }

  /// An item quantity with the item's names and unit from the reference data.
  static func item(_ reference: Reference, _ code: String, _ centi: Int) -> DocumentItem {
    let kind = reference.items[code]
    return DocumentItem(
      item: CodedName(code: code, name: kind?.name ?? LocalizedName(en: code, ru: code)),
      unit: kind?.unit ?? "unit", quantityCenti: centi)
  }

  /// What a template sees of the complaint: its JSON fields, with names in the language of
  /// `words`, the words for its codes (`status_name`, `type_name`, `species_name`,
  /// `scheme_name`) and quantities written its way.
  func context(_ words: Words) -> TemplateValue {
    TemplateValue(.object(json)).adding(localized(words))
  }

  /// The fields only the text shows, added to or replacing the JSON's.
  func localized(_ words: Words) -> [String: TemplateValue] {
    [
      "status_name": .string(words.status(status)),
      "district": .string(words.name(district)), "region": .string(words.name(region)),
      "conservancy": .optional(conservancy.map(words.name)),
      "type_name": .string(words.name(type.name)),
      "species_name": .string(words.name(species.name)),
      "items": .list(items.map { TemplateValue($0.json).adding($0.localized(words)) }),
      "scheme_name": .optional(scheme.map { Scheme(rawValue: $0).map(words.scheme) ?? $0 }),
    ]
  }

  /// The complaint as JSON: codes and English names, the national ID masked.
  var json: [(String, JSON)] {
    [
      ("id", .string(code)), ("ref", .optional(ref)), ("status", .string(status.rawValue)),
      ("registered_on", .string(registeredOn)), ("registered_by", .string(registeredBy)),
      ("incident_date", .string(incidentDate)), ("reported_date", .string(reportedDate)),
      (
        "claimant",
        .object([
          ("name", .string(claimantName)), ("national_id_masked", .string(claimantMaskedID)),
        ])
      ),
      ("district", .string(district.en)), ("region", .string(region.en)),
      ("conservancy", .optional(conservancy?.en)), ("village", .optional(village)),
      ("type", .string(type.code)), ("species", .string(species.code)),
      ("items", .array(items.map(\.json))), ("scheme", .optional(scheme)),
    ]
  }
}

extension DocumentComplaint {
  /// The complaint as the documents show `facts`, with names from the reference data and the
  /// registration date local to the office's `zone`.
  init(_ facts: ComplaintDocumentFacts, _ reference: Reference, zone: OfficeZone) {
    // The scheme that pays here, from the rules' coverage; none outside a Kyrgyz conservancy.
    let scheme = facts.coverage.payer?.scheme.rawValue
    self.init(
      code: facts.code, ref: facts.ref, status: facts.status,
      registeredOn: zone.localDate(ofTimestamp: facts.registeredAt)?.description
        ?? DocumentText.date(ofTimestamp: facts.registeredAt),
      registeredBy: facts.registeredBy, incidentDate: facts.incidentDate,
      reportedDate: facts.reportedDate, claimantName: facts.claimantName,
      claimantMaskedID: facts.claimantMaskedID, claimantLang: facts.claimantLang,
      district: facts.district.name,
      region: facts.district.region, conservancy: facts.conservancy?.name,
      village: facts.village,
      type: CodedName(
        code: facts.damageType,
        name: reference.damageTypes[facts.damageType]
          ?? LocalizedName(en: facts.damageType, ru: facts.damageType)),
      species: CodedName(
        code: facts.species,
        name: reference.species[facts.species]
          ?? LocalizedName(en: facts.species, ru: facts.species)),
      items: facts.items.map { DocumentComplaint.item(reference, $0.item, $0.quantityCenti) },
      scheme: scheme)
  }
}

extension DocumentItem {
  /// The item's name and unit in the reader's language, the quantity in its writing; the unit
  /// agrees with the quantity (`unit.UNIT.CATEGORY` of the words, by the plural rule): «1 голова»,
  /// «3 головы», «12 голов».
  func localized(_ words: Words) -> [String: TemplateValue] {
    let locale = words.locale
    let magnitude = quantityCenti.magnitude
    var fraction = magnitude % 100 == 0 ? "" : String(magnitude % 100 + 100).dropFirst()
    while fraction.last == "0" { fraction.removeLast() }
    let category = locale.pluralRule.category(whole: magnitude / 100, fraction: String(fraction))
    return [
      "name": .string(words.name(item.name)),
      "quantity": .string(locale.numbers.hundredths(quantityCenti)),
      "unit_name": .string(
        locale.words["unit.\(unit).\(category)"] ?? locale.words["unit.\(unit).other"]
          ?? words.unit(code: unit)),
    ]
  }

  /// The item's fields in JSON: code, quantity as a plain decimal, unit code.
  var fields: [(String, JSON)] {
    [
      ("item", .string(item.code)), ("quantity", .string(Decimal2.format(quantityCenti))),
      ("unit", .string(unit)),
    ]
  }

  var json: JSON { .object(fields) }
}
