import HWCCore
import HWCDomain
import HWCStore

/// Reads the reference tables into a `Reference` value.
enum ReferenceLoader {
  static func load(_ db: Database) throws -> Reference {
    let districts = try db.prepare(
      "SELECT id, code, name_en, name_ru, country, region_en, region_ru FROM district ORDER BY id"
    ).map { row in
      District(
        id: row.int("id"), code: row.text("code"),
        name: LocalizedName(
          en: row.text("name_en"), ru: row.text("name_ru"),
          key: LocalizedName.key("district", code: row.text("code"))),
        country: Country(rawValue: row.text("country")) ?? .kz,
        region: LocalizedName(
          en: row.text("region_en"), ru: row.text("region_ru"),
          key: LocalizedName.key("region", english: row.text("region_en"))))
    }
    let conservancies = try db.prepare(
      "SELECT id, name_en, name_ru, district_id FROM conservancy ORDER BY id"
    ).map { row in
      Conservancy(
        id: row.int("id"),
        name: LocalizedName(
          en: row.text("name_en"), ru: row.text("name_ru"),
          key: LocalizedName.key("conservancy", english: row.text("name_en"))),
        districtID: row.int("district_id"))
    }
    func names(_ table: String, kind: String) throws -> [String: LocalizedName] {
      var result: [String: LocalizedName] = [:]
      try db.prepare("SELECT code, name_en, name_ru FROM \(table)").eachRow { row in
        result[row.text("code")] = LocalizedName(
          en: row.text("name_en"), ru: row.text("name_ru"),
          key: LocalizedName.key(kind, code: row.text("code")))
      }
      return result
    }
    var items: [String: ItemKind] = [:]
    try db.prepare("SELECT code, name_en, name_ru, unit, livestock_class, age FROM item").eachRow {
      row in
      items[row.text("code")] = ItemKind(
        code: row.text("code"),
        name: LocalizedName(
          en: row.text("name_en"), ru: row.text("name_ru"),
          key: LocalizedName.key("item", code: row.text("code"))),
        unit: row.text("unit"), livestockClass: row.optionalText("livestock_class"),
        age: row.optionalText("age"))
    }
    var allowed: [String: Set<String>] = [:]
    try db.prepare("SELECT damage_type, item FROM damage_item").eachRow { row in
      allowed[row.text("damage_type"), default: []].insert(row.text("item"))
    }
    return Reference(
      districts: districts, conservancies: conservancies,
      species: try names("species", kind: "species"),
      damageTypes: try names("damage_type", kind: "damage"), items: items, allowedItems: allowed)
  }
}
