import HWCCore
import HWCDomain
import HWCRegister
import HWCStore

/// The checks `national accept` makes on a bundle's snapshot, extracted to `path`, before it
/// may replace the office's replica; each failure is a `BundleRefusal` naming the reason.
struct SnapshotCheck {
  /// The extracted snapshot.
  let path: String
  let facts: BundleFacts
  /// The office as enrolled, with its last accepted bundle.
  let office: NationalOffice
  /// The office's current replica, when it has one.
  let replica: String?

  private func refuse(_ reason: String) -> BundleRefusal {
    BundleRefusal(office: office.code, reason: reason)
  }

  /// Runs every check, cheapest first.
  func run() throws {
    let register: Register
    do {
      register = try Register.open(path: path, readOnly: true)
    } catch {
      throw refuse("its snapshot cannot be opened as a register (\(error))")
    }
    if let failed = try register.check().first(where: { $0.problem != nil }) {
      throw refuse("its snapshot fails check (\(failed.name): \(failed.problem ?? ""))")
    }
    let head = try register.chainHead()
    guard head.position == facts.chainPosition, head.hash == facts.chainHead else {
      throw refuse(
        "its snapshot's audit chain ends at entry \(grouped(head.position)), not at the "
          + "manifest's entry \(grouped(facts.chainPosition)) and head")
    }
    try checkAreas(reference: register.reference)
    try checkContinuity(register)
  }

  /// Refuses a row of a district or conservancy that is not the office's, in any table that
  /// has a `district_id` or `conservancy_id` column (reference tables aside).
  private func checkAreas(reference: Reference) throws {
    let db = try Database(path: path, create: false, readOnly: true)
    let districts = reference.districts.filter { office.districts.contains($0.code) }.map(\.id)
    let conservancies = reference.conservancies.filter {
      office.conservancies.contains($0.name.en)
    }.map(\.id)
    let tables = try db.prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
        + "AND name NOT IN ('district', 'conservancy') ORDER BY name"
    ).map([]) { $0.text(0) }
    for table in tables {
      let columns = Set(
        try db.prepare("SELECT name FROM pragma_table_info(?)").map([.text(table)]) {
          $0.text(0)
        })
      for (column, own) in [("district_id", districts), ("conservancy_id", conservancies)]
      where columns.contains(column) {
        let list = own.map(String.init).joined(separator: ", ")
        let sql =
          "SELECT \(column) FROM \(table) WHERE \(column) IS NOT NULL "
          + "AND \(column) NOT IN (\(list)) LIMIT 1"
        guard let foreign = try db.scalar(Int.self, sql) else { continue }
        let name =
          column == "district_id"
          ? reference.district(id: foreign).map { "district \($0.name.en) (\($0.code))" }
          : reference.conservancy(id: foreign).map { "conservancy \($0.name.en)" }
        throw refuse(
          "its snapshot holds a \(table) row of \(name ?? "another area"), which is not "
            + "office \(office.code)'s")
      }
    }
  }

  /// Refuses a chain that no longer holds, unchanged, the head of the last bundle accepted from
  /// the office, naming the first entry that differs from the replica's.
  private func checkContinuity(_ snapshot: Register) throws {
    guard let lastExport = office.lastExport, let position = office.lastPosition,
      let head = office.lastHead
    else { return }
    let accepted =
      "bundle \(lastExport) accepted \(String((office.lastAcceptedAt ?? "").prefix(10)))"
    guard facts.chainPosition >= position else {
      throw refuse(
        "its audit chain ends at entry \(grouped(facts.chainPosition)), before entry "
          + "\(grouped(position)), the head of \(accepted)")
    }
    let stored = try snapshot.chainHashes(from: position, through: position).first?.hash
    if stored.map(SHA256.hex) == head { return }
    var first = position
    if let replica, let previous = try? Register.open(path: replica, readOnly: true) {
      first = try firstDifference(snapshot, previous, through: position) ?? position
    }
    throw refuse("entry \(grouped(first)) differs from \(accepted)")
  }

  /// The first entry among `1…last` whose stored hash differs between the two registers.
  private func firstDifference(_ one: Register, _ other: Register, through last: Int) throws
    -> Int?
  {
    let chunk = 50_000
    var start = 1
    while start <= last {
      let end = min(last, start + chunk - 1)
      let mine = try one.chainHashes(from: start, through: end)
      let theirs = try other.chainHashes(from: start, through: end)
      for index in 0..<max(mine.count, theirs.count) {
        guard index < mine.count, index < theirs.count else { return start + index }
        if mine[index].id != theirs[index].id || mine[index].hash != theirs[index].hash {
          return min(mine[index].id, theirs[index].id)
        }
      }
      start = end + 1
    }
    return nil
  }

  /// `1234` as `1,234`.
  private func grouped(_ number: Int) -> String { NumberStyle.english.integer(number) }
}
