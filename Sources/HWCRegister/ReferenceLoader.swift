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
        id: row.int(0), code: row.text(1), name: LocalizedName(en: row.text(2), ru: row.text(3)),
        country: Country(rawValue: row.text(4)) ?? .kz,
        region: LocalizedName(en: row.text(5), ru: row.text(6)))
    }
    let conservancies = try db.prepare(
      "SELECT id, name_en, name_ru, district_id FROM conservancy ORDER BY id"
    ).map { row in
      Conservancy(
        id: row.int(0), name: LocalizedName(en: row.text(1), ru: row.text(2)),
        districtID: row.int(3))
    }
    func names(_ table: String) throws -> [String: LocalizedName] {
      var result: [String: LocalizedName] = [:]
      try db.prepare("SELECT code, name_en, name_ru FROM \(table)").eachRow { row in
        result[row.text(0)] = LocalizedName(en: row.text(1), ru: row.text(2))
      }
      return result
    }
    var items: [String: ItemKind] = [:]
    try db.prepare("SELECT code, name_en, name_ru, unit, livestock_class, age FROM item").eachRow {
      row in
      items[row.text(0)] = ItemKind(
        code: row.text(0), name: LocalizedName(en: row.text(1), ru: row.text(2)),
        unit: row.text(3), livestockClass: row.optionalText(4), age: row.optionalText(5))
    }
    var allowed: [String: Set<String>] = [:]
    try db.prepare("SELECT damage_type, item FROM damage_item").eachRow { row in
      allowed[row.text(0), default: []].insert(row.text(1))
    }
    return Reference(
      districts: districts, conservancies: conservancies, species: try names("species"),
      damageTypes: try names("damage_type"), items: items, allowedItems: allowed)
  }
}
