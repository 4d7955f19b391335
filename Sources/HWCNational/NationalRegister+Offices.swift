import HWCStore

extension NationalRegister {
  /// Every enrolled office, by code, with its last accepted bundle.
  public func offices() throws -> [NationalOffice] {
    var areas: [Int: (districts: [String], conservancies: [String])] = [:]
    try db.prepare("SELECT office_id, kind, name FROM office_area ORDER BY name").eachRow([]) {
      row in
      let id = row.int("office_id")
      if row.text("kind") == "district" {
        areas[id, default: ([], [])].districts.append(row.text("name"))
      } else {
        areas[id, default: ([], [])].conservancies.append(row.text("name"))
      }
    }
    return try db.prepare(
      """
      SELECT o.id, o.code, o.enrolled_at, a.export, a.chain_position, a.chain_head,
        a.accepted_at, a.bundle_created_at, a.replica_sha256
      FROM office o
      LEFT JOIN acceptance a ON a.id = (
        SELECT max(id) FROM acceptance WHERE office_id = o.id)
      ORDER BY o.code
      """
    ).map([]) { row in
      let code = row.text("code")
      let area = areas[row.int("id")] ?? ([], [])
      let export = row.optionalInt("export")
      return NationalOffice(
        code: code, districts: area.districts, conservancies: area.conservancies,
        enrolledAt: row.text("enrolled_at"), lastExport: export,
        lastPosition: row.optionalInt("chain_position"), lastHead: row.optionalText("chain_head"),
        lastAcceptedAt: row.optionalText("accepted_at"),
        lastBundleCreatedAt: row.optionalText("bundle_created_at"),
        replicaPath: export == nil ? nil : folder.replica(code),
        replicaSHA256: row.optionalText("replica_sha256"))
    }
  }

  /// The office with `code`, nil when none is enrolled under it.
  public func office(_ code: String) throws -> NationalOffice? {
    try offices().first { $0.code == code }
  }
}
