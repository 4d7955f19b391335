import HWCCore
import Testing

@testable import HWCDomain

/// A small reference set shaped like the seeded one.
let testReference: Reference = {
  let kaztalov = District(
    id: 1, code: "KAZ", name: LocalizedName(en: "Kaztalov", ru: "Казталовский"), country: .kz,
    region: LocalizedName(en: "West Kazakhstan", ru: "Западно-Казахстанская"))
  let chuy = District(
    id: 7, code: "CHU", name: LocalizedName(en: "Chuy", ru: "Чуйский"), country: .kg,
    region: LocalizedName(en: "Chuy", ru: "Чуйская"))
  let ton = District(
    id: 9, code: "TON", name: LocalizedName(en: "Ton", ru: "Тонский"), country: .kg,
    region: LocalizedName(en: "Issyk-Kul", ru: "Иссык-Кульская"))
  func item(_ code: String, _ unit: String, _ livestock: String? = nil, _ age: String? = nil)
    -> (String, ItemKind)
  {
    (
      code,
      ItemKind(
        code: code, name: LocalizedName(en: code, ru: code), unit: unit, livestockClass: livestock,
        age: age)
    )
  }
  let items = Dictionary(
    uniqueKeysWithValues: [
      item("sheep_goat.adult", "head", "sheep_goat", "adult"),
      item("sheep_goat.young", "head", "sheep_goat", "young"),
      item("pasture.light", "hectare"), item("hay", "tonne"),
    ])
  let name = { (code: String) in LocalizedName(en: code, ru: code) }
  return Reference(
    districts: [kaztalov, chuy, ton],
    conservancies: [
      Conservancy(id: 1, name: LocalizedName(en: "Shamshy", ru: "Шамшы"), districtID: 7)
    ],
    species: ["saiga": name("saiga"), "wolf": name("wolf")],
    damageTypes: [
      "livestock_predation": name("x"), "pasture_trampling": name("x"), "hay_loss": name("x"),
    ],
    items: items,
    allowedItems: [
      "livestock_predation": ["sheep_goat.adult", "sheep_goat.young"],
      "pasture_trampling": ["pasture.light"], "hay_loss": ["hay"],
    ])
}()

@Suite struct ComplaintValidatorTests {
  let validator = ComplaintValidator(reference: testReference, today: CalendarDate("2026-06-15")!)

  func draft(_ change: (inout ComplaintDraft) -> Void = { _ in }) -> ComplaintDraft {
    var draft = ComplaintDraft(
      nationalID: "880512300411", district: "Kaztalov", type: "livestock_predation",
      species: "wolf", incidentDate: "2026-06-01", reportedDate: "2026-06-02",
      items: ["sheep_goat.adult=3", "sheep_goat.young=1"])
    change(&draft)
    return draft
  }

  @Test func aCompleteDraftIsAccepted() throws {
    let valid = try validator.validate(draft()).get()
    #expect(valid.district.code == "KAZ")
    #expect(
      valid.items == [
        ItemQuantity(item: "sheep_goat.adult", centi: 300),
        ItemQuantity(item: "sheep_goat.young", centi: 100),
      ])
  }

  @Test func districtAndConservancyNamesAreCaseInsensitive() throws {
    let valid = try validator.validate(
      draft {
        $0.district = "chuy"
        $0.conservancy = "SHAMSHY"
      }
    ).get()
    #expect(valid.conservancy?.id == 1)
  }

  @Test func decimalQuantitiesAreKeptExactly() throws {
    let valid = try validator.validate(
      draft {
        $0.type = "pasture_trampling"
        $0.species = "saiga"
        $0.items = ["pasture.light=35.55"]
      }
    ).get()
    #expect(valid.items == [ItemQuantity(item: "pasture.light", centi: 3555)])
  }

  @Test func coordinatesAreStoredInMillionthsOfADegree() throws {
    let valid = try validator.validate(draft { $0.coordinates = "49.7512,-48.684" }).get()
    #expect(valid.latitudeMicro == 49_751_200)
    #expect(valid.longitudeMicro == -48_684_000)
  }

  @Test(
    arguments: [
      ("claimant", ["nationalID": " "], "--claimant: is required"),
      ("district", ["district": "Atlantis"], "--district: 'Atlantis' is not a district"),
      (
        "conservancy unknown", ["conservancy": "Nowhere"],
        "--conservancy: 'Nowhere' is not a conservancy"
      ),
      (
        "conservancy elsewhere", ["conservancy": "Shamshy"],
        "--conservancy: Shamshy is in Chuy, not in Kaztalov"
      ),
      ("type", ["type": "flood"], "--type: 'flood' is not a damage type"),
      ("species", ["species": "dragon"], "--species: 'dragon' is not a species"),
      ("not a date", ["incidentDate": "2026-02-30"], "--incident-date: 2026-02-30 is not a date"),
      ("missing date", ["reportedDate": ""], "--reported-date: is required"),
      (
        "future incident", ["incidentDate": "2026-06-16", "reportedDate": "2026-06-16"],
        "--incident-date: 2026-06-16 is in the future"
      ),
      (
        "future report", ["reportedDate": "2026-06-16"],
        "--reported-date: 2026-06-16 is in the future"
      ),
      (
        "report before incident", ["reportedDate": "2026-05-31"],
        "--reported-date: 2026-05-31 is before the incident date 2026-06-01"
      ),
      ("no items", ["items": ""], "--item: at least one item is required"),
      ("item shape", ["items": "sheep_goat.adult"], "--item: 'sheep_goat.adult' is not KEY=QTY"),
      ("unknown item", ["items": "goat=1"], "--item: 'goat' is not an item"),
      (
        "item not for type", ["items": "hay=1"],
        "--item: hay is not accepted for livestock_predation"
      ),
      (
        "item twice", ["items": "sheep_goat.adult=1;sheep_goat.adult=2"],
        "--item: sheep_goat.adult is given more than once"
      ),
      (
        "negative", ["items": "sheep_goat.adult=-1"],
        "--item: sheep_goat.adult quantity '-1' must not be negative"
      ),
      (
        "decimals", ["type": "hay_loss", "items": "hay=1.234"],
        "--item: hay quantity '1.234' has more than two decimals"
      ),
      (
        "not a number", ["items": "sheep_goat.adult=three"],
        "--item: sheep_goat.adult quantity 'three' is not a number"
      ),
      (
        "half a head", ["items": "sheep_goat.adult=1.5"],
        "--item: sheep_goat.adult is counted in whole heads"
      ),
      ("coordinates", ["coordinates": "north"], "--coordinates: 'north' is not LAT,LON"),
      ("coordinates range", ["coordinates": "91,10"], "--coordinates: '91,10' is outside"),
      (
        "ref too long", ["ref": String(repeating: "x", count: 65)],
        "--ref: is longer than 64 characters"
      ),
      ("control characters", ["village": "a\u{07}b"], "--village: contains control characters"),
    ] as [(String, [String: String], String)])
  func eachRefusalNamesItsField(_ name: String, changes: [String: String], message: String) {
    let draft = draft { draft in
      for (key, value) in changes {
        switch key {
        case "nationalID": draft.nationalID = value
        case "district": draft.district = value
        case "conservancy": draft.conservancy = value
        case "type": draft.type = value
        case "species": draft.species = value
        case "incidentDate": draft.incidentDate = value
        case "reportedDate": draft.reportedDate = value
        case "items":
          draft.items = value.isEmpty ? [] : value.split(separator: ";").map(String.init)
        case "coordinates": draft.coordinates = value
        case "ref": draft.ref = value
        case "village": draft.village = value
        default: Issue.record("unknown key \(key)")
        }
      }
    }
    switch validator.validate(draft) {
    case .success: Issue.record("\(name): accepted")
    case .failure(let error): #expect(error.description.hasPrefix(message), "\(name)")
    }
  }

  @Test func anIncidentReportedTodayIsAccepted() throws {
    _ = try validator.validate(
      draft {
        $0.incidentDate = "2026-06-15"
        $0.reportedDate = "2026-06-15"
      }
    ).get()
  }
}
